import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { formatMoney } from '../../domain/money.ts';
import { memberSeats, seatsLeft } from '../../domain/seat-pools.ts';
import { currentIntlTag } from '../../i18n/locale.ts';
import { strings } from '../../i18n/shell-strings.ts';
import { supabaseContext } from '../../state/contexts.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { OnlineController } from '../../state/online-controller.ts';
import { chipStyles } from '../../ui/chip-styles.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import { formatShortDate } from '../../ui/time-format.ts';
import '../../ui/ts-notice.ts';
import {
  claimSeat,
  loadMySeats,
  observeMyClubs,
  type MyClub,
  type MySeats,
  type SeatPool,
} from './seats-data.ts';
import { seatsStrings as t } from './seats-strings.ts';

type Loaded =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; seats: MySeats };

/**
 * A member's seats in their clubs' pools: the seat they hold (which plan, from
 * whom, since when, and the way to today's workout on the home page), and the
 * pools with seats left, to take one. The clubs come from the device; pools and
 * seats from the server, so the page needs the network and says so. A club with
 * running_clubs off is named as such, and a refused claim (full, feature off) is
 * said in words beside the pool.
 */
@customElement('my-seats-page')
export class MySeatsPage extends LitElement {
  static override styles = [
    sharedStyles,
    chipStyles,
    css`
      section {
        margin-top: var(--ts-space-5);
      }
      h2 {
        font-size: 1.125rem;
        margin: 0 0 var(--ts-space-3);
      }
      ul.cards {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--ts-space-3);
      }
      ul.cards > li {
        display: grid;
        gap: var(--ts-space-2);
        min-width: 0;
      }
      .plan {
        font-weight: 700;
        font-size: 1.0625rem;
        margin: 0;
        overflow-wrap: anywhere;
      }
      .meta {
        margin: 0;
        color: var(--ts-color-muted);
        overflow-wrap: anywhere;
      }
      .error {
        font-weight: 600;
        color: var(--ts-color-danger);
        margin: 0;
      }
      .error:empty {
        display: none;
      }
      p {
        margin: 0;
      }
    `,
  ];

