import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { adminStrings } from './admin-strings.ts';
import {
  assignableRoles,
  invitationExpiry,
  invitationFormSchema,
  invitationLink,
  invitationState,
} from '../../domain/membership-admin.ts';
import { ContextConsumer } from '@lit/context';
import { supabaseContext } from '../../state/contexts.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { currentIntlTag } from '../../i18n/locale.ts';
import { OnlineController } from '../../state/online-controller.ts';
import { strings } from '../../i18n/shell-strings.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import { refusalMessage } from './admin-refusal.ts';
import { encodeQr, qrPath } from '../../domain/qr-code.ts';
import { adminGate, adminHeader, adminStyles } from './admin-chrome.ts';
import { observeAdminData, type AdminData } from './admin-data.ts';
import { callRpc } from '../../data/call-rpc.ts';
import { describeError } from '../../data/describe-error.ts';
import { loadInvitations, parseInvitation, type Invitation } from './invitation-data.ts';
import { fieldErrors } from '../../ui/form-errors.ts';

const t = adminStrings.invitations;

interface Draft {
  role: string;
  days: string;
  maxUses: string;
}

type ListState =
  | { status: 'loading' }
  | { status: 'ready'; items: Invitation[] }
  | { status: 'error'; message: string };

/**
 * Invite people to an organization: a role, how many days the invitation lasts
 * and how many may use it; the new invitation's link and code, to copy and
 * send; the open invitations, each revocable. All of it is the server's
 * (create_invitation, revoke_invitation), so offline the page says so.
 */
