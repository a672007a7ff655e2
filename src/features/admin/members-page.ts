import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { adminStrings } from './admin-strings.ts';
import { assignableRoles, mayManageMember, roleSchema } from '../../domain/membership-admin.ts';
import { searchMembers } from '../../domain/member-search.ts';
import { refusalMessage } from './admin-refusal.ts';
import { ContextConsumer } from '@lit/context';
import { supabaseContext } from '../../state/contexts.ts';
import { OnlineController } from '../../state/online-controller.ts';
import { strings } from '../../i18n/shell-strings.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import '../../ui/ts-notice.ts';
import { adminGate, adminHeader, adminStyles } from './admin-chrome.ts';
import { observeAdminData, type AdminData, type AdminMember } from './admin-data.ts';
import { callRpc, type RpcResult } from '../../data/call-rpc.ts';
import type { AppClient } from '../../data/supabase-client.ts';
import { translateDomainMessage } from '../../i18n/domain-messages.ts';

const t = adminStrings.members;

/** per member: the role chosen in the form, and what the last action said */
interface MemberState {
  role?: string;
  error?: string;
  busy?: boolean;
}

/**
 * An organization's members with their roles (from the device, so the list is
 * there offline); admins and owners change a role or remove a member through the
 * tenancy RPCs, which need the network. Every refusal — the last owner, someone
 * ranked above you — is explained next to that member.
 */
