import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { isUnlimited, type SubscriptionSummary } from '../../domain/moyklass-subscription.ts';
import { currentIntlTag } from '../../i18n/locale.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import { moneyStrings } from '../money/index.ts';
import {
  observeAthleteSubscription,
  type AthleteSubscriptionData,
} from './athlete-subscription-data.ts';

const m = moneyStrings.moyklass;

/**
 * The athlete's Moyklass subscription this season, as the last refresh from
 * Moyklass saw it: its state, the visits left (or unlimited) and until when it
 * runs. Nothing shows before a coach has refreshed: there is nothing to tell.
 */
@customElement('athlete-subscription')
export class AthleteSubscription extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        margin-top: var(--ts-space-4);
      }
      .figure {
        font-size: 1.25rem;
        font-weight: 700;
        margin: 0 0 var(--ts-space-1);
      }
    `,
  ];

  @property() athleteId = '';

  readonly #data = new LocalQueryController(
    this,
    (engine, onChange: (data: AthleteSubscriptionData | null) => void) =>
      observeAthleteSubscription(engine, this.athleteId, Date.now, onChange),
    { key: () => this.athleteId },
  );

  override render() {
    const data = this.#data.value;
    if (!data) return nothing;
    const fetched = new Intl.DateTimeFormat(currentIntlTag, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: data.timeZone,
    }).format(Date.parse(data.fetchedAt));
    return html`<section class="card" aria-labelledby="subscription-heading">
      <h2 id="subscription-heading">${m.subscription.title(data.season)}</h2>
      ${data.main ? this.renderMain(data.main) : html`<p>${m.subscription.none}</p>`}
      <p class="muted">${m.fetchedAt(fetched)}</p>
    </section>`;
  }

  private renderMain(s: SubscriptionSummary) {
    const t = m.subscription;
    const balance = isUnlimited(s)
      ? t.unlimited
      : s.visitsLeft !== null
        ? t.visitsLeft(s.visitsLeft)
        : null;
    const dates = [
      s.status === 'inactive' && s.beginDate ? t.from(t.date(s.beginDate)) : null,
      s.endDate ? t.until(t.date(s.endDate)) : null,
    ].filter((x) => x !== null);
    return html`<p class="figure">${balance ?? t.status[s.status]}</p>
      <p>${balance === null ? nothing : `${t.status[s.status]}. `}${dates.join(' · ')}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'athlete-subscription': AthleteSubscription;
  }
}
