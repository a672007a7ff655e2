import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { actingClaimOf, actingMinutesLeft, type ActingClaim } from '../domain/acting-claim.ts';
import { actingStatus, stopActing } from '../state/acting.ts';
import { authContext, supabaseContext } from '../state/contexts.ts';
import { writeActingOrganization } from '../state/current-organization-storage.ts';
import { strings } from '../i18n/shell-strings.ts';
import { currentIntlTag } from '../i18n/locale.ts';
import { sharedStyles } from '../ui/shared-styles.ts';
import { NavigateEvent } from '../ui/navigate-event.ts';

/**
 * The banner on every page while a partner acts for a client club: whose data
 * this is, whether changes are allowed, until when, and a way to stop. It reads
 * the act_as claim of the session's access token (the database checks the
 * session itself on every request) and keeps the current club pointed at the
 * club acted for (src/state/current-organization-storage.ts).
 */
@customElement('acting-banner')
export class ActingBanner extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      section {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--ts-space-2) var(--ts-space-3);
        padding: var(--ts-space-2) var(--ts-space-4);
        background: var(--ts-color-warning-soft);
        border-bottom: 2px solid var(--ts-color-warning);
      }
      p {
        margin: 0;
        flex: 1 1 14rem;
      }
      .detail {
        display: block;
        color: var(--ts-color-muted);
        font-size: 0.875rem;
      }
      .ended {
        color: var(--ts-color-danger);
      }
      button {
        min-height: 44px;
      }
    `,
  ];

  readonly #auth = new ContextConsumer(this, { context: authContext, subscribe: true });
  readonly #client = new ContextConsumer(this, { context: supabaseContext, subscribe: true });
  @state() private clientName: string | null = null;
  @state() private busy = false;
  @state() private failed = false;
  #namedSession: string | null = null;
  #timer: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // the minutes left move on their own
    this.#timer = setInterval(() => this.requestUpdate(), 30_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#timer);
  }

  private claim(): { userId: string; claim: ActingClaim | null } | null {
    const auth = this.#auth.value;
    if (auth?.status !== 'signed-in') return null;
    return { userId: auth.user.id, claim: actingClaimOf(auth.session.access_token) };
  }

  override willUpdate(): void {
    const current = this.claim();
    if (!current) return;
    writeActingOrganization(current.userId, current.claim?.clientOrgId ?? null);
    const session = current.claim?.sessionId ?? null;
    if (session !== this.#namedSession) {
      this.#namedSession = session;
      this.clientName = null;
      if (session) void this.loadName(session);
    }
  }

  private async loadName(session: string): Promise<void> {
    const client = this.#client.value;
    if (!client) return;
    try {
      const status = await actingStatus(client);
      if (this.#namedSession === session) this.clientName = status?.clientName ?? null;
    } catch {
      // offline: the banner says «a client» until the name can be asked for
    }
  }

  override render() {
    const claim = this.claim()?.claim;
    if (!claim) return nothing;
    const t = strings.acting;
    const left = actingMinutesLeft(claim, Date.now());
    const until = new Intl.DateTimeFormat(currentIntlTag, {
      hour: '2-digit',
      minute: '2-digit',
    }).format(claim.expiresAt);
    return html`<section role="region" aria-label=${t.label}>
      <p>
        <strong>${t.actingFor(this.clientName ?? t.thisClub)}</strong>
        <span class="detail"
          >${claim.write ? t.canWrite : t.readOnly} · ${t.until(until)} ·
          ${t.minutesLeft(left)}</span
        >
        ${left === 0 ? html`<span class="detail ended" role="alert">${t.ended}</span>` : nothing}
        ${this.failed ? html`<span class="detail ended" role="alert">${t.stopFailed}</span>` : nothing}
      </p>
      <button type="button" ?disabled=${this.busy} @click=${this.stop}>
        ${this.busy ? t.stopping : t.stop}
      </button>
    </section>`;
  }

  private async stop(): Promise<void> {
    const client = this.#client.value;
    if (!client || this.busy) return;
    this.busy = true;
    this.failed = false;
    try {
      await stopActing(client);
      this.dispatchEvent(new NavigateEvent('/partner/clients'));
    } catch {
      this.failed = true;
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'acting-banner': ActingBanner;
  }
}
