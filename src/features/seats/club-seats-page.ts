import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatMoney } from '../../domain/money.ts';
import { assignableMembers, claimOrigin, seatPoolState } from '../../domain/seat-pools.ts';
import { currentIntlTag } from '../../i18n/locale.ts';
import { strings } from '../../i18n/shell-strings.ts';
import { supabaseContext } from '../../state/contexts.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { OnlineController } from '../../state/online-controller.ts';
import { chipStyles, statusToneStyles } from '../../ui/chip-styles.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import { formatShortDate } from '../../ui/time-format.ts';
import '../../ui/ts-notice.ts';
import { loadAdminChrome } from '../admin/index.ts';
import {
  assignSeat,
  loadClubSeats,
  observeClubSeatsFrame,
  revokeSeat,
  type ClubSeats,
  type ClubSeatsFrame,
  type SeatClaim,
  type SeatPool,
} from './seats-data.ts';
import { poolCountKey } from './seat-buy-form.ts';
import { seatsStrings as t } from './seats-strings.ts';

// the admin screens' gate, header and styles, loaded with this page
const { adminGate, adminHeader, adminStyles } = await loadAdminChrome();

type Loaded =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; seats: ClubSeats };

/** per pool: the member picked to get a seat, a claim waiting for the second yes, what failed */
interface PoolState {
  pick?: string;
  confirming?: string;
  busy?: boolean;
  error?: string;
}

const stateTone = { open: 'success', full: 'warning', closed: 'neutral' } as const;

/**
 * A club's seat pools for its owners and admins: each pool's plan, seller,
 * seats taken of the total, price per seat and status; who holds a seat (took
 * it or was given it, since when); giving a member a seat and revoking one
 * (asked twice). The club and its members come from the device; pools and
 * claims from the server, so the page needs the network and says so. With
 * running_clubs off for the club the server shows nothing and takes no seat: the
 * page says the feature is off.
 */
