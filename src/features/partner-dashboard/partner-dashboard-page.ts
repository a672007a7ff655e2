import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import {
  commissionPeriod,
  commissionTotals,
  ratePercent,
} from '../../domain/partner-commission.ts';
import { referralLink } from '../../domain/referral-code.ts';
import { formatMoney } from '../../domain/money.ts';
import { currentIntlTag, currentLocale } from '../../i18n/locale.ts';
import { CurrentOrganizationController } from '../../state/current-organization-controller.ts';
import { OnlineController } from '../../state/online-controller.ts';
import { supabaseContext } from '../../state/contexts.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import { chipStyles } from '../../ui/chip-styles.ts';
import '../../ui/ts-notice.ts';
import {
  loadMyPartnerProfiles,
  loadPartnerDashboard,
  type PartnerDashboard,
  type PartnerProfile,
  type PartnerTier,
} from './partner-dashboard-data.ts';
import { partnerDashboardStrings } from './partner-dashboard-strings.ts';
import { tierLabel } from '../../i18n/tier-label.ts';
import './partner-deals-section.ts';
import './partner-company-form.ts';
import './partner-brand-form.ts';

const t = partnerDashboardStrings;

type Load =
  | { status: 'idle' | 'loading' }
  | { status: 'none' }
  | { status: 'error'; message: string }
  | { status: 'ready'; data: PartnerDashboard; profiles: PartnerProfile[] };

function formatDate(iso: string, withTime = false): string {
  return new Intl.DateTimeFormat(currentIntlTag, {
    dateStyle: 'medium',
    ...(withTime ? { timeStyle: 'short' } : {}),
  }).format(new Date(iso));
}

