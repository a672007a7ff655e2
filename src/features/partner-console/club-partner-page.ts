import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { hasRoleAtLeast } from '../../domain/organization.ts';
import { currentIntlTag } from '../../i18n/locale.ts';
import { supabaseContext } from '../../state/contexts.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { OnlineController } from '../../state/online-controller.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import './audit-list.ts';
import type { PartnerAuditList } from './audit-list.ts';
import { observeClubSeat, type ClubSeat } from './club-partner-data.ts';
import { consoleStyles, formatDate } from './partner-chrome.ts';
import {
  loadClubPartner,
  revokePartner,
  setPartnerWrite,
  type ClubPartner,
} from './partner-console-data.ts';
import { partnerRefusal } from './partner-console-refusal.ts';
import { partnerConsoleStrings } from './partner-console-strings.ts';

const t = partnerConsoleStrings;

type PartnerState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; partner: ClubPartner | null }
  | { status: 'error'; message: string };

/**
 * The club's side of a partner: which partner manages it, since and until when,
 * whether it may write while acting (the club's switch), revoking it, and the
 * partner's audit entries for this club. Owners and admins only; online.
 */
@customElement('club-partner-page')
export class ClubPartnerPage extends LitElement {
  static override styles = [sharedStyles, consoleStyles];

  /** from the URL */
  @property() orgId = '';

  readonly #seat = new LocalQueryController(
    this,
    (engine, onChange: (data: ClubSeat) => void) => {
      this.partner = { status: 'idle' };
      return observeClubSeat(engine, this.orgId, onChange);
    },
    { key: () => this.orgId },
  );
  readonly #supabase = new ContextConsumer(this, { context: supabaseContext, subscribe: true });
  readonly #online = new OnlineController(this);
  @state() private partner: PartnerState = { status: 'idle' };
  @state() private message = '';
  @state() private error = '';
  @state() private busy = false;

  private get admin(): boolean {
    const role = this.#seat.value?.myRole;
    return role != null && hasRoleAtLeast(role, 'admin');
  }

  override willUpdate(): void {
    if (
      this.partner.status === 'idle' &&
      this.admin &&
      this.#online.online &&
      this.#supabase.value
    ) {
      this.partner = { status: 'loading' };
      void this.load();
    }
  }

  override render() {
    const seat = this.#seat.value;
    if (!seat) return html`<p class="muted" role="status">${t.loading}</p>`;
    const head = html`<h1>${t.titles.clubPartner}</h1>
      <p class="org">${seat.orgName}</p>`;
    if (!this.admin) return html`${head}<ts-notice><p>${t.club.adminsOnly}</p></ts-notice>`;
    if (!this.#online.online) return html`${head}<ts-notice><p>${t.offline}</p></ts-notice>`;
    const p = this.partner;
    let body;
    if (p.status === 'idle' || p.status === 'loading')
      body = html`<p class="muted" role="status">${t.loading}</p>`;
    else if (p.status === 'error')
      body = html`<ts-notice tone="error"><p>${p.message}</p></ts-notice>`;
    else if (!p.partner) body = html`<p class="card">${t.club.none}</p>`;
    else body = this.renderPartner(p.partner);
    return html`${head}
      <p>${t.club.intro}</p>
      <p role="status" class="muted">${this.message}</p>
      ${body}
      <section aria-labelledby="club-audit">
        <h2 id="club-audit">${t.club.auditTitle}</h2>
        <partner-audit-list .orgId=${this.orgId} .caption=${t.club.auditTitle}></partner-audit-list>
      </section>`;
  }

  private renderPartner(p: ClubPartner) {
    return html`<section class="card stack first" aria-labelledby="managed-by">
      <h2 id="managed-by">${t.club.managedBy(p.partner_name)}</h2>
      <p>${t.club.since(formatDate(p.since, currentIntlTag))}</p>
      <p>
        ${
          p.consent_expires_at
            ? t.club.until(formatDate(p.consent_expires_at, currentIntlTag))
            : t.club.untilManaged
        }
      </p>
      <label class="check"
        ><input
          type="checkbox"
          name="allowWrite"
          .checked=${p.allow_write}
          ?disabled=${this.busy}
          aria-describedby="allow-write-hint"
          @change=${this.toggleWrite}
        />
        ${t.club.allowWrite}</label
      >
      <p class="hint" id="allow-write-hint">${t.club.allowWriteHint}</p>
      ${this.error ? html`<ts-notice tone="error"><p>${this.error}</p></ts-notice>` : nothing}
      <div class="actions">
        <button class="button secondary" type="button" ?disabled=${this.busy} @click=${this.revoke}>
          ${t.club.revoke}
        </button>
      </div>
    </section>`;
  }

  private async load(): Promise<void> {
    const client = this.#supabase.value;
    if (!client) return;
    const result = await loadClubPartner(client, this.orgId);
    this.partner = result.ok
      ? { status: 'ready', partner: result.data }
      : { status: 'error', message: partnerRefusal(result.error) };
  }

  private async toggleWrite(e: Event): Promise<void> {
    const client = this.#supabase.value;
    if (!client) return;
    const allow = (e.target as HTMLInputElement).checked;
    await this.run(() => setPartnerWrite(client, this.orgId, allow), t.club.saved);
  }

  private async revoke(): Promise<void> {
    const client = this.#supabase.value;
    if (!client || !confirm(t.club.confirmRevoke)) return;
    await this.run(() => revokePartner(client, this.orgId), t.club.revoked);
  }

  private async run(
    action: () => Promise<
      { ok: true } | { ok: false; error: Parameters<typeof partnerRefusal>[0] }
    >,
    done: string,
  ): Promise<void> {
    this.busy = true;
    this.error = '';
    this.message = '';
    const result = await action();
    this.busy = false;
    if (!result.ok) {
      this.error = partnerRefusal(result.error);
    } else {
      this.message = done;
    }
    await this.load();
    this.renderRoot.querySelector<PartnerAuditList>('partner-audit-list')?.reload();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'club-partner-page': ClubPartnerPage;
  }
}
