import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import {
  FLAG_ENFORCEMENTS,
  FLAG_LIMITS,
  FLAG_STABILITIES,
  flagKeyInput,
  rolloutInput,
} from '../../domain/feature-flag.ts';
import { currentIntlTag } from '../../i18n/locale.ts';
import '../../ui/ts-notice.ts';
import { addFlag, type FlagWithTargets, loadFlags } from './feature-flags-data.ts';
import { featureFlagsStrings as t } from './feature-flags-strings.ts';
import { flagsStyles } from './feature-flags-styles.ts';
import { rolloutText, ruleLines, valueChip } from './flag-parts.ts';
import { PlatformGate } from '../../state/platform-gate.ts';
import { gateNotice } from '../../ui/gate-notice.ts';
import { flagsNav } from './flags-nav.ts';

type ListState =
  | { status: 'loading' }
  | { status: 'ready'; flags: FlagWithTargets[] }
  | { status: 'error'; message: string };

interface Draft {
  key: string;
  description: string;
  owner: string;
  stability: string;
  enforcement: string;
  enabled: boolean;
  rollout: string;
}

const EMPTY_DRAFT: Draft = {
  key: '',
  description: '',
  owner: '',
  stability: 'experimental',
  enforcement: 'rls',
  enabled: false,
  rollout: '',
};

/**
 * Every feature flag for the platform's admins: key, description, stability,
 * where it is enforced, its default and rollout, whether it is retired, its
 * rules per organization kind and its settings for single organizations (named);
 * each flag links to its own page for changes. Below, a new flag, its key checked
 * before it is sent with the table's own rule. Online only.
 */
@customElement('feature-flags-page')
export class FeatureFlagsPage extends LitElement {
  static override styles = flagsStyles;

  readonly #gate = new PlatformGate(this);
  @state() private list: ListState = { status: 'loading' };
  @state() private draft: Draft = EMPTY_DRAFT;
  @state() private errors: Partial<Record<'key' | 'rollout' | 'form', string>> = {};
  @state() private busy = false;
  @state() private message = '';
  #loaded = false;