@customElement('club-seats-page')
export class ClubSeatsPage extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    chipStyles,
    statusToneStyles,
    css`
      seat-buy-form {
        margin-top: var(--ts-space-4);
      }
      .pools {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--ts-space-4);
      }
      .pool {
        display: grid;
        gap: var(--ts-space-3);
        min-width: 0;
      }
      .pool h2 {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .pool h3 {
        font-size: 1rem;
        margin: 0;
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
        font-variant-numeric: tabular-nums;
      }
      .claims {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--ts-space-2);
      }
      .claims > li {
        display: grid;
        gap: var(--ts-space-1);
        padding-bottom: var(--ts-space-2);
        border-bottom: 1px solid var(--ts-color-border);
      }
      .claims > li:last-child {
        border-bottom: none;
        padding-bottom: 0;
      }
      .who {
        font-weight: 600;
        margin: 0;
        overflow-wrap: anywhere;
      }
      .meta {
        margin: 0;
        color: var(--ts-color-muted);
        font-size: 0.9375rem;
      }
      .confirm {
        display: grid;
        gap: var(--ts-space-2);
      }
      .confirm p {
        margin: 0;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ts-space-2);
      }
      .assign {
        display: grid;
        gap: var(--ts-space-2);
        justify-items: start;
        padding-top: var(--ts-space-3);
        border-top: 1px solid var(--ts-color-border);
      }
      .assign label {
        justify-self: stretch;
      }
      .assign select {
        width: 100%;
      }
    `,
  ];

  /** from the URL */
  @property() orgId = '';

  readonly #supabase = new ContextConsumer(this, { context: supabaseContext, subscribe: true });
  readonly #online = new OnlineController(this);
  readonly #frame = new LocalQueryController(
    this,
    (engine, onChange: (frame: ClubSeatsFrame) => void) =>
      observeClubSeatsFrame(engine, this.orgId, onChange),
    { key: () => this.orgId },
  );
  @state() private loaded: Loaded = { status: 'loading' };
  @state() private perPool: Record<string, PoolState> = {};
  @state() private message = '';
  /** the club and connection the seats were last asked for */
  #loadedFor = '';
  /** back from the payment page: 'success' or 'canceled' (once) */
  #checkout: string | null = new URLSearchParams(location.search).get('checkout');

  override willUpdate(): void {
    const frame = this.#frame.value;
    const key = `${this.orgId}/${String(this.#online.online)}`;
    if (!frame || adminGate(frame.admin, t.club.title) || !this.#online.online) return;
    if (this.#loadedFor === key) return;
    this.#loadedFor = key;
    void this.load();
  }

  private async load(): Promise<void> {
    const client = this.#supabase.value;
    if (!client) return;
    const orgId = this.orgId;
    const result = await loadClubSeats(client, orgId);
    if (orgId !== this.orgId) return;
    this.loaded = result.ok
      ? { status: 'ready', seats: result.value }
      : { status: 'error', message: result.error.message };
    if (result.ok && this.#checkout) await this.afterCheckout(orgId, result.value.pools.length);
  }

  /** back from the payment page: say how it went; paid, ask again until the webhook made the pool */
  private async afterCheckout(orgId: string, pools: number): Promise<void> {
    const outcome = this.#checkout;
    this.#checkout = null;
    const url = new URL(location.href);
    url.searchParams.delete('checkout');
    url.searchParams.delete('session_id');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    let before: number | null = null;
    try {
      const kept = sessionStorage.getItem(poolCountKey(orgId));
      sessionStorage.removeItem(poolCountKey(orgId));
      before = kept === null ? null : Number(kept);
    } catch {
      // no storage: the pools as they are now
    }
    if (outcome === 'canceled') {
      this.message = t.buy.canceled;
      return;
    }
    if (outcome !== 'success') return;
    if (before === null) {
      this.message = t.buy.paid;
      return;
    }
    if (pools > before) {
      this.message = t.buy.arrived;
      return;
    }
    const client = this.#supabase.value;
    this.message = t.buy.waiting;
    for (let i = 0; i < 15 && client; i++) {
      await new Promise((r) => setTimeout(r, 2000));
      if (orgId !== this.orgId) return;
      const result = await loadClubSeats(client, orgId);
      if (orgId !== this.orgId) return;
      if (!result.ok) continue;
      this.loaded = { status: 'ready', seats: result.value };
      if (result.value.pools.length > before) {
        this.message = t.buy.arrived;
        return;
      }
    }
    this.message = t.buy.paid;
  }

  override render() {
    const frame = this.#frame.value;
    const gate = adminGate(frame?.admin, t.club.title);
    if (gate || !frame) return gate;
    return html`
      <h1>${t.club.title}</h1>
      ${adminHeader(frame.admin, 'seats')}
      <p class="muted">${t.club.intro}</p>
      <p role="status" class="muted">${this.message}</p>
      ${this.renderBody(frame)}
    `;
  }

  private renderBody(frame: ClubSeatsFrame): TemplateResult {
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
      case 'ready': {
        const { seats } = loaded;
        // a refusal of a pool no longer shown (the feature went off) is said here
        const shown = new Set(seats.pools.map((p) => p.id));
        const lost = Object.entries(this.perPool).flatMap(([id, s]) =>
          s.error && !shown.has(id) ? [s.error] : [],
        );
        const refusals = lost.map((e) => html`<ts-notice tone="error"><p>${e}</p></ts-notice>`);
        if (!seats.featureOn) {
          return html`${refusals}<ts-notice tone="warning" data-testid="seats-off"
              ><p>${t.featureOff(frame.admin.orgName)}</p></ts-notice
            >`;
        }
        const buy = html`<seat-buy-form
          .orgId=${this.orgId}
          .poolCount=${seats.pools.length}
        ></seat-buy-form>`;
        if (seats.pools.length === 0)
          return html`${refusals}
            <p class="card">${t.club.none}</p>
            ${buy}`;
        return html`${refusals}
          <ul class="pools" aria-label=${t.club.title}>
            ${seats.pools.map((pool) => this.renderPool(frame, seats, pool))}
          </ul>
          ${buy}`;
      }
    }
  }

  private renderPool(frame: ClubSeatsFrame, seats: ClubSeats, pool: SeatPool): TemplateResult {
    const plan = pool.planTitle || t.unnamedPlan;
    const poolState = seatPoolState(pool);
    const headingId = `pool-${pool.id}`;
    const claims = seats.claims.filter((c) => c.pool_id === pool.id);
    return html`<li class="card pool" data-pool=${pool.id}>
      <h2 id=${headingId}>${t.club.pool(plan)}</h2>
      <p class="chips">
        <span class="chip" data-tone=${stateTone[poolState]}>${t.state[poolState]}</span>
        <span class="chip" data-testid="seats-taken">${t.taken(pool.claimed, pool.seats)}</span>
      </p>
      <dl>
        <dt>${t.seller}</dt>
        <dd>${pool.sellerName || t.unnamedSeller}</dd>
        <dt>${t.price}</dt>
        <dd>${formatMoney(pool.price_per_seat_minor, pool.currency, currentIntlTag)}</dd>
      </dl>
      ${pool.note ? html`<p class="meta">${pool.note}</p>` : nothing}
      <h3>${t.club.claims}</h3>
      ${
        claims.length === 0
          ? html`<p class="meta">${t.club.noClaims}</p>`
          : html`<ul class="claims" aria-label=${t.club.claims}>
              ${claims.map((c) => this.renderClaim(frame, pool, c))}
            </ul>`
      }
      ${poolState === 'open' ? this.renderAssign(frame, seats, pool) : nothing}
      <p class="error" role="alert">${this.perPool[pool.id]?.error ?? ''}</p>
    </li>`;
  }

  private nameOf(frame: ClubSeatsFrame, userId: string): string {
    return frame.members.find((m) => m.userId === userId)?.name || t.club.someone;
  }

  private renderClaim(frame: ClubSeatsFrame, pool: SeatPool, claim: SeatClaim): TemplateResult {
    const s = this.perPool[pool.id] ?? {};
    const name = this.nameOf(frame, claim.user_id);
    const since = formatShortDate(Date.parse(claim.claimed_at), frame.admin.timeZone);
    const origin = claimOrigin(claim);
    return html`<li data-claim=${claim.id}>
      <p class="who">${name}</p>
      <p class="meta">
        ${origin === 'assigned' ? t.club.assigned : t.club.claimed} · ${t.club.since(since)}
      </p>
      ${
        s.confirming === claim.id
          ? html`<div class="confirm">
              <p>${t.club.confirmRevoke(name)}</p>
              <div class="buttons">
                <button
                  class="button"
                  type="button"
                  ?disabled=${s.busy}
                  @click=${() => this.revoke(frame, pool, claim)}
                >
                  ${t.club.confirm}
                </button>
                <button
                  class="button secondary"
                  type="button"
                  ?disabled=${s.busy}
                  @click=${() => this.patch(pool.id, { confirming: undefined })}
                >
                  ${t.club.cancel}
                </button>
              </div>
            </div>`
          : html`<p>
              <button
                class="button secondary"
                type="button"
                aria-label=${t.club.revokeLabel(name)}
                ?disabled=${s.busy}
                @click=${() => this.patch(pool.id, { confirming: claim.id, error: '' })}
              >
                ${t.club.revoke}
              </button>
            </p>`
      }
    </li>`;
  }

  private renderAssign(frame: ClubSeatsFrame, seats: ClubSeats, pool: SeatPool): TemplateResult {
    const candidates = assignableMembers(
      frame.members.filter((m) => m.name !== ''),
      seats.claims,
      pool.id,
    );
    if (candidates.length === 0) return html`<p class="meta">${t.club.noOneLeft}</p>`;
    const s = this.perPool[pool.id] ?? {};
    const pick = candidates.some((c) => c.userId === s.pick) ? s.pick : '';
    const selectId = `assign-${pool.id}`;
    return html`<div class="assign">
      <label for=${selectId}
        >${t.club.assignTo}
        <select
          id=${selectId}
          @change=${(e: Event) =>
            this.patch(pool.id, { pick: (e.target as HTMLSelectElement).value, error: '' })}
        >
          <option value="" ?selected=${!pick}>${t.club.choose}</option>
          ${candidates.map(
            (m) =>
              html`<option value=${m.userId} ?selected=${m.userId === pick}>${m.name}</option>`,
          )}
        </select>
      </label>
      <button
        class="button"
        type="button"
        ?disabled=${!pick || s.busy}
        @click=${() => this.assign(frame, pool, pick ?? '')}
      >
        ${t.club.assign}
      </button>
    </div>`;
  }

  private patch(poolId: string, change: PoolState): void {
    this.perPool = { ...this.perPool, [poolId]: { ...this.perPool[poolId], ...change } };
  }

  private reload(): void {
    this.loaded = { status: 'loading' };
    void this.load();
  }

  private async assign(frame: ClubSeatsFrame, pool: SeatPool, userId: string): Promise<void> {
    const client = this.#supabase.value;
    if (!client || !userId) return;
    this.message = '';
    this.patch(pool.id, { busy: true, error: '' });
    const result = await assignSeat(client, pool.id, userId);
    if (!result.ok) {
      this.patch(pool.id, { busy: false, error: result.error.message });
      // a refusal may mean the pool changed (full, feature off): show it as it is now
      await this.load();
      return;
    }
    this.patch(pool.id, { busy: false, pick: undefined });
    this.message = t.club.gaveSeat(this.nameOf(frame, userId));
    await this.load();
  }

  private async revoke(frame: ClubSeatsFrame, pool: SeatPool, claim: SeatClaim): Promise<void> {
    const client = this.#supabase.value;
    if (!client) return;
    this.message = '';
    this.patch(pool.id, { busy: true, error: '' });
    const result = await revokeSeat(client, claim.id);
    if (!result.ok) {
      this.patch(pool.id, { busy: false, confirming: undefined, error: result.error.message });
      await this.load();
      return;
    }
    this.patch(pool.id, { busy: false, confirming: undefined });
    this.message = t.club.revoked(this.nameOf(frame, claim.user_id));
    await this.load();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'club-seats-page': ClubSeatsPage;
  }
}