  readonly #supabase = new ContextConsumer(this, { context: supabaseContext, subscribe: true });
  readonly #online = new OnlineController(this);
  readonly #clubs = new LocalQueryController(this, (engine, onChange: (c: MyClub[]) => void) =>
    observeMyClubs(engine, onChange),
  );
  @state() private loaded: Loaded = { status: 'loading' };
  @state() private errors: Record<string, string> = {};
  @state() private busy = '';
  @state() private message = '';
  /** the clubs and connection the seats were last asked for */
  #loadedFor = '';

  override willUpdate(): void {
    const clubs = this.#clubs.value;
    if (!clubs || !this.#online.online) return;
    const key = `${clubs.map((c) => c.orgId).join(',')}/${String(this.#online.online)}`;
    if (this.#loadedFor === key) return;
    this.#loadedFor = key;
    void this.load(clubs, key);
  }

  private async load(clubs: readonly MyClub[], key: string): Promise<void> {
    const client = this.#supabase.value;
    const userId = this.#clubs.engine?.userId;
    if (!client || !userId) return;
    const result = await loadMySeats(
      client,
      clubs.map((c) => c.orgId),
      userId,
    );
    // the clubs changed while this was asked (the first sync brings them): a
    // later answer is on its way, and this one would call the newer clubs off
    if (this.#loadedFor !== key) return;
    this.loaded = result.ok
      ? { status: 'ready', seats: result.value }
      : { status: 'error', message: result.error.message };
  }

  override render() {
    const clubs = this.#clubs.value;
    if (!clubs) return html`<p class="muted" role="status">${strings.loading}</p>`;
    return html`
      <h1>${t.member.title}</h1>
      <p class="muted">${t.member.intro}</p>
      <p role="status" class="muted">${this.message}</p>
      ${this.renderBody(clubs)}
    `;
  }

  private renderBody(clubs: readonly MyClub[]): TemplateResult {
    if (!this.#online.online) return html`<ts-notice><p>${t.needsNetwork}</p></ts-notice>`;
    const loaded = this.loaded;
    switch (loaded.status) {
      case 'loading':
        return html`<p class="muted" role="status">${strings.loading}</p>`;
      case 'error':
        return html`<ts-notice tone="error"><p>${t.loadFailed}: ${loaded.message}</p></ts-notice>
          <p>
            <button class="button secondary" type="button" @click=${() => this.reload(clubs)}>
              ${t.retry}
            </button>
          </p>`;
      case 'ready':
        return this.renderSeats(clubs, loaded.seats);
    }
  }

  private renderSeats(clubs: readonly MyClub[], seats: MySeats): TemplateResult {
    const userId = this.#clubs.engine?.userId ?? '';
    const { held, open } = memberSeats(seats.pools, seats.claims, userId);
    const clubOf = (pool: SeatPool) => clubs.find((c) => c.orgId === pool.org_id);
    // a club the first sync brought after this answer was asked for is not known to be off
    const off = clubs.filter((c) => seats.asked.has(c.orgId) && !seats.on.has(c.orgId));
    // a refusal of a pool no longer offered (it filled up, or the feature went off) is said here
    const shown = new Set(open.map((p) => p.id));
    const lost = Object.entries(this.errors).filter(([id, e]) => e && !shown.has(id));
    return html`
      ${lost.map(([, e]) => html`<ts-notice tone="error"><p>${e}</p></ts-notice>`)}
      ${off.map(
        (c) =>
          html`<ts-notice tone="warning" data-testid="seats-off"
            ><p>${t.featureOff(c.name)}</p></ts-notice
          >`,
      )}
      <section aria-labelledby="mine">
        <h2 id="mine">${t.member.mine}</h2>
        ${
          held.length === 0
            ? html`<p class="card">${t.member.noneMine}</p>`
            : html`<ul class="cards">
                ${held.map(({ pool, claim }) => {
                  const club = clubOf(pool);
                  const zone = club?.timeZone ?? 'Europe/Moscow';
                  return html`<li class="card" data-held=${pool.id}>
                    <p class="plan">${pool.planTitle || t.unnamedPlan}</p>
                    <p class="meta">${t.seller}: ${pool.sellerName || t.unnamedSeller}</p>
                    ${club ? html`<p class="meta">${t.member.heldIn(club.name)}</p>` : nothing}
                    <p class="meta">
                      ${t.member.since(formatShortDate(Date.parse(claim.claimed_at), zone))}
                    </p>
                    <p class="meta">${t.member.openPlanHint}</p>
                    <p><a class="button block" href="/">${t.member.openPlan}</a></p>
                  </li>`;
                })}
              </ul>`
        }
      </section>
      <section aria-labelledby="available">
        <h2 id="available">${t.member.available}</h2>
        ${
          open.length === 0
            ? html`<p class="card">${t.member.none}</p>`
            : html`<ul class="cards">
                ${open.map((pool) => this.renderOpen(pool, clubOf(pool)))}
              </ul>`
        }
      </section>
    `;
  }

  private renderOpen(pool: SeatPool, club: MyClub | undefined): TemplateResult {
    const plan = pool.planTitle || t.unnamedPlan;
    return html`<li class="card" data-pool=${pool.id}>
      <p class="plan">${plan}</p>
      <p class="meta">${t.seller}: ${pool.sellerName || t.unnamedSeller}</p>
      ${club ? html`<p class="meta">${t.member.heldIn(club.name)}</p>` : nothing}
      <p class="chips">
        <span class="chip">${t.left(seatsLeft(pool))}</span>
        <span class="chip">${t.taken(pool.claimed, pool.seats)}</span>
      </p>
      <p class="meta">
        ${t.price}: ${formatMoney(pool.price_per_seat_minor, pool.currency, currentIntlTag)}
      </p>
      ${pool.note ? html`<p class="meta">${pool.note}</p>` : nothing}
      <p>
        <button
          class="button block"
          type="button"
          aria-label=${t.member.takeLabel(plan)}
          ?disabled=${this.busy !== ''}
          @click=${() => this.take(pool)}
        >
          ${t.member.take}
        </button>
      </p>
      <p class="error" role="alert">${this.errors[pool.id] ?? ''}</p>
    </li>`;
  }

  private reload(clubs: readonly MyClub[]): void {
    this.loaded = { status: 'loading' };
    void this.load(clubs, this.#loadedFor);
  }

  private async take(pool: SeatPool): Promise<void> {
    const client = this.#supabase.value;
    const clubs = this.#clubs.value;
    if (!client || !clubs) return;
    this.busy = pool.id;
    this.message = '';
    this.errors = { ...this.errors, [pool.id]: '' };
    const result = await claimSeat(client, pool.id);
    this.busy = '';
    if (!result.ok) {
      this.errors = { ...this.errors, [pool.id]: result.error.message };
      // the refusal may mean the pool changed (full, the feature off): show it as it is now
      await this.load(clubs, this.#loadedFor);
      return;
    }
    this.message = t.member.taken(pool.planTitle || t.unnamedPlan);
    // the plan's copy (and the seller's club) arrive with the next pull; ask for it now
    this.#clubs.engine?.requestSync();
    await this.load(clubs, this.#loadedFor);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'my-seats-page': MySeatsPage;
  }
}