  override willUpdate(): void {
    if (this.#gate.state === 'ready' && !this.#loaded) {
      this.#loaded = true;
      void this.load();
    }
    if (this.#gate.state === 'offline') this.#loaded = false;
  }

  private async load(): Promise<void> {
    const client = this.#gate.client;
    if (!client) return;
    const r = await loadFlags(client);
    this.list = r.ok
      ? { status: 'ready', flags: r.value }
      : { status: 'error', message: r.error.message };
  }

  override render() {
    const gate = gateNotice(this.#gate.state, t.listTitle, t);
    if (gate) return gate;
    return html`<h1>${t.listTitle}</h1>
      ${flagsNav('flags')}
      <p>${t.intro}</p>
      <p role="status">${this.message}</p>
      ${this.renderList()} ${this.renderNew()}`;
  }

  private renderList() {
    const list = this.list;
    if (list.status === 'loading') return html`<p class="muted" role="status">${t.loading}</p>`;
    if (list.status === 'error') {
      return html`<ts-notice tone="error"><p>${list.message}</p></ts-notice>
        <button class="button secondary" @click=${() => void this.load()}>${t.retry}</button>`;
    }
    if (list.flags.length === 0) return html`<p class="muted">${t.noFlags}</p>`;
    const date = new Intl.DateTimeFormat(currentIntlTag, { dateStyle: 'medium' });
    return html`<ul class="plain">
      ${list.flags.map(
        (f) =>
          html`<li class="card" data-testid="flag" data-key=${f.key}>
            <div class="head">
              <h2><code>${f.key}</code></h2>
              ${valueChip(f)}
            </div>
            ${f.description ? html`<p>${f.description}</p>` : nothing}
            <dl class="facts">
              <dt>${t.fields.stability}</dt>
              <dd>${t.stability[f.stability] ?? f.stability}</dd>
              <dt>${t.fields.enforcement}</dt>
              <dd>${t.enforcement[f.enforcement] ?? f.enforcement}</dd>
              <dt>${t.fields.value}</dt>
              <dd>${f.enabled ? t.on : t.off}</dd>
              <dt>${t.fields.rollout}</dt>
              <dd>${rolloutText(f.rollout_percent)}</dd>
              ${
                f.owner
                  ? html`<dt>${t.fields.owner}</dt>
                      <dd>${f.owner}</dd>`
                  : nothing
              }
              ${
                f.retired_at
                  ? html`<dt>${t.fields.retiredAt}</dt>
                      <dd>${date.format(new Date(f.retired_at))}</dd>`
                  : nothing
              }
            </dl>
            <h3>${t.rulesTitle}</h3>
            ${ruleLines(f.rules)}
            <h3>${t.overridesTitle}</h3>
            ${
              f.overrides.length
                ? html`<ul class="lines" data-testid="overrides">
                    ${f.overrides.map(
                      (o) =>
                        html`<li>
                          ${o.organization?.name ?? t.unknownOrg}:
                          ${o.enabled ? t.on : t.off}${
                            o.note ? html` <span class="muted">— ${o.note}</span>` : nothing
                          }
                        </li>`,
                    )}
                  </ul>`
                : html`<p class="muted">${t.noOverrides}</p>`
            }
            <a class="button secondary" href=${`/platform/flags/${f.key}`}
              >${f.retired_at ? t.show(f.key) : t.edit(f.key)}</a
            >
          </li>`,
      )}
    </ul>`;
  }

  private renderNew() {
    const d = this.draft;
    const e = this.errors;
    const set = (patch: Partial<Draft>) => (this.draft = { ...this.draft, ...patch });
    return html`<section aria-labelledby="new-flag">
      <h2 id="new-flag">${t.newTitle}</h2>
      <form class="card" novalidate @submit=${this.submit}>
        <div class="field">
          <label for="key">${t.keyLabel}</label>
          <p class="hint" id="key-hint">${t.keyHint}</p>
          <input
            id="key"
            name="key"
            type="text"
            autocomplete="off"
            autocapitalize="none"
            spellcheck="false"
            maxlength="63"
            aria-describedby="key-hint key-error"
            aria-invalid=${e.key ? 'true' : 'false'}
            .value=${d.key}
            @input=${(ev: Event) => set({ key: (ev.target as HTMLInputElement).value })}
          />
          <p class="error" id="key-error" role="alert">${e.key ?? ''}</p>
        </div>
        <div class="field">
          <label for="new-description">${t.descriptionLabel}</label>
          <textarea
            id="new-description"
            name="description"
            maxlength=${FLAG_LIMITS.description}
            .value=${d.description}
            @input=${(ev: Event) => set({ description: (ev.target as HTMLTextAreaElement).value })}
          ></textarea>
        </div>
        <div class="field">
          <label for="new-owner">${t.ownerLabel}</label>
          <input
            id="new-owner"
            name="owner"
            type="text"
            maxlength=${FLAG_LIMITS.owner}
            .value=${d.owner}
            @input=${(ev: Event) => set({ owner: (ev.target as HTMLInputElement).value })}
          />
        </div>
        <div class="field">
          <label for="new-stability">${t.stabilityLabel}</label>
          <select
            id="new-stability"
            name="stability"
            @change=${(ev: Event) => set({ stability: (ev.target as HTMLSelectElement).value })}
          >
            ${FLAG_STABILITIES.map(
              (s) =>
                html`<option value=${s} ?selected=${d.stability === s}>${t.stability[s]}</option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="new-enforcement">${t.enforcementLabel}</label>
          <select
            id="new-enforcement"
            name="enforcement"
            @change=${(ev: Event) => set({ enforcement: (ev.target as HTMLSelectElement).value })}
          >
            ${FLAG_ENFORCEMENTS.map(
              (s) =>
                html`<option value=${s} ?selected=${d.enforcement === s}>
                  ${t.enforcement[s]}
                </option>`,
            )}
          </select>
        </div>
        <label class="check"
          ><input
            type="checkbox"
            name="enabled"
            .checked=${d.enabled}
            @change=${(ev: Event) => set({ enabled: (ev.target as HTMLInputElement).checked })}
          />
          ${t.enabledLabel}</label
        >
        <div class="field">
          <label for="new-rollout">${t.rolloutLabel}</label>
          <p class="hint" id="new-rollout-hint">${t.rolloutHint}</p>
          <input
            id="new-rollout"
            name="rollout"
            type="text"
            inputmode="numeric"
            autocomplete="off"
            aria-describedby="new-rollout-hint new-rollout-error"
            aria-invalid=${e.rollout ? 'true' : 'false'}
            .value=${d.rollout}
            @input=${(ev: Event) => set({ rollout: (ev.target as HTMLInputElement).value })}
          />
          <p class="error" id="new-rollout-error" role="alert">${e.rollout ?? ''}</p>
        </div>
        <p class="error" role="alert">${e.form ?? ''}</p>
        <div class="actions">
          <button class="button" type="submit" ?disabled=${this.busy}>${t.add}</button>
        </div>
      </form>
    </section>`;
  }

  private readonly submit = async (ev: Event): Promise<void> => {
    ev.preventDefault();
    const client = this.#gate.client;
    if (!client || this.busy) return;
    const d = this.draft;
    const key = flagKeyInput(d.key);
    const rollout = rolloutInput(d.rollout);
    const errors: typeof this.errors = {};
    if (!key.ok) errors.key = key.problem === 'empty' ? t.keyEmpty : t.keyShape;
    if (!rollout.ok) errors.rollout = t.rolloutInvalid;
    this.errors = errors;
    if (!key.ok || !rollout.ok) {
      this.renderRoot.querySelector<HTMLElement>(key.ok ? '#new-rollout' : '#key')?.focus();
      return;
    }
    this.busy = true;
    this.message = '';
    const r = await addFlag(client, {
      key: key.key,
      description: d.description.trim(),
      owner: d.owner.trim(),
      stability: d.stability,
      enforcement: d.enforcement,
      enabled: d.enabled,
      rollout_percent: rollout.percent,
    });
    this.busy = false;
    if (!r.ok) {
      this.errors = { form: r.error.message };
      return;
    }
    this.draft = EMPTY_DRAFT;
    this.message = t.added(key.key);
    await this.load();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'feature-flags-page': FeatureFlagsPage;
  }
}
