import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { flagWhy, type FlagWhy } from '../../domain/feature-flag.ts';
import { strings } from '../../i18n/shell-strings.ts';
import '../../ui/ts-notice.ts';
import {
  checkOrganization,
  type FlagCheckRow,
  findOrganizations,
  type PlatformOrganization,
} from './feature-flags-data.ts';
import { featureFlagsStrings as t } from './feature-flags-strings.ts';
import { flagsStyles, valueTone } from './feature-flags-styles.ts';
import './org-search.ts';
import type { OrgPickedEvent } from './org-search.ts';
import { PlatformGate } from '../../state/platform-gate.ts';
import { gateNotice } from '../../ui/gate-notice.ts';
import { flagsNav } from './flags-nav.ts';

type CheckState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; rows: FlagCheckRow[] }
  | { status: 'error'; message: string };

/** a key that may wrap after each underscore (a 360 px screen has no room for race_partnerships) */
function breakable(key: string) {
  return key.split('_').map((part, i) => (i === 0 ? part : html`_<wbr />${part}`));
}

/** why, in words; a kind rule names the organization's kind */
function whyText(why: FlagWhy, kind: string): string {
  return why === 'kind' ? t.why.kind(strings.kindName(kind)) : t.why[why];
}

/**
 * "Check an organization": the platform's admin finds one by name and reads every
 * flag's value for it, why it has that value (its own setting, the rule for its
 * kind, a rollout it is in or not, the flag's default, a retired flag — from the
 * database's own evaluation, feature_flags_for) and its rollout bucket. Online only.
 */
@customElement('feature-flags-check-page')
export class FeatureFlagsCheckPage extends LitElement {
  static override styles = flagsStyles;

  readonly #gate = new PlatformGate(this);
  @state() private organization: PlatformOrganization | null = null;
  @state() private check: CheckState = { status: 'idle' };
  #generation = 0;

  private async load(org: PlatformOrganization): Promise<void> {
    const client = this.#gate.client;
    if (!client) return;
    const generation = ++this.#generation;
    this.check = { status: 'loading' };
    const r = await checkOrganization(client, org.id);
    if (generation !== this.#generation) return;
    this.check = r.ok
      ? { status: 'ready', rows: r.value }
      : { status: 'error', message: r.error.message };
  }

  override render() {
    const gate = gateNotice(this.#gate.state, t.checkTitle, t);
    if (gate) return gate;
    const client = this.#gate.client;
    return html`<h1>${t.checkTitle}</h1>
      ${flagsNav('check')}
      <p>${t.checkIntro}</p>
      <div class="card">
        <flags-org-search
          .find=${client ? (q: string) => findOrganizations(client, q) : undefined}
          .picked=${this.organization}
          @org-picked=${(e: OrgPickedEvent) => {
            this.organization = e.organization;
            this.#generation++;
            this.check = { status: 'idle' };
            if (e.organization) void this.load(e.organization);
          }}
        ></flags-org-search>
      </div>
      ${this.renderCheck()}`;
  }

  private renderCheck() {
    const c = this.check;
    const org = this.organization;
    if (c.status === 'idle' || !org) return null;
    if (c.status === 'loading') return html`<p class="muted" role="status">${t.loading}</p>`;
    if (c.status === 'error') {
      return html`<ts-notice tone="error"><p>${c.message}</p></ts-notice>
        <button class="button secondary" @click=${() => void this.load(org)}>${t.retry}</button>`;
    }
    const kind = strings.kindName(org.kind);
    return html`<section aria-labelledby="check-caption">
      <div class="scroll" tabindex="0" role="region" aria-labelledby="check-caption">
        <table class="check" data-testid="flag-check">
          <caption id="check-caption">
            ${t.checkCaption(org.name, kind)}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t.columns.flag}</th>
              <th scope="col">${t.columns.value}</th>
              <th scope="col" class="number">${t.columns.bucket}</th>
            </tr>
          </thead>
          <tbody>
            ${c.rows.map((r) => {
              const why = flagWhy(r.reason, r.variant);
              return html`<tr data-key=${r.key}>
                <th scope="row">
                  <a href=${`/platform/flags/${r.key}`}><code>${breakable(r.key)}</code></a>
                </th>
                <td>
                  <span class="status" data-tone=${valueTone(r.value, why === 'retired')}
                    >${r.value ? t.on : t.off}</span
                  >
                  <span class="reason">${whyText(why, org.kind)}</span>
                  <span class="reason muted">${r.reason ?? ''}</span>
                </td>
                <td class="number">${r.bucket ?? t.none}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      <p class="muted">${t.bucketNote}</p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'feature-flags-check-page': FeatureFlagsCheckPage;
  }
}
