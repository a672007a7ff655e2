import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { brandOf, readableTextOn, safeLogoUrl, type Brand } from '../../domain/partner-brand.ts';
import { callRpc } from '../../data/call-rpc.ts';
import { CurrentOrganizationController } from '../../state/current-organization-controller.ts';
import { supabaseContext } from '../../state/contexts.ts';
import { partnerDashboardStrings } from './partner-dashboard-strings.ts';

// the last brand seen per club in this tab, so switching back shows it at once;
// kept in memory only: nothing of a signed-in person outlives the sign-out
const seen = new Map<string, Brand | null>();

function cached(orgId: string): Brand | null {
  return seen.get(orgId) ?? null;
}

function remember(orgId: string, brand: Brand | null): void {
  seen.set(orgId, brand);
}

/**
 * «через <brand>» under the app bar for members of a club managed by a white-label
 * partner (public.club_brand); nothing for everyone else. The tier is checked by
 * the database on every read, so a demoted partner's mark goes at the next one.
 */
@customElement('partner-brand-mark')
export class PartnerBrandMark extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    /* a strip under the app bar: the bar itself has no room on a 360 px phone */
    .mark {
      display: flex;
      align-items: center;
      justify-content: center;
      gap: var(--ts-space-2);
      padding: 4px var(--ts-space-4);
      font-size: 0.875rem;
      font-weight: 600;
      border-bottom: 3px solid transparent;
    }
    img {
      width: 20px;
      height: 20px;
      object-fit: contain;
      flex: none;
    }
    .name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
  `;

  readonly #client = new ContextConsumer(this, { context: supabaseContext });
  readonly #organization = new CurrentOrganizationController(this);
  #askedFor = '';
  @state() private brand: Brand | null = null;

  override willUpdate(): void {
    const orgId = this.#organization.currentId ?? '';
    const client = this.#client.value;
    if (!client || orgId === this.#askedFor) return;
    this.#askedFor = orgId;
    this.brand = orgId ? cached(orgId) : null;
    if (orgId) void this.fetch(orgId);
  }

  private async fetch(orgId: string): Promise<void> {
    const client = this.#client.value;
    if (!client) return;
    const result = await callRpc(client, 'club_brand', { p_org: orgId });
    if (!result.ok || orgId !== this.#askedFor) return;
    const brand = brandOf(result.data);
    remember(orgId, brand);
    this.brand = brand;
  }

  override render() {
    const brand = this.brand;
    if (!brand) return nothing;
    const bg = brand.color ?? '#ffffff';
    const logo = safeLogoUrl(brand.logoUrl);
    const text = partnerDashboardStrings.brand.via(brand.name);
    return html`<p
      class="mark"
      data-testid="partner-brand-mark"
      style="margin:0;background:${bg};color:${readableTextOn(bg)};border-bottom-color:${brand.accentColor ?? bg}"
    >
      ${logo ? html`<img src=${logo} alt="" />` : nothing}<span class="name">${text}</span>
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'partner-brand-mark': PartnerBrandMark;
  }
}