function formatMonth(iso: string): string {
  return new Intl.DateTimeFormat(currentIntlTag, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

/**
 * /partner: a partner organization's own page — its application, tier and what
 * the tier gives, referrals and their commission, deal registration, materials,
 * company details and brand. Online only (nothing here is synced).
 */
@customElement('partner-dashboard-page')
export class PartnerDashboardPage extends LitElement {
  static override styles = [
    sharedStyles,
    chipStyles,
    css`
      section {
        margin-top: var(--ts-space-5);
      }
      h2 {
        margin-bottom: var(--ts-space-2);
      }
      ul.plain {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: var(--ts-space-2);
      }
      .code {
        font-family: ui-monospace, monospace;
        font-size: 1.5rem;
        font-weight: 700;
        letter-spacing: 0.1em;
      }
      .link {
        overflow-wrap: anywhere;
      }
      .table-wrap {
        overflow-x: auto;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        text-align: left;
        padding: var(--ts-space-1) var(--ts-space-2);
        border-bottom: 1px solid var(--ts-color-border);
        vertical-align: top;
      }
      td.num,
      th.num {
        text-align: right;
        white-space: nowrap;
      }
      tfoot td {
        font-weight: 700;
      }
    `,
  ];

  readonly #client = new ContextConsumer(this, { context: supabaseContext });
  readonly #organization = new CurrentOrganizationController(this);
  readonly #online = new OnlineController(this);
  #started = false;

  @state() private load: Load = { status: 'idle' };
  @state() private chosenOrg = '';
  @state() private copied = false;

  override willUpdate(): void {
    if (!this.#started && this.#client.value && this.#online.online) {
      this.#started = true;
      void this.reload();
    }
  }

  private async reload(): Promise<void> {
    const client = this.#client.value;
    if (!client) return;
    if (this.load.status !== 'ready') this.load = { status: 'loading' };
    const profiles = await loadMyPartnerProfiles(client);
    if (!profiles.ok) {
      this.load = { status: 'error', message: profiles.error.message };
      return;
    }
    const current = this.#organization.currentId;
    const profile =
      profiles.value.find((p) => p.org_id === this.chosenOrg) ??
      profiles.value.find((p) => p.org_id === current) ??
      profiles.value[0];
    if (!profile) {
      this.load = { status: 'none' };
      return;
    }
    this.chosenOrg = profile.org_id;
    const result = await loadPartnerDashboard(client, profile, commissionPeriod(Date.now(), 12));
    this.load = result.ok
      ? { status: 'ready', data: result.value, profiles: profiles.value }
      : { status: 'error', message: result.error.message };
  }

  override render() {
    return html`
      <h1>${t.title}</h1>
      <p class="muted">${t.intro}</p>
      ${this.#online.online ? nothing : html`<ts-notice tone="warning"><p>${t.offline}</p></ts-notice>`}
      ${this.renderBody()}
    `;
  }

  private renderBody() {
    const load = this.load;
    switch (load.status) {
      case 'idle':
      case 'loading':
        return html`<p class="muted" role="status">${t.loading}</p>`;
      case 'none':
        return html`<ts-notice><p>${t.notPartner}</p></ts-notice>`;
      case 'error':
        return html`<ts-notice tone="error"><p>${t.loadFailed}: ${load.message}</p></ts-notice>
          <p>
            <button class="button secondary" type="button" @click=${this.reload}>${t.retry}</button>
          </p>`;
      case 'ready':
        return this.renderDashboard(load.data, load.profiles);
    }
  }

  private myRole(orgId: string): string | null {
    return this.#organization.organizations.find((o) => o.orgId === orgId)?.role ?? null;
  }

  private renderDashboard(data: PartnerDashboard, profiles: PartnerProfile[]) {
    const tier = data.tiers.find((x) => x.code === data.profile.tier);
    const role = this.myRole(data.orgId);
    const manager = role === 'owner' || role === 'admin';
    const staff = manager || role === 'coach';
    return html`
      ${profiles.length > 1 ? this.renderChooser(profiles) : nothing}
      <p>
        <strong>${data.orgName}</strong> ·
        ${t.program[data.profile.program] ?? data.profile.program}
        ${tier ? html`<span class="chip">${tierLabel(tier)}</span>` : nothing}
      </p>
      ${this.renderApplication(data)} ${tier ? this.renderTier(data, tier) : nothing}
      ${this.renderReferrals(data)} ${this.renderCommissions(data)}
      <partner-deals-section
        .partnerOrgId=${data.orgId}
        .deals=${data.deals}
        .canWrite=${staff}
        @deals-changed=${this.reload}
      ></partner-deals-section>
      ${this.renderMaterials(data)}
      <partner-company-form
        .profile=${data.profile}
        .canWrite=${manager}
        @profile-saved=${this.reload}
      ></partner-company-form>
      <partner-brand-form
        .profile=${data.profile}
        .tier=${tier ?? null}
        .canWrite=${manager}
        @profile-saved=${this.reload}
      ></partner-brand-form>
    `;
  }

  private renderChooser(profiles: PartnerProfile[]) {
    const names = new Map(this.#organization.organizations.map((o) => [o.orgId, o.name]));
    return html`<label
      >${t.chooseOrg}
      <select
        @change=${(e: Event) => {
          this.chosenOrg = (e.target as HTMLSelectElement).value;
          void this.reload();
        }}
      >
        ${profiles.map(
          (p) =>
            html`<option value=${p.org_id} ?selected=${p.org_id === this.chosenOrg}>
              ${names.get(p.org_id) ?? p.org_id}
            </option>`,
        )}
      </select></label
    >`;
  }

  private renderApplication(data: PartnerDashboard) {
    const a = data.application;
    const s = t.application;
    return html`<section aria-labelledby="application-title">
      <h2 id="application-title">${s.title}</h2>
      <p>
        ${
          a.kind === 'none'
            ? s.none
            : a.kind === 'unavailable'
              ? s.unavailable
              : s.status(s.statuses[a.status] ?? a.status)
        }
      </p>
    </section>`;
  }

  private renderTier(data: PartnerDashboard, tier: PartnerTier) {
    const s = t.tier;
    const score = data.profile.tier_score ?? 0;
    const next = data.tiers.find((x) => x.rank > tier.rank);
    return html`<section aria-labelledby="tier-title">
      <h2 id="tier-title">${s.title}</h2>
      <div class="card stack">
        <p><strong>${s.current(tierLabel(tier))}</strong> · ${s.score(score)}</p>
        <p>${next ? s.next(tierLabel(next), Math.max(0, next.min_score - score)) : s.top}</p>
        <p class="muted">${s.scoreRule}</p>
        ${
          data.profile.tier_evaluated_at
            ? html`<p class="muted">
                ${s.evaluatedAt(formatDate(data.profile.tier_evaluated_at, true))}
              </p>`
            : nothing
        }
        <h3>${s.entitlements}</h3>
        <ul>
          <li>${s.clientLimit(tier.client_limit)}</li>
          <li>${s.whiteLabel(tier.white_label)}</li>
          <li>${s.customPricing(tier.custom_pricing)}</li>
          <li>${s.commission(ratePercent(tier.commission_rate))}</li>
        </ul>
      </div>
    </section>`;
  }

  private renderReferrals(data: PartnerDashboard) {
    const s = t.referrals;
    const link = referralLink(location.origin, data.profile.referral_code);
    return html`<section aria-labelledby="referrals-title">
      <h2 id="referrals-title">${s.title}</h2>
      <div class="card stack">
        <p>
          ${s.code}:
          <span class="code" data-testid="referral-code">${data.profile.referral_code}</span>
        </p>
        <p>${s.link}: <span class="link">${link}</span></p>
        <p class="actions">
          <button class="button secondary" type="button" @click=${() => this.copy(link)}>
            ${s.copy}
          </button>
          <span role="status">${this.copied ? s.copied : ''}</span>
        </p>
        <p class="muted">${s.howTo}</p>
      </div>
      ${
        data.referrals.length === 0
          ? html`<p class="muted">${s.empty}</p>`
          : html`<ul class="plain">
              ${data.referrals.map(
                (r) =>
                  html`<li>
                    ${r.club_name} <span class="muted">${s.since(formatDate(r.created_at))}</span>
                  </li>`,
              )}
            </ul>`
      }
    </section>`;
  }

  private async copy(link: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(link);
      this.copied = true;
    } catch {
      this.copied = false;
    }
  }

  private renderCommissions(data: PartnerDashboard) {
    const s = t.commissions;
    const money = (minor: number, currency: string) => formatMoney(minor, currency, currentIntlTag);
    const totals = commissionTotals(data.commissions);
    return html`<section aria-labelledby="commissions-title">
      <h2 id="commissions-title">${s.title}</h2>
      <p class="muted">${s.rule}</p>
      ${
        data.commissions.length === 0
          ? html`<p class="muted">${s.empty}</p>`
          : html`<div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">${s.month}</th>
                    <th scope="col">${s.club}</th>
                    <th scope="col" class="num">${s.revenue}</th>
                    <th scope="col" class="num">${s.rate}</th>
                    <th scope="col" class="num">${s.commission}</th>
                  </tr>
                </thead>
                <tbody>
                  ${data.commissions.map(
                    (c) =>
                      html`<tr>
                        <td>${formatMonth(c.month)}</td>
                        <td>${c.clubName}</td>
                        <td class="num">${money(c.revenueMinor, c.currency)}</td>
                        <td class="num">${ratePercent(c.commissionRate)}%</td>
                        <td class="num">${money(c.commissionMinor, c.currency)}</td>
                      </tr>`,
                  )}
                </tbody>
                <tfoot>
                  ${totals.map(
                    (x) =>
                      html`<tr>
                        <td colspan="2">${s.total}, ${x.currency}</td>
                        <td class="num">${money(x.revenueMinor, x.currency)}</td>
                        <td></td>
                        <td class="num">${money(x.commissionMinor, x.currency)}</td>
                      </tr>`,
                  )}
                </tfoot>
              </table>
            </div>`
      }
    </section>`;
  }

  private renderMaterials(data: PartnerDashboard) {
    const s = t.materials;
    const tiers = new Map(data.tiers.map((x) => [x.code, x]));
    return html`<section aria-labelledby="materials-title">
      <h2 id="materials-title">${s.title}</h2>
      ${
        data.materials.length === 0
          ? html`<p class="muted">${s.empty}</p>`
          : html`<ul class="plain">
              ${data.materials.map((m) => {
                const from = tiers.get(m.min_tier);
                return html`<li>
                  <a href=${m.url} download>${currentLocale === 'en' ? m.title_en : m.title_ru}</a>
                  <span class="muted"
                    >·
                    ${s.kinds[m.kind] ?? m.kind}${from ? html` · ${s.fromTier(tierLabel(from))}` : nothing}</span
                  >
                </li>`;
              })}
            </ul>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'partner-dashboard-page': PartnerDashboardPage;
  }
}