@customElement('invitations-page')
export class InvitationsPage extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      .qr {
        margin: 0;
        display: grid;
        gap: var(--ts-space-2);
        justify-items: center;
      }
      .qr svg {
        width: min(240px, 100%);
        height: auto;
        shape-rendering: crispEdges;
      }
      .secret {
        display: grid;
        gap: var(--ts-space-1);
      }
      .secret input {
        font-family: ui-monospace, monospace;
        width: 100%;
      }
      .created {
        border-color: var(--ts-color-success);
        border-width: 2px;
      }
    `,
  ];

  /** from the URL */
  @property() orgId = '';

  readonly #admin = new LocalQueryController(
    this,
    (engine, onChange: (data: AdminData) => void) => {
      // another user or club: its invitations load again
      this.#loadedOnline = false;
      return observeAdminData(engine, { orgId: this.orgId }, onChange);
    },
    { key: () => this.orgId },
  );
  readonly #supabase = new ContextConsumer(this, { context: supabaseContext });
  readonly #online = new OnlineController(this);
  #loadedOnline = false;
  @state() private list: ListState = { status: 'loading' };
  @state() private draft: Draft = { role: 'coach', days: '7', maxUses: '1' };
  @state() private errors: Record<string, string> = {};
  @state() private formError = '';
  @state() private busy = false;
  @state() private created: Invitation | undefined;
  @state() private message = '';
  @state() private rowErrors: Record<string, string> = {};

  private get data(): AdminData | undefined {
    return this.#admin.value;
  }

  override willUpdate(): void {
    // load once the user is known to be an admin and the network is there (again)
    const admin = this.data && adminGate(this.data, t.title) === null;
    const online = this.#online.online;
    if (admin && online && !this.#loadedOnline) {
      this.#loadedOnline = true;
      void this.load();
    }
    if (!online) this.#loadedOnline = false;
  }

  override render() {
    const data = this.data;
    const gate = adminGate(data, t.title);
    if (gate || !data) return gate;
    const online = this.#online.online;
    return html`
      <h1>${t.title}</h1>
      ${adminHeader(data, 'invitations')}
      <p role="status" class="muted">${this.message}</p>
      ${
        online
          ? html`${this.renderForm(data)} ${this.renderCreated()} ${this.renderList(data)}`
          : html`<ts-notice><p>${t.offline}</p></ts-notice>`
      }
    `;
  }

  private renderForm(data: AdminData) {
    const d = this.draft;
    const roles = data.myRole ? assignableRoles(data.myRole) : [];
    return html`<section aria-labelledby="new-invitation" class="first">
      <h2 id="new-invitation">${t.newTitle}</h2>
      <form novalidate @submit=${this.create}>
        <label
          >${t.role}
          <select
            name="role"
            aria-invalid=${this.errors['role'] ? 'true' : 'false'}
            aria-describedby="role-error"
            @change=${this.onInput}
          >
            ${roles.map(
              (r) =>
                html`<option value=${r} .selected=${r === d.role}>${strings.roleName(r)}</option>`,
            )}
          </select>
          <p class="error" id="role-error" role="alert">${this.errors['role'] ?? ''}</p>
        </label>
        ${this.renderNumber('days', t.days, t.daysHint, d.days)}
        ${this.renderNumber('maxUses', t.maxUses, t.maxUsesHint, d.maxUses)}
        ${this.formError ? html`<ts-notice tone="error"><p>${this.formError}</p></ts-notice>` : nothing}
        <div class="actions">
          <button class="button" type="submit" ?disabled=${this.busy}>${t.submit}</button>
        </div>
      </form>
    </section>`;
  }

  private renderNumber(name: keyof Draft, label: string, hint: string, value: string) {
    const error = this.errors[name] ?? '';
    return html`<label
      >${label}
      <span class="hint" id="${name}-hint">${hint}</span>
      <input
        name=${name}
        inputmode="numeric"
        autocomplete="off"
        .value=${value}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby="${name}-hint ${name}-error"
        @input=${this.onInput}
      />
      <p class="error" id="${name}-error" role="alert">${error}</p>
    </label>`;
  }

  private renderCreated() {
    const inv = this.created;
    if (!inv) return nothing;
    return html`<section class="card created stack" aria-labelledby="created">
      <h2 id="created">${t.newTitle}: ${strings.roleName(inv.role)}</h2>
      ${inv.token ? this.renderShare(inv.role, this.link(inv.token), inv.code ?? null, 'link') : nothing}
      ${inv.token ? this.renderSecret('link', t.link, this.link(inv.token), t.copyLink) : nothing}
      ${inv.code ? this.renderSecret('code', t.code, inv.code, t.copyCode) : nothing}
      ${inv.token ? this.renderQr(this.link(inv.token)) : nothing}
    </section>`;
  }

  /** the link as a QR code, drawn here, for a phone held up to this screen */
  private renderQr(link: string) {
    let matrix: boolean[][];
    try {
      matrix = encodeQr(link);
    } catch {
      // a link too long for the code: the link and the code above still work
      return nothing;
    }
    // the symbol and its quiet zone of four modules each side
    const side = matrix.length + 8;
    const path = qrPath(matrix, 4);
    return html`<figure class="qr">
      <svg viewBox="0 0 ${side} ${side}" role="img" aria-label=${t.qrLabel}>
        <rect width=${side} height=${side} fill="#fff"></rect>
        <path d=${path} fill="#000"></path>
      </svg>
      <figcaption class="muted">${t.qrHint}</figcaption>
    </figure>`;
  }

  /** the phone's share sheet where the browser has one (messengers, mail); copying stays beside it */
  private renderShare(role: string, link: string, code: string | null, id: string) {
    if (!canShare()) return nothing;
    return html`<div>
      <button class="button" type="button" @click=${() => this.share(role, link, code, id)}>
        ${t.share}
      </button>
    </div>`;
  }

  private renderSecret(id: string, label: string, value: string, copyLabel: string) {
    return html`<div class="secret">
      <label for="secret-${id}">${label}</label>
      <input id="secret-${id}" readonly .value=${value} @focus=${this.selectAll} />
      <div>
        <button class="button secondary" type="button" @click=${() => this.copy(value, id)}>
          ${copyLabel}
        </button>
      </div>
    </div>`;
  }

  private renderList(data: AdminData) {
    const list = this.list;
    let body;
    if (list.status === 'loading')
      body = html`<p class="muted" role="status">${strings.loading}</p>`;
    else if (list.status === 'error')
      body = html`<ts-notice tone="error"><p>${t.loadFailed}: ${list.message}</p></ts-notice>`;
    else {
      const now = Date.now();
      const open = list.items.filter((i) => invitationState(this.lifecycle(i), now) === 'open');
      body =
        open.length === 0
          ? html`<p class="card">${t.none}</p>`
          : html`<ul class="cards" aria-label=${t.open}>
              ${open.map((i) => this.renderInvitation(data, i))}
            </ul>`;
    }
    return html`<section aria-labelledby="open-invitations">
      <h2 id="open-invitations">${t.open}</h2>
      ${body}
    </section>`;
  }

  private renderInvitation(data: AdminData, i: Invitation) {
    const when = new Date(i.expires_at).toLocaleString(currentIntlTag, {
      timeZone: data.timeZone,
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
    });
    const errorId = `revoke-error-${i.id}`;
    return html`<li class="card">
      <p class="name"><span class="pill">${strings.roleName(i.role)}</span> ${i.code ?? ''}</p>
      <p class="muted">${t.expires(when)} · ${t.uses(i.use_count, i.max_uses)}</p>
      <div class="actions">
        ${
          i.token && canShare()
            ? html`<button
                class="button secondary"
                type="button"
                @click=${() => this.share(i.role, this.link(i.token ?? ''), i.code ?? null, i.id)}
              >
                ${t.share}
              </button>`
            : nothing
        }
        ${
          i.token
            ? html`<button
                class="button secondary"
                type="button"
                @click=${() => this.copy(this.link(i.token ?? ''), i.id)}
              >
                ${t.copyLink}
              </button>`
            : nothing
        }
        <button
          class="button secondary"
          type="button"
          aria-describedby=${errorId}
          @click=${() => this.revoke(i)}
        >
          ${t.revoke}
        </button>
      </div>
      <p class="error" id=${errorId} role="alert">${this.rowErrors[i.id] ?? ''}</p>
    </li>`;
  }

  private lifecycle(i: Invitation) {
    return {
      expiresAt: Date.parse(i.expires_at),
      revoked: i.revoked_at !== null,
      useCount: i.use_count,
      maxUses: i.max_uses,
    };
  }

  private link(token: string): string {
    return invitationLink(location.origin, token);
  }

  private selectAll(e: Event): void {
    (e.target as HTMLInputElement).select();
  }

  private onInput(e: Event): void {
    const target = e.target as HTMLInputElement | HTMLSelectElement;
    this.draft = { ...this.draft, [target.name]: target.value };
    if (this.errors[target.name]) {
      this.errors = Object.fromEntries(
        Object.entries(this.errors).filter(([k]) => k !== target.name),
      );
    }
  }

  private async load(): Promise<void> {
    const client = this.#supabase.value;
    if (!client) return;
    const result = await loadInvitations(client, this.orgId);
    this.list = result.ok
      ? { status: 'ready', items: result.items }
      : { status: 'error', message: refusalMessage(result.error) };
  }

  private async create(e: Event): Promise<void> {
    e.preventDefault();
    const client = this.#supabase.value;
    const myRole = this.data?.myRole;
    if (!client || !myRole) return;
    this.formError = '';
    this.message = '';
    const parsed = invitationFormSchema(myRole).safeParse(this.draft);
    if (!parsed.success) {
      this.errors = fieldErrors(parsed.error);
      const first = Object.keys(this.errors)[0];
      this.renderRoot.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    this.errors = {};
    this.busy = true;
    try {
      const result = await callRpc(client, 'create_invitation', {
        p_org_id: this.orgId,
        p_role: parsed.data.role,
        p_expires_at: new Date(invitationExpiry(Date.now(), parsed.data.days)).toISOString(),
        p_max_uses: parsed.data.maxUses,
      });
      if (!result.ok) {
        this.formError = refusalMessage(result.error);
        return;
      }
      this.created = parseInvitation(result.data);
      this.message = t.created;
      await this.load();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#secret-link')?.focus();
    } catch (error) {
      // the RPC answered with something that is not an invitation
      this.formError = describeError(error).message;
    } finally {
      this.busy = false;
    }
  }

  private async revoke(i: Invitation): Promise<void> {
    const client = this.#supabase.value;
    if (!client || !confirm(t.confirmRevoke)) return;
    this.rowErrors = { ...this.rowErrors, [i.id]: '' };
    const result = await callRpc(client, 'revoke_invitation', { p_invitation_id: i.id });
    if (!result.ok) {
      this.rowErrors = { ...this.rowErrors, [i.id]: refusalMessage(result.error) };
      return;
    }
    if (this.created?.id === i.id) this.created = undefined;
    this.message = t.revoked;
    await this.load();
  }

  /** hands the link to the share sheet; a refused share (no permission, no target) falls back to copying */
  private async share(role: string, link: string, code: string | null, id: string): Promise<void> {
    const orgName = this.data?.orgName ?? '';
    try {
      await navigator.share({
        title: t.shareTitle(orgName),
        text: t.shareText(orgName, strings.roleName(role), code),
        url: link,
      });
      this.message = '';
    } catch (error) {
      // the user closed the sheet: nothing to say
      if (error instanceof DOMException && error.name === 'AbortError') return;
      await this.copy(link, id);
    }
  }

  private async copy(text: string, id: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.message = t.copied;
    } catch {
      this.message = t.copyFailed;
      this.renderRoot.querySelector<HTMLInputElement>(`#secret-${id}`)?.select();
    }
  }
}

/** whether the browser offers a share sheet (phones, some desktops) */
function canShare(): boolean {
  return typeof navigator.share === 'function';
}

declare global {
  interface HTMLElementTagNameMap {
    'invitations-page': InvitationsPage;
  }
}
