import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatMoney } from '../../domain/money.ts';
import {
  addDays,
  kmText,
  raceWeeks,
  type MyRacePlan,
  type RaceBanner,
  type RacePage as RacePageData,
} from '../../domain/races.ts';
import { signInPath } from '../../domain/return-path.ts';
import { errorStrings } from '../../i18n/error-strings.ts';
import { currentIntlTag } from '../../i18n/locale.ts';
import { strings } from '../../i18n/shell-strings.ts';
import { authContext, supabaseContext } from '../../state/contexts.ts';
import { OnlineController } from '../../state/online-controller.ts';
import { chipStyles } from '../../ui/chip-styles.ts';
import { fieldStyles } from '../../ui/field-styles.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import {
  buyRacePlan,
  countPlacement,
  featureOff,
  loadMyRacePlans,
  loadPlanWorkouts,
  loadRacePage,
  type RaceWorkout,
} from './races-data.ts';
import { formatPlanDate, formatRaceDate, formatWeekDate } from './race-format.ts';
import { racesStrings as t } from './races-strings.ts';

type Loaded =
  | { status: 'loading' }
  | { status: 'off' }
  | { status: 'not-found' }
  | { status: 'error'; message: string }
  | { status: 'ready'; race: RacePageData };

/** the participant's copy for this race and its readable workouts */
interface Mine {
  plan: MyRacePlan;
  workouts: RaceWorkout[];
}

/** what the server charges: the list price less the percentage, rounded as checkout_prepare does */
function discounted(priceMinor: number, percentOff: number): number {
  return priceMinor - Math.floor((priceMinor * percentOff) / 100);
}

/**
 * A race's page, for anyone: name, date, place, distances and organizer; the
 * race-page banner (a view counted once per page load, a click on tap); the plans
 * for sale with their price, the partner discount filled in and the day each plan
 * starts; perks by title. Signed in, "Buy" starts the checkout with the code and
 * the payment comes back here; signed out, it signs in first and comes back.
 * A participant also sees their own plan for the race: the weeks, the open ones'
 * workouts and the day each other one opens, the weeks left out of a late start,
 * the perks with their codes and the plan's banner. Read from the server.
 */
@customElement('race-page')
export class RacePage extends LitElement {
  static override styles = [
    sharedStyles,
    fieldStyles,
    chipStyles,
    css`
      section {
        margin-top: var(--ts-space-5);
      }
      h2 {
        font-size: 1.125rem;
        margin: 0 0 var(--ts-space-3);
      }
      h3 {
        font-size: 1rem;
        margin: 0;
        overflow-wrap: anywhere;
      }
      h1 {
        overflow-wrap: anywhere;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: var(--ts-space-1) var(--ts-space-3);
        margin: 0;
      }
      dt {
        color: var(--ts-color-muted);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--ts-space-3);
      }
      li.card {
        display: grid;
        gap: var(--ts-space-2);
        min-width: 0;
      }
      p {
        margin: 0;
      }
      .meta {
        color: var(--ts-color-muted);
        font-size: 0.9375rem;
        overflow-wrap: anywhere;
      }
      .price {
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .price s {
        font-weight: 400;
        color: var(--ts-color-muted);
        margin-right: var(--ts-space-2);
      }
      .banner {
        display: block;
        margin: var(--ts-space-4) 0;
        line-height: 0;
      }
      .banner img {
        display: block;
        width: 100%;
        max-width: 640px;
        height: auto;
        aspect-ratio: 640 / 90;
        border-radius: 8px;
        background: var(--ts-color-brand-soft);
      }
      .banner-caption {
        margin-top: var(--ts-space-1);
        line-height: 1.4;
        font-size: 0.875rem;
        color: var(--ts-color-muted);
      }
      .code-field {
        display: grid;
        gap: var(--ts-space-1);
        margin-bottom: var(--ts-space-3);
        font-weight: 600;
      }
      .code-field input {
        max-width: 16rem;
      }
      .weeks > li {
        display: grid;
        gap: var(--ts-space-1);
        padding: var(--ts-space-3) 0;
        border-bottom: 1px solid var(--ts-color-border);
      }
      .weeks > li:last-child {
        border-bottom: none;
      }
      .weeks {
        gap: 0;
      }
      .week-head {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ts-space-1) var(--ts-space-3);
        align-items: baseline;
      }
      .workouts {
        gap: var(--ts-space-1);
      }
      .workouts li {
        overflow-wrap: anywhere;
      }
      .perk-code {
        font-family: ui-monospace, monospace;
        font-weight: 700;
        letter-spacing: 0.03em;
      }
    `,
  ];

