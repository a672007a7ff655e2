import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { supabaseContext } from '../../state/contexts.ts';
import { OnlineController } from '../../state/online-controller.ts';
import { bookingStrings } from './booking-strings.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import { instant, observeBookingData, settingsOf, type BookingData } from './booking-data.ts';
import { callRpc } from '../../data/call-rpc.ts';
import type { SessionConflictRow } from '../../data/synced-rows.ts';
import { formatDateTime, formatTime } from '../../ui/time-format.ts';
import { bookingStyles } from './booking-styles.ts';

const t = bookingStrings.conflicts;

type Action = 'cancel' | 'keep' | 'dismiss';

/**
 * The coach's open schedule conflicts (seed 004's "Update Paradox"): sessions
 * that stopped fitting after an availability change, to cancel (the member is
 * emailed) or keep (the time becomes an extra window), and occurrences that
 * could not be placed, to acknowledge. Read offline; resolving is the server's.
 */
@customElement('conflicts-page')
export class ConflictsPage extends LitElement {
  static override styles = [sharedStyles, bookingStyles];

  readonly #supabase = new ContextConsumer(this, { context: supabaseContext });
  readonly #online = new OnlineController(this);
  readonly #query = new LocalQueryController(this, observeBookingData);
  @state() private busy = '';
  @state() private message = '';
  @state() private failure = '';
  /** resolved here, before the pull brings the row's new status */
  @state() private done = new Set<string>();

  override render() {
    const data = this.#query.value;
    if (!data) return html`<p class="muted" role="status">…</p>`;
    const open = data.conflicts
      .filter((c) => c.status === 'open' && !this.done.has(c.id))
      .sort((a, b) => instant(a.starts_at) - instant(b.starts_at));
    const online = this.#online.online;
    return html`
      <h1>${t.title}</h1>
      <p class="muted">${t.intro}</p>
      <p class="muted">${t.cancel}: ${t.cancelHint} ${t.keep}: ${t.keepHint}</p>
      ${!online ? html`<ts-notice><p>${bookingStrings.needsNetwork}</p></ts-notice>` : nothing}
      ${this.failure ? html`<ts-notice tone="error"><p>${this.failure}</p></ts-notice>` : nothing}
      <p role="status" class="muted">${this.message}</p>
      ${
        open.length === 0
          ? html`<p class="card">${t.none}</p>`
          : html`<ul class="items" aria-label=${t.title}>
              ${open.map((c) => this.renderConflict(data, c, online))}
            </ul>`
      }
      <p><a class="button secondary" href="/calendar">${bookingStrings.links.calendar}</a></p>
    `;
  }

  private renderConflict(data: BookingData, c: SessionConflictRow, online: boolean) {
    const zone = this.zoneOf(data, c);
    const start = instant(c.starts_at);
    const when = `${formatDateTime(start, zone)}–${formatTime(instant(c.ends_at), zone)}`;
    const session = data.sessions.find((s) => s.id === c.session_id);
    const member = session?.member_id ? data.names.get(session.member_id) : undefined;
    const disabled = !online || this.busy !== '';
    return html`<li class="card">
      <span class="what">
        <strong>${when}</strong>
        <span>${t.kind(c.kind)}</span>
        ${member ? html`<span>${t.member(member)}</span>` : nothing}
      </span>
      <span class="actions">
        ${
          c.session_id
            ? html`<button
                  class="button secondary"
                  type="button"
                  ?disabled=${disabled}
                  aria-label=${`${t.cancel}: ${when}`}
                  @click=${() => this.resolve(c.id, 'cancel')}
                >
                  ${t.cancel}
                </button>
                <button
                  class="button"
                  type="button"
                  ?disabled=${disabled}
                  aria-label=${`${t.keep}: ${when}`}
                  @click=${() => this.resolve(c.id, 'keep')}
                >
                  ${t.keep}
                </button>`
            : html`<button
                class="button secondary"
                type="button"
                ?disabled=${disabled}
                aria-label=${`${t.dismiss}: ${when}`}
                @click=${() => this.resolve(c.id, 'dismiss')}
              >
                ${t.dismiss}
              </button>`
        }
      </span>
    </li>`;
  }

  private zoneOf(data: BookingData, c: SessionConflictRow): string {
    return (
      settingsOf(data, c.org_id, c.coach_id)?.time_zone ||
      (data.orgs.get(c.org_id)?.timeZone ?? 'UTC')
    );
  }

  private async resolve(id: string, action: Action): Promise<void> {
    const client = this.#supabase.value;
    if (!client) return;
    this.busy = id;
    this.failure = '';
    this.message = '';
    try {
      const result = await callRpc(client, 'resolve_conflict', {
        p_conflict_id: id,
        p_action: action,
      });
      if (!result.ok) {
        this.failure = result.error.message;
        return;
      }
      this.done = new Set([...this.done, id]);
      this.message = action === 'cancel' ? t.cancelled : action === 'keep' ? t.kept : t.dismissed;
      this.#query.engine?.requestSync();
    } finally {
      this.busy = '';
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'conflicts-page': ConflictsPage;
  }
}