@customElement('members-page')
export class MembersPage extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      .email {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .search {
        display: grid;
        gap: var(--ts-space-1);
        margin-bottom: var(--ts-space-3);
      }
      .search input {
        font: inherit;
        min-height: 44px;
        padding: 0 var(--ts-space-2);
      }
    `,
  ];

  /** from the URL */
  @property() orgId = '';

  readonly #supabase = new ContextConsumer(this, { context: supabaseContext });
  readonly #online = new OnlineController(this);
  readonly #query = new LocalQueryController(
    this,
    (engine, onChange: (data: AdminData) => void) =>
      observeAdminData(engine, { orgId: this.orgId }, onChange),
    { key: () => this.orgId },
  );
  @state() private perMember: Record<string, MemberState> = {};
  @state() private message = '';
  @state() private query = '';
  /** each member's sign-in email by user id, read from the server (never synced) */
  @state() private emails = new Map<string, string>();
  /** the organization and connection the emails were last asked for */
  #emailsFor = '';

  override willUpdate(): void {
    const client = this.#supabase.value;
    const key = `${this.orgId}/${String(this.#online.online)}`;
    if (!client || !this.orgId || !this.#online.online || this.#emailsFor === key) return;
    this.#emailsFor = key;
    void this.loadEmails(client, this.orgId);
  }

  private async loadEmails(client: AppClient, orgId: string): Promise<void> {
    const result = await callRpc(client, 'member_emails', { p_org_id: orgId });
    // only admins may read them; anyone else simply sees no emails
    if (!result.ok || orgId !== this.orgId) return;
    this.emails = new Map(
      result.data.flatMap((r) => (r.user_id && r.email ? [[r.user_id, r.email] as const] : [])),
    );
  }

  override render() {
    const data = this.#query.value;
    const gate = adminGate(data, t.title);
    if (gate || !data) return gate;
    const online = this.#online.online;
    return html`
      <h1>${t.title}</h1>
      ${adminHeader(data, 'members')}
      ${online ? nothing : html`<ts-notice><p>${adminStrings.needsNetwork}</p></ts-notice>`}
      <p role="status" class="muted">${this.message}</p>
      ${data.members.length === 0 ? html`<p class="card">${t.none}</p>` : this.renderList(data, online)}
      <p class="after-list">
        <a class="button secondary" href="/org/${this.orgId}/invitations">${t.invite}</a>
      </p>
    `;
  }

  private renderList(data: AdminData, online: boolean) {
    const withEmails = data.members.map((m) => ({
      ...m,
      email: this.emails.get(m.userId) ?? null,
    }));
    const shown = searchMembers(withEmails, this.query);
    return html`<label class="search"
        >${t.search}
        <input
          type="search"
          autocomplete="off"
          .value=${this.query}
          @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
      /></label>
      ${
        this.query.trim()
          ? html`<p class="muted" aria-live="polite">
              ${shown.length === 0 ? t.noneFound : t.found(shown.length, data.members.length)}
            </p>`
          : nothing
      }
      <ul class="cards" aria-label=${t.title}>
        ${shown.map((m) => this.renderMember(data, m, online))}
      </ul>`;
  }

  private renderMember(
    data: AdminData,
    m: AdminMember & { email: string | null },
    online: boolean,
  ) {
    const myRole = data.myRole;
    const s = this.perMember[m.membershipId] ?? {};
    const manageable = myRole !== null && mayManageMember(myRole, m.role);
    const chosen = s.role ?? m.role;
    const errorId = `error-${m.membershipId}`;
    const roleId = `role-${m.membershipId}`;
    return html`<li class="card">
      <p class="name">
        ${m.name}${m.userId === this.#query.engine?.userId ? html` (${t.you})` : nothing}
      </p>
      ${
        m.email
          ? html`<p class="email muted">${m.email}</p>`
          : online
            ? nothing
            : html`<p class="email muted">${t.emailOffline}</p>`
      }
      ${
        manageable && myRole
          ? html`<div class="row">
              <label for=${roleId}
                >${t.role}
                <select
                  id=${roleId}
                  aria-describedby=${errorId}
                  aria-invalid=${s.error ? 'true' : 'false'}
                  @change=${(e: Event) =>
                    this.patch(m.membershipId, {
                      role: (e.target as HTMLSelectElement).value,
                      error: '',
                    })}
                >
                  ${assignableRoles(myRole).map(
                    (r) =>
                      html`<option value=${r} .selected=${r === chosen}>
                        ${strings.roleName(r)}
                      </option>`,
                  )}
                </select>
              </label>
              <button
                class="button"
                type="button"
                ?disabled=${!online || s.busy || chosen === m.role}
                @click=${() => this.changeRole(m, chosen)}
              >
                ${t.changeRole}
              </button>
              <button
                class="button secondary"
                type="button"
                ?disabled=${!online || s.busy}
                @click=${() => this.removeMember(m)}
              >
                ${t.remove}
              </button>
            </div>`
          : html`<p><span class="pill">${strings.roleName(m.role)}</span></p>
              <p class="muted">${t.aboveYou}</p>`
      }
      <p class="error" id=${errorId} role="alert">${s.error ?? ''}</p>
    </li>`;
  }

  private patch(id: string, change: MemberState): void {
    this.perMember = { ...this.perMember, [id]: { ...this.perMember[id], ...change } };
  }

  private async changeRole(m: AdminMember, role: string): Promise<void> {
    const parsed = roleSchema.safeParse(role);
    if (!parsed.success) {
      this.patch(m.membershipId, {
        error: translateDomainMessage(parsed.error.issues[0]?.message ?? ''),
      });
      return;
    }
    const newRole = parsed.data;
    await this.call(
      m,
      (client) =>
        callRpc(client, 'change_member_role', { p_membership_id: m.membershipId, p_role: newRole }),
      () => t.roleChanged(m.name, strings.roleName(newRole)),
    );
  }

  private async removeMember(m: AdminMember): Promise<void> {
    if (!confirm(t.confirmRemove(m.name))) return;
    await this.call(
      m,
      (client) => callRpc(client, 'remove_member', { p_membership_id: m.membershipId }),
      () => t.removed(m.name),
    );
  }

  private async call(
    m: AdminMember,
    rpc: (client: AppClient) => Promise<RpcResult<'change_member_role' | 'remove_member'>>,
    done: () => string,
  ): Promise<void> {
    const client = this.#supabase.value;
    if (!client) return;
    this.message = '';
    this.patch(m.membershipId, { busy: true, error: '' });
    const result = await rpc(client);
    if (!result.ok) {
      this.patch(m.membershipId, { busy: false, error: refusalMessage(result.error) });
      return;
    }
    this.patch(m.membershipId, { busy: false, role: undefined });
    this.message = done();
    // the changed membership arrives with the next pull; ask for it now
    this.#query.engine?.requestSync();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'members-page': MembersPage;
  }
}