  /** from the URL */
  @property() raceId = '';

  readonly #client = new ContextConsumer(this, { context: supabaseContext, subscribe: true });
  readonly #auth = new ContextConsumer(this, { context: authContext, subscribe: true });
  readonly #online = new OnlineController(this);
  @state() private loaded: Loaded = { status: 'loading' };
  @state() private mine: Mine | null = null;
  @state() private code = '';
  @state() private codeError = '';
  @state() private buyError = '';
  @state() private buying = '';
  @state() private notice = '';
  #loadedFor = '';
  /** the banners whose view this page load has counted */
  readonly #viewed = new Set<string>();
  readonly #checkout = new URLSearchParams(location.search).get('checkout');

  private get signedIn(): boolean {
    return this.#auth.value?.status === 'signed-in';
  }

  override willUpdate(): void {
    const client = this.#client.value;
    const auth = this.#auth.value?.status ?? 'loading';
    const key = `${this.raceId}/${auth}/${String(this.#online.online)}`;
    if (!client || auth === 'loading' || !this.#online.online || this.#loadedFor === key) return;
    this.#loadedFor = key;
    if (this.#checkout === 'success') this.notice = t.race.paid;
    else if (this.#checkout === 'canceled') this.notice = t.race.canceled;
    void this.load();
  }

  private async load(): Promise<void> {
    const client = this.#client.value;
    const raceId = this.raceId;
    if (!client) return;
    const page = await loadRacePage(client, raceId);
    if (raceId !== this.raceId) return;
    if (!page.ok) {
      this.loaded = featureOff(page.error)
        ? { status: 'off' }
        : page.error.hint === 'race_not_found' || page.error.code === '22P02'
          ? { status: 'not-found' }
          : { status: 'error', message: page.error.message };
      return;
    }
    const race = page.value;
    if (this.code === '' && race.discount) this.code = race.discount.code;
    this.loaded = { status: 'ready', race };
    this.countViews(race.placements);
    if (this.signedIn) await this.loadMine(this.#checkout === 'success' ? 15 : 1);
  }

  /** the participant's plan for this race; after a payment, asked again until the webhook lands */
  private async loadMine(tries: number): Promise<void> {
    const client = this.#client.value;
    const raceId = this.raceId;
    if (!client) return;
    for (let i = 0; i < tries; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 2000));
      const plans = await loadMyRacePlans(client);
      if (raceId !== this.raceId) return;
      if (!plans.ok) {
        this.buyError = plans.error.message;
        return;
      }
      const plan = plans.value.find((p) => p.race.id === raceId);
      if (!plan) {
        if (tries > 1) this.notice = t.race.waiting;
        continue;
      }
      const workouts = await loadPlanWorkouts(client, plan.planId);
      if (raceId !== this.raceId) return;
      if (!workouts.ok) {
        this.buyError = workouts.error.message;
        return;
      }
      this.mine = { plan, workouts: workouts.value };
      this.countViews(plan.placements);
      if (tries > 1) this.notice = '';
      return;
    }
  }

  private countViews(banners: readonly RaceBanner[]): void {
    const client = this.#client.value;
    if (!client) return;
    for (const b of banners) {
      if (this.#viewed.has(b.id)) continue;
      this.#viewed.add(b.id);
      void countPlacement(client, b.id, 'view');
    }
  }

  private clicked(banner: RaceBanner): void {
    const client = this.#client.value;
    if (client) void countPlacement(client, banner.id, 'click');
  }

  override render() {
    if (!this.#online.online)
      return html`<h1>${t.list.title}</h1>
        <ts-notice><p>${t.needsNetwork}</p></ts-notice>`;
    const loaded = this.loaded;
    switch (loaded.status) {
      case 'loading':
        return html`<p class="muted" role="status">${strings.loading}</p>`;
      case 'off':
        return html`<h1>${t.list.title}</h1>
          <ts-notice tone="warning" data-testid="races-off"><p>${t.race.featureOff}</p></ts-notice>
          <p><a href="/races">${t.list.title}</a></p>`;
      case 'not-found':
        return html`<h1>${t.list.title}</h1>
          <ts-notice><p>${t.race.notFound}</p></ts-notice>
          <p><a href="/races">${t.list.title}</a></p>`;
      case 'error':
        return html`<h1>${t.list.title}</h1>
          <ts-notice tone="error"><p>${t.loadFailed}: ${loaded.message}</p></ts-notice>
          <p>
            <button class="button secondary" type="button" @click=${() => this.reload()}>
              ${t.retry}
            </button>
          </p>`;
      case 'ready':
        return this.renderRace(loaded.race);
    }
  }

  private renderRace(race: RacePageData): TemplateResult {
    const km = race.distancesM.map((d) => t.km(kmText(d, currentIntlTag))).join(' · ');
    return html`
      <h1>${race.name}</h1>
      ${race.status === 'cancelled' ? html`<ts-notice tone="error"><p>${t.race.cancelled}</p></ts-notice>` : nothing}
      ${race.status === 'draft' ? html`<ts-notice><p>${t.race.draft}</p></ts-notice>` : nothing}
      <dl class="card">
        <dt>${t.date}</dt>
        <dd>${formatRaceDate(race.raceDate)}</dd>
        ${
          race.place
            ? html`<dt>${t.place}</dt>
                <dd>${race.place}</dd>`
            : nothing
        }
        ${
          km
            ? html`<dt>${t.distances}</dt>
                <dd>${km}</dd>`
            : nothing
        }
        ${
          race.organizer
            ? html`<dt>${t.organizerLabel}</dt>
                <dd>${race.organizer}</dd>`
            : nothing
        }
      </dl>
      ${race.placements.map((b) => this.renderBanner(b, 'race-banner'))}
      <p role="status" class="muted">${this.notice}</p>
      ${this.mine ? this.renderMine(this.mine) : nothing} ${this.renderPlans(race)}
      ${this.renderPerks(race)}
    `;
  }

  private renderBanner(banner: RaceBanner, testId: string): TemplateResult {
    return html`<a
      class="banner"
      data-testid=${testId}
      data-placement=${banner.id}
      href=${banner.linkUrl}
      target="_blank"
      rel="noopener sponsored"
      aria-label=${t.bannerLabel(banner.sponsorName)}
      @click=${() => this.clicked(banner)}
      ><img src=${banner.imageUrl} alt="" width="640" height="90" loading="lazy" />
      <p class="banner-caption">${t.sponsor(banner.sponsorName)}</p></a
    >`;
  }

  private renderPlans(race: RacePageData): TemplateResult {
    const discount = race.discount;
    return html`<section aria-labelledby="plans">
      <h2 id="plans">${t.race.plans}</h2>
      ${this.mine ? html`<p class="meta">${t.race.alreadyYours}</p>` : nothing}
      ${
        race.plans.length === 0
          ? html`<p class="card">${t.race.noPlans}</p>`
          : html`${
                this.signedIn && race.status === 'published'
                  ? html`<label class="code-field"
                      >${t.race.discountCode}
                      <input
                        name="discountCode"
                        autocomplete="off"
                        .value=${this.code}
                        aria-invalid=${this.codeError ? 'true' : 'false'}
                        aria-describedby="code-hint code-error"
                        @input=${(e: Event) => {
                          this.code = (e.target as HTMLInputElement).value;
                          this.codeError = '';
                        }}
                      />
                      ${
                        discount
                          ? html`<span class="hint" id="code-hint"
                              >${t.race.discountHint(discount.percentOff)}</span
                            >`
                          : nothing
                      }
                      <span class="error" id="code-error" role="alert">${this.codeError}</span>
                    </label>`
                  : nothing
              }
              <ul>
                ${race.plans.map((p) => {
                  const id = `plan-${p.productId}`;
                  const price = formatMoney(p.priceMinor, p.currency, currentIntlTag);
                  const code = this.code.trim().toUpperCase();
                  const off = discount && code === discount.code ? discount.percentOff : null;
                  return html`<li class="card" data-product=${p.productId}>
                    <h3 id=${id}>${p.name}</h3>
                    <p class="chips">
                      <span class="chip"
                        >${
                          p.distanceM === null
                            ? t.race.anyDistance
                            : t.race.forDistance(kmText(p.distanceM, currentIntlTag))
                        }</span
                      >
                      <span class="chip">${t.race.weeks(p.weeks)}</span>
                    </p>
                    ${p.description ? html`<p class="meta">${p.description}</p>` : nothing}
                    <p data-testid="plan-starts">
                      ${t.race.planStarts(formatRaceDate(p.startsOn))}
                    </p>
                    <p class="meta">${t.race.lateStartHint}</p>
                    <p class="price" data-testid="plan-price">
                      ${
                        off === null
                          ? price
                          : html`<s>${price}</s>${t.race.withDiscount(
                                formatMoney(
                                  discounted(p.priceMinor, off),
                                  p.currency,
                                  currentIntlTag,
                                ),
                                off,
                              )}`
                      }
                    </p>
                    ${race.status === 'published' ? this.renderBuy(race, p.productId, id) : nothing}
                  </li>`;
                })}
              </ul>
              <p class="error" role="alert">${this.buyError}</p>`
      }
    </section>`;
  }

  private renderBuy(race: RacePageData, productId: string, headingId: string): TemplateResult {
    if (!this.signedIn) {
      return html`<p>
          <a class="button" href=${signInPath(`/races/${race.id}`)} aria-describedby=${headingId}
            >${t.race.signInToBuy}</a
          >
        </p>
        <p class="meta">${t.race.signInHint}</p>`;
    }
    return html`<p>
      <button
        class="button"
        type="button"
        aria-describedby=${headingId}
        ?disabled=${this.buying !== ''}
        @click=${() => this.buy(race, productId)}
      >
        ${t.race.buy}
      </button>
    </p>`;
  }

  private renderPerks(race: RacePageData): TemplateResult | typeof nothing {
    if (race.perks.length === 0 || this.mine) return nothing;
    return html`<section aria-labelledby="perks">
      <h2 id="perks">${t.race.perks}</h2>
      <ul>
        ${race.perks.map(
          (p) =>
            html`<li class="card">
              <h3>${p.title}</h3>
              <p class="meta">${p.sponsorName}</p>
              ${p.description ? html`<p>${p.description}</p>` : nothing}
            </li>`,
        )}
      </ul>
      <p class="meta">${t.race.perksHint}</p>
    </section>`;
  }

  private renderMine({ plan, workouts }: Mine): TemplateResult {
    const weeks = raceWeeks(plan);
    return html`<section aria-labelledby="my-plan" data-testid="my-plan">
      <h2 id="my-plan">${t.plan.title}</h2>
      <div class="card">
        <h3>${plan.title}</h3>
        ${
          plan.firstWeek > 1
            ? html`<p data-testid="late-start">${t.plan.lateStart(plan.firstWeek)}</p>`
            : nothing
        }
        <p><a href="/">${t.plan.atHome}</a></p>
        <ul class="weeks" aria-label=${t.plan.title}>
          ${weeks.map((w) => {
            const label = t.plan.week(w.week);
            if (w.state === 'skipped')
              return html`<li data-week=${w.week} data-state="skipped">
                <div class="week-head">
                  <h3>${label}</h3>
                  <span class="meta">${t.plan.skipped}</span>
                </div>
              </li>`;
            if (w.state === 'locked')
              return html`<li data-week=${w.week} data-state="locked">
                <div class="week-head">
                  <h3>${label}</h3>
                  <span class="meta">${t.plan.opens(formatWeekDate(w.opensOn))}</span>
                </div>
              </li>`;
            const mine = workouts.filter((x) => x.week === w.week);
            return html`<li data-week=${w.week} data-state="open">
              <div class="week-head">
                <h3>${label}</h3>
                <span class="meta">${t.plan.from(formatWeekDate(w.startsOn))}</span>
              </div>
              ${
                mine.length === 0
                  ? html`<p class="meta">${t.plan.noWorkouts}</p>`
                  : html`<ul class="workouts">
                      ${mine.map((x) => this.renderWorkout(w.startsOn, x))}
                    </ul>`
              }
            </li>`;
          })}
        </ul>
      </div>
      ${plan.placements.map((b) => this.renderBanner(b, 'plan-banner'))}
      ${
        plan.perks.length > 0
          ? html`<h2>${t.plan.perks}</h2>
              <ul>
                ${plan.perks.map(
                  (p) =>
                    html`<li class="card" data-perk=${p.id}>
                      <h3>${p.title}</h3>
                      <p class="meta">${p.sponsorName}</p>
                      ${p.description ? html`<p>${p.description}</p>` : nothing}
                      <p>${t.plan.code}: <span class="perk-code">${p.code}</span></p>
                    </li>`,
                )}
              </ul>`
          : nothing
      }
    </section>`;
  }

  private renderWorkout(weekStart: string, w: RaceWorkout): TemplateResult {
    const day = formatPlanDate(addDays(weekStart, w.day - 1));
    const amount =
      w.distance_m !== null
        ? t.km(kmText(w.distance_m, currentIntlTag))
        : w.duration_min !== null
          ? t.plan.minutes(w.duration_min)
          : '';
    return html`<li data-workout=${w.id}>
      <span class="meta">${day}</span> ·
      ${w.type === 'rest' ? t.plan.rest : w.title}${amount ? html` · ${amount}` : nothing}
    </li>`;
  }

  private reload(): void {
    this.loaded = { status: 'loading' };
    this.#loadedFor = '';
    this.requestUpdate();
  }

  private async buy(race: RacePageData, productId: string): Promise<void> {
    const client = this.#client.value;
    if (!client || this.buying) return;
    const code = this.code.trim().toUpperCase();
    if (code !== '' && !/^[A-Z0-9][A-Z0-9_-]{2,31}$/.test(code)) {
      this.codeError = t.race.errors['invalid_discount_code'] ?? '';
      return;
    }
    this.buying = productId;
    this.buyError = '';
    this.codeError = '';
    const result = await buyRacePlan(client, race.id, productId, code || null);
    if (result.ok) {
      // the payment page (Stripe, or the local test checkout) comes back to this page
      location.assign(result.url);
      return;
    }
    this.buying = '';
    const known = t.race.errors[result.code];
    if (result.network) this.buyError = errorStrings.network;
    else if (result.code === 'invalid_discount_code') this.codeError = known ?? result.message;
    else this.buyError = known ?? t.race.failed(result.status, result.message);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'race-page': RacePage;
  }
}
