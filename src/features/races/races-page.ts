import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { kmText, type MyRacePlan } from '../../domain/races.ts';
import { currentIntlTag } from '../../i18n/locale.ts';
import { strings } from '../../i18n/shell-strings.ts';
import { authContext, supabaseContext } from '../../state/contexts.ts';
import { OnlineController } from '../../state/online-controller.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import { loadMyRacePlans, loadUpcomingRaces, type UpcomingRace } from './races-data.ts';
import { formatRaceDate } from './race-format.ts';
import { racesStrings as t } from './races-strings.ts';

type Loaded =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; races: UpcomingRace[]; mine: MyRacePlan[] };

/**
 * The races ahead, soonest first, for anyone; a signed-in participant's own races
 * (the plans they bought) above them. Read from the server, so it needs the network.
 */
@customElement('races-page')
export class RacesPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      ul {
        list-style: none;
        margin: 0 0 var(--ts-space-5);
        padding: 0;
        display: grid;
        gap: var(--ts-space-3);
      }
      li.card {
        display: grid;
        gap: var(--ts-space-1);
        min-width: 0;
      }
      h2 {
        font-size: 1.0625rem;
        margin: 0 0 var(--ts-space-2);
      }
      .name {
        font-weight: 700;
        font-size: 1.0625rem;
        overflow-wrap: anywhere;
      }
      .meta {
        margin: 0;
        color: var(--ts-color-muted);
        overflow-wrap: anywhere;
      }
    `,
  ];

  readonly #client = new ContextConsumer(this, { context: supabaseContext, subscribe: true });
  readonly #auth = new ContextConsumer(this, { context: authContext, subscribe: true });
  readonly #online = new OnlineController(this);
  @state() private loaded: Loaded = { status: 'loading' };
  #loadedFor = '';

  override willUpdate(): void {
    const client = this.#client.value;
    const auth = this.#auth.value?.status ?? 'loading';
    const key = `${auth}/${String(this.#online.online)}`;
    if (!client || auth === 'loading' || !this.#online.online || this.#loadedFor === key) return;
    this.#loadedFor = key;
    void this.load();
  }

  private async load(): Promise<void> {
    const client = this.#client.value;
    if (!client) return;
    const signedIn = this.#auth.value?.status === 'signed-in';
    const [races, mine] = await Promise.all([
      loadUpcomingRaces(client),
      signedIn ? loadMyRacePlans(client) : Promise.resolve({ ok: true as const, value: [] }),
    ]);
    if (!races.ok) this.loaded = { status: 'error', message: races.error.message };
    else if (!mine.ok) this.loaded = { status: 'error', message: mine.error.message };
    else this.loaded = { status: 'ready', races: races.value, mine: mine.value };
  }

  override render() {
    return html`<h1>${t.list.title}</h1>
      <p class="muted">${t.list.intro}</p>
      ${this.renderBody()}`;
  }

  private renderBody(): TemplateResult {
    if (!this.#online.online) return html`<ts-notice><p>${t.needsNetwork}</p></ts-notice>`;
    const loaded = this.loaded;
    switch (loaded.status) {
      case 'loading':
        return html`<p class="muted" role="status">${strings.loading}</p>`;
      case 'error':
        return html`<ts-notice tone="error"><p>${t.loadFailed}: ${loaded.message}</p></ts-notice>
          <p>
            <button class="button secondary" type="button" @click=${() => this.reload()}>
              ${t.retry}
            </button>
          </p>`;
      case 'ready':
        return html`${
            loaded.mine.length > 0
              ? html`<h2 id="mine">${t.list.mine}</h2>
                  <ul aria-labelledby="mine">
                    ${loaded.mine.map((p) =>
                      this.renderRace(
                        p.race.id,
                        p.race.name,
                        p.race.raceDate,
                        p.race.place,
                        p.title,
                      ),
                    )}
                  </ul>`
              : nothing
          }
          <h2 id="upcoming">${t.list.upcoming}</h2>
          ${
            loaded.races.length === 0
              ? html`<p class="card">${t.list.none}</p>`
              : html`<ul aria-labelledby="upcoming">
                  ${loaded.races.map((r) =>
                    this.renderRace(
                      r.id,
                      r.name,
                      r.raceDate,
                      r.place,
                      [
                        r.distancesM.map((d) => t.km(kmText(d, currentIntlTag))).join(' · '),
                        r.organizer,
                      ]
                        .filter(Boolean)
                        .join(' · '),
                    ),
                  )}
                </ul>`
          }`;
    }
  }

  private renderRace(
    id: string,
    name: string,
    date: string,
    place: string,
    more: string,
  ): TemplateResult {
    return html`<li class="card" data-race=${id}>
      <a class="name" href="/races/${id}" aria-label=${t.list.open(name)}>${name}</a>
      <p class="meta">${[formatRaceDate(date), place].filter(Boolean).join(' · ')}</p>
      ${more ? html`<p class="meta">${more}</p>` : nothing}
    </li>`;
  }

  private reload(): void {
    this.loaded = { status: 'loading' };
    void this.load();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'races-page': RacesPage;
  }
}
