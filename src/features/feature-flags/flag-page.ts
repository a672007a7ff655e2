import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { FLAG_LIMITS, kindsWithoutRule, rolloutInput } from '../../domain/feature-flag.ts';
import { currentIntlTag } from '../../i18n/locale.ts';
import { strings } from '../../i18n/shell-strings.ts';
import '../../ui/ts-notice.ts';
import {
  addOverride,
  addRule,
  findOrganizations,
  type FlagOverride,
  type FlagRule,
  type FlagWithTargets,
  type Loaded,
  loadFlags,
  type PlatformOrganization,
  removeOverride,
  removeRule,
  retireFlag,
  setFlagDefault,
  setOverride,
  setRule,
} from './feature-flags-data.ts';
import { featureFlagsStrings as t } from './feature-flags-strings.ts';
import { flagsStyles } from './feature-flags-styles.ts';
import { rolloutText, ruleLines, valueChip } from './flag-parts.ts';
import './org-search.ts';
import type { OrgPickedEvent } from './org-search.ts';
import { PlatformGate } from '../../state/platform-gate.ts';
import { gateNotice } from '../../ui/gate-notice.ts';
import { flagsNav } from './flags-nav.ts';

type DetailState =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'ready'; flag: FlagWithTargets }
  | { status: 'error'; message: string };

/** a value and a rollout as typed, before they are read */
interface ValueDraft {
  enabled: boolean;
  rollout: string;
}

/** an override's value and note as typed */
interface OverrideDraft {
  enabled: boolean;
  note: string;
}

/** the place a message belongs to: the default, a rule, a new rule, an override, a new one, retiring */
type Slot = string;

const ruleDraft = (r: Pick<FlagRule, 'enabled' | 'rollout_percent'>): ValueDraft => ({
  enabled: r.enabled,
  rollout: r.rollout_percent === null ? '' : String(r.rollout_percent),
});

/**
 * One feature flag for the platform's admins, to change: its own value and
 * rollout, a rule per organization kind (added, changed, removed), a setting for
 * a single organization found by name (added, changed, removed), and retiring it
 * for good after a confirmation that says its key can never be used again. A
 * retired flag is shown as it was left. Every refusal is said beside what was
 * refused. Online only.
 */
@customElement('feature-flag-page')
export class FeatureFlagPage extends LitElement {
  static override styles = flagsStyles;

  /** from the URL */
  @property() flagKey = '';

  readonly #gate = new PlatformGate(this);
  @state() private detail: DetailState = { status: 'loading' };
  @state() private defaultDraft: ValueDraft = { enabled: false, rollout: '' };
  @state() private ruleDrafts: Record<string, ValueDraft> = {};
  @state() private newRule: ValueDraft & { kind: string } = {
    kind: '',
    enabled: true,
    rollout: '',
  };
  @state() private overrideDrafts: Record<string, OverrideDraft> = {};
  @state() private newOverride: OverrideDraft & { organization: PlatformOrganization | null } = {
    organization: null,
    enabled: false,
    note: '',
  };
  @state() private errors: Record<Slot, string> = {};
  @state() private asking = false;
  @state() private busy = false;
  @state() private message = '';
  @state() private overridesAdded = 0;
  #loadedFor = '';

  override willUpdate(): void {
    if (this.#gate.state === 'ready' && this.#loadedFor !== this.flagKey) {
      this.#loadedFor = this.flagKey;
      void this.load();
    }
    if (this.#gate.state === 'offline') this.#loadedFor = '';
  }

  private async load(): Promise<void> {
    const client = this.#gate.client;
    if (!client) return;
    const r = await loadFlags(client, this.flagKey);
    if (!r.ok) {
      this.detail = { status: 'error', message: r.error.message };
      return;
    }
    const flag = r.value[0];
    if (!flag) {
      this.detail = { status: 'missing' };
      return;
    }
    this.detail = { status: 'ready', flag };
    this.defaultDraft = ruleDraft(flag);
    this.ruleDrafts = Object.fromEntries(flag.rules.map((x) => [x.org_kind, ruleDraft(x)]));
    this.overrideDrafts = Object.fromEntries(
      flag.overrides.map((o) => [o.org_id, { enabled: o.enabled, note: o.note }]),
    );
    const free = kindsWithoutRule(flag.rules.map((x) => x.org_kind));
    if (!free.some((k) => k === this.newRule.kind)) {
      this.newRule = { kind: free[0] ?? '', enabled: true, rollout: '' };
    }
  }

  override render() {
    const gate = gateNotice(this.#gate.state, t.flagTitle, t);
    if (gate) return gate;
    const d = this.detail;
    if (d.status === 'loading') {
      return html`<h1>${t.flagTitle}</h1>
        ${flagsNav(null)}
        <p class="muted" role="status">${t.loading}</p>`;
    }
    if (d.status === 'missing') {
      return html`<h1>${t.flagTitle}</h1>
        ${flagsNav(null)}
        <ts-notice><p>${t.notFound}</p></ts-notice>`;
    }
    if (d.status === 'error') {
      return html`<h1>${t.flagTitle}</h1>
        ${flagsNav(null)}
        <ts-notice tone="error"><p>${d.message}</p></ts-notice>
        <button class="button secondary" @click=${() => void this.load()}>${t.retry}</button>`;
    }
    const f = d.flag;
    return html`<div class="head">
        <h1><code>${f.key}</code></h1>
        ${valueChip(f)}
      </div>
      ${flagsNav(null)} ${f.description ? html`<p>${f.description}</p>` : nothing}
      <dl class="facts">
        <dt>${t.fields.stability}</dt>
        <dd>${t.stability[f.stability] ?? f.stability}</dd>
        <dt>${t.fields.enforcement}</dt>
        <dd>${t.enforcement[f.enforcement] ?? f.enforcement}</dd>
        ${
          f.owner
            ? html`<dt>${t.fields.owner}</dt>
                <dd>${f.owner}</dd>`
            : nothing
        }
      </dl>
      <p role="status" data-testid="flag-message">${this.message}</p>
      ${f.retired_at ? this.renderRetired(f, f.retired_at) : this.renderEditable(f)}`;
  }

  /** a retired flag, as it was left: nothing here changes any more */
  private renderRetired(f: FlagWithTargets, retiredAt: string) {
    const date = new Intl.DateTimeFormat(currentIntlTag, { dateStyle: 'long' });
    return html`<ts-notice><p>${t.retiredNotice(date.format(new Date(retiredAt)))}</p></ts-notice>
      <dl class="facts">
        <dt>${t.fields.value}</dt>
        <dd>${f.enabled ? t.on : t.off}</dd>
        <dt>${t.fields.rollout}</dt>
        <dd>${rolloutText(f.rollout_percent)}</dd>
      </dl>
      <h2>${t.rulesTitle}</h2>
      ${ruleLines(f.rules)}
      <h2>${t.overridesTitle}</h2>
      ${
        f.overrides.length
          ? html`<ul class="lines">
              ${f.overrides.map(
                (o) =>
                  html`<li>
                    ${o.organization?.name ?? t.unknownOrg}: ${o.enabled ? t.on : t.off}
                  </li>`,
              )}
            </ul>`
          : html`<p class="muted">${t.noOverrides}</p>`
      }`;
  }

  private renderEditable(f: FlagWithTargets) {
    return html`${this.renderDefault()} ${this.renderRules(f)} ${this.renderOverrides(f)}
    ${this.renderRetire(f)}`;
  }

  private renderDefault() {
    const d = this.defaultDraft;
    const error = this.errors['default'] ?? '';
    return html`<section aria-labelledby="default-title">
      <h2 id="default-title">${t.defaultTitle}</h2>
      <form class="card" novalidate @submit=${this.saveDefault}>
        <label class="check"
          ><input
            type="checkbox"
            .checked=${d.enabled}
            @change=${(e: Event) =>
              (this.defaultDraft = {
                ...this.defaultDraft,
                enabled: (e.target as HTMLInputElement).checked,
              })}
          />
          ${t.enabledLabel}</label
        >
        ${this.rolloutField('default', d.rollout, (rollout) => {
          this.defaultDraft = { ...this.defaultDraft, rollout };
        })}
        <p class="error" role="alert">${error}</p>
        <div class="actions">
          <button class="button" type="submit" ?disabled=${this.busy}>${t.save}</button>
        </div>
      </form>
    </section>`;
  }

  /** a rollout input with its hint and the message for it (`slot`'s rollout error) */
  private rolloutField(slot: Slot, value: string, set: (v: string) => void) {
    const id = `${slot}-rollout`;
    const error = this.errors[`${slot}:rollout`] ?? '';
    return html`<div class="field">
      <label for=${id}>${t.rolloutLabel}</label>
      <p class="hint" id=${`${id}-hint`}>${t.rolloutHint}</p>
      <input
        id=${id}
        type="text"
        inputmode="numeric"
        autocomplete="off"
        aria-describedby=${`${id}-hint ${id}-error`}
        aria-invalid=${error ? 'true' : 'false'}
        .value=${value}
        @input=${(e: Event) => set((e.target as HTMLInputElement).value)}
      />
      <p class="error" id=${`${id}-error`} role="alert">${error}</p>
    </div>`;
  }

  private renderRules(f: FlagWithTargets) {
    const free = kindsWithoutRule(f.rules.map((r) => r.org_kind));
    const nr = this.newRule;
    return html`<section aria-labelledby="rules-title">
      <h2 id="rules-title">${t.rulesTitle}</h2>
      ${
        f.rules.length
          ? html`<ul class="plain">
              ${f.rules.map((r) => this.renderRule(r))}
            </ul>`
          : html`<p class="muted">${t.noRules}</p>`
      }
      <h3>${t.ruleAddTitle}</h3>
      ${
        free.length === 0
          ? html`<p class="muted">${t.allKindsRuled}</p>`
          : html`<form class="card" novalidate @submit=${this.submitRule}>
              <div class="field">
                <label for="new-rule-kind">${t.ruleKindLabel}</label>
                <select
                  id="new-rule-kind"
                  @change=${(e: Event) =>
                    (this.newRule = { ...nr, kind: (e.target as HTMLSelectElement).value })}
                >
                  ${free.map(
                    (k) =>
                      html`<option value=${k} ?selected=${k === nr.kind}>
                        ${strings.kindName(k)}
                      </option>`,
                  )}
                </select>
              </div>
              <label class="check"
                ><input
                  type="checkbox"
                  .checked=${nr.enabled}
                  @change=${(e: Event) =>
                    (this.newRule = {
                      ...this.newRule,
                      enabled: (e.target as HTMLInputElement).checked,
                    })}
                />
                ${t.on}</label
              >
              ${this.rolloutField('new-rule', nr.rollout, (rollout) => {
                this.newRule = { ...this.newRule, rollout };
              })}
              <p class="error" role="alert">${this.errors['new-rule'] ?? ''}</p>
              <div class="actions">
                <button class="button" type="submit" ?disabled=${this.busy}>${t.ruleAdd}</button>
              </div>
            </form>`
      }
    </section>`;
  }

  private renderRule(r: FlagRule) {
    const kind = strings.kindName(r.org_kind);
    const slot = `rule-${r.org_kind}`;
    const d = this.ruleDrafts[r.org_kind] ?? ruleDraft(r);
    const set = (patch: Partial<ValueDraft>) =>
      (this.ruleDrafts = { ...this.ruleDrafts, [r.org_kind]: { ...d, ...patch } });
    return html`<li class="card">
      <form novalidate @submit=${(e: Event) => void this.saveRule(e, r.org_kind)}>
        <fieldset>
          <legend>${kind}</legend>
          <label class="check"
            ><input
              type="checkbox"
              .checked=${d.enabled}
              @change=${(e: Event) => set({ enabled: (e.target as HTMLInputElement).checked })}
            />
            ${t.on}</label
          >
          ${this.rolloutField(slot, d.rollout, (rollout) => set({ rollout }))}
          <p class="error" role="alert">${this.errors[slot] ?? ''}</p>
          <div class="actions">
            <button
              class="button"
              type="submit"
              aria-label=${t.ruleSave(kind)}
              ?disabled=${this.busy}
            >
              ${t.save}
            </button>
            <button
              class="button secondary"
              type="button"
              aria-label=${t.ruleRemove(kind)}
              ?disabled=${this.busy}
              @click=${() => void this.dropRule(r.org_kind)}
            >
              ${t.remove}
            </button>
          </div>
        </fieldset>
      </form>
    </li>`;
  }

  private renderOverrides(f: FlagWithTargets) {
    const no = this.newOverride;
    const client = this.#gate.client;
    return html`<section aria-labelledby="overrides-title">
      <h2 id="overrides-title">${t.overridesTitle}</h2>
      ${
        f.overrides.length
          ? html`<ul class="plain">
              ${f.overrides.map((o) => this.renderOverride(o))}
            </ul>`
          : html`<p class="muted">${t.noOverrides}</p>`
      }
      <h3>${t.overrideAddTitle}</h3>
      <div class="card">
        ${
          // a new search element after each override added, so it starts empty
          keyed(
            this.overridesAdded,
            html`<flags-org-search
              .find=${client ? (q: string) => findOrganizations(client, q) : undefined}
              .picked=${no.organization}
              @org-picked=${(e: OrgPickedEvent) => {
                this.newOverride = { ...this.newOverride, organization: e.organization };
                this.errors = { ...this.errors, 'new-override': '' };
              }}
            ></flags-org-search>`,
          )
        }
        <form novalidate @submit=${this.submitOverride}>
          <label class="check"
            ><input
              type="checkbox"
              .checked=${no.enabled}
              @change=${(e: Event) =>
                (this.newOverride = {
                  ...this.newOverride,
                  enabled: (e.target as HTMLInputElement).checked,
                })}
            />
            ${t.overrideValue}</label
          >
          <div class="field">
            <label for="new-override-note">${t.noteLabel}</label>
            <input
              id="new-override-note"
              type="text"
              maxlength=${FLAG_LIMITS.note}
              .value=${no.note}
              @input=${(e: Event) =>
                (this.newOverride = {
                  ...this.newOverride,
                  note: (e.target as HTMLInputElement).value,
                })}
            />
          </div>
          <p class="error" role="alert">${this.errors['new-override'] ?? ''}</p>
          <div class="actions">
            <button class="button" type="submit" ?disabled=${this.busy}>${t.overrideAdd}</button>
          </div>
        </form>
      </div>
    </section>`;
  }

  private renderOverride(o: FlagOverride) {
    const name = o.organization?.name ?? t.unknownOrg;
    const slot = `override-${o.org_id}`;
    const d = this.overrideDrafts[o.org_id] ?? { enabled: o.enabled, note: o.note };
    const set = (patch: Partial<OverrideDraft>) =>
      (this.overrideDrafts = { ...this.overrideDrafts, [o.org_id]: { ...d, ...patch } });
    return html`<li class="card" data-testid="override">
      <form novalidate @submit=${(e: Event) => void this.saveOverride(e, o)}>
        <fieldset>
          <legend>
            ${name}${
              o.organization
                ? html` <span class="muted">· ${strings.kindName(o.organization.kind)}</span>`
                : nothing
            }
          </legend>
          <label class="check"
            ><input
              type="checkbox"
              .checked=${d.enabled}
              @change=${(e: Event) => set({ enabled: (e.target as HTMLInputElement).checked })}
            />
            ${t.on}</label
          >
          <div class="field">
            <label for=${`override-${o.org_id}-note`}>${t.noteLabel}</label>
            <input
              id=${`override-${o.org_id}-note`}
              type="text"
              maxlength=${FLAG_LIMITS.note}
              .value=${d.note}
              @input=${(e: Event) => set({ note: (e.target as HTMLInputElement).value })}
            />
          </div>
          <p class="error" role="alert">${this.errors[slot] ?? ''}</p>
          <div class="actions">
            <button
              class="button"
              type="submit"
              aria-label=${t.overrideSave(name)}
              ?disabled=${this.busy}
            >
              ${t.save}
            </button>
            <button
              class="button secondary"
              type="button"
              aria-label=${t.overrideRemove(name)}
              ?disabled=${this.busy}
              @click=${() => void this.dropOverride(o)}
            >
              ${t.remove}
            </button>
          </div>
        </fieldset>
      </form>
    </li>`;
  }

  private renderRetire(f: FlagWithTargets) {
    return html`<section aria-labelledby="retire-title">
      <h2 id="retire-title">${t.retireTitle}</h2>
      <p>${t.retireIntro}</p>
      <p class="error" role="alert">${this.errors['retire'] ?? ''}</p>
      ${
        this.asking
          ? html`<div class="card warning" role="group" aria-labelledby="retire-confirm">
              <p id="retire-confirm">${t.retireConfirm(f.key)}</p>
              <div class="actions">
                <button class="button" ?disabled=${this.busy} @click=${() => void this.retire()}>
                  ${t.retireYes}
                </button>
                <button
                  class="button secondary"
                  id="retire-no"
                  @click=${() => (this.asking = false)}
                >
                  ${t.cancel}
                </button>
              </div>
            </div>`
          : html`<button
              class="button secondary"
              @click=${async () => {
                this.asking = true;
                this.errors = { ...this.errors, retire: '' };
                await this.updateComplete;
                // the question is read with the group; the keyboard lands on the answer that changes nothing
                this.renderRoot.querySelector<HTMLElement>('#retire-no')?.focus();
              }}
            >
              ${t.retire}
            </button>`
      }
    </section>`;
  }

  /**
   * Runs one change: clears the slot's message, waits for the server, says what
   * it refused in that slot, or reloads the flag and says what was done.
   */
  private async change(
    slot: Slot,
    run: () => Promise<Loaded<void>>,
    done: string,
  ): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.message = '';
    this.errors = {};
    const r = await run();
    this.busy = false;
    if (!r.ok) {
      this.errors = { [slot]: r.error.message };
      return false;
    }
    this.message = done;
    await this.load();
    return true;
  }

  /** the rollout typed into `slot`, or undefined after saying what is wrong with it */
  private rollout(slot: Slot, raw: string): number | null | undefined {
    const r = rolloutInput(raw);
    if (r.ok) return r.percent;
    this.errors = { [`${slot}:rollout`]: t.rolloutInvalid };
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#${slot}-rollout`)?.focus(),
    );
    return undefined;
  }

  private readonly saveDefault = async (e: Event): Promise<void> => {
    e.preventDefault();
    const client = this.#gate.client;
    const rollout = this.rollout('default', this.defaultDraft.rollout);
    if (!client || rollout === undefined) return;
    const enabled = this.defaultDraft.enabled;
    await this.change(
      'default',
      () => setFlagDefault(client, this.flagKey, enabled, rollout),
      t.saved,
    );
  };

  private async saveRule(e: Event, kind: string): Promise<void> {
    e.preventDefault();
    const client = this.#gate.client;
    const d = this.ruleDrafts[kind];
    const slot = `rule-${kind}`;
    if (!client || !d) return;
    const rollout = this.rollout(slot, d.rollout);
    if (rollout === undefined) return;
    await this.change(
      slot,
      () =>
        setRule(client, {
          flag_key: this.flagKey,
          org_kind: kind,
          enabled: d.enabled,
          rollout_percent: rollout,
        }),
      t.ruleSaved(strings.kindName(kind)),
    );
  }

  private async dropRule(kind: string): Promise<void> {
    const client = this.#gate.client;
    if (!client) return;
    await this.change(
      `rule-${kind}`,
      () => removeRule(client, this.flagKey, kind),
      t.ruleRemoved(strings.kindName(kind)),
    );
  }

  private readonly submitRule = async (e: Event): Promise<void> => {
    e.preventDefault();
    const client = this.#gate.client;
    const nr = this.newRule;
    const rollout = this.rollout('new-rule', nr.rollout);
    if (!client || rollout === undefined || !nr.kind) return;
    const added = await this.change(
      'new-rule',
      () =>
        addRule(client, {
          flag_key: this.flagKey,
          org_kind: nr.kind,
          enabled: nr.enabled,
          rollout_percent: rollout,
        }),
      t.ruleAdded(strings.kindName(nr.kind)),
    );
    if (added) {
      const free =
        this.detail.status === 'ready'
          ? kindsWithoutRule(this.detail.flag.rules.map((r) => r.org_kind))
          : [];
      this.newRule = { kind: free[0] ?? '', enabled: true, rollout: '' };
    }
  };

  private async saveOverride(e: Event, o: FlagOverride): Promise<void> {
    e.preventDefault();
    const client = this.#gate.client;
    const d = this.overrideDrafts[o.org_id];
    if (!client || !d) return;
    const name = o.organization?.name ?? t.unknownOrg;
    await this.change(
      `override-${o.org_id}`,
      () =>
        setOverride(client, {
          flag_key: this.flagKey,
          org_id: o.org_id,
          enabled: d.enabled,
          note: d.note.trim(),
        }),
      t.overrideSaved(name),
    );
  }

  private async dropOverride(o: FlagOverride): Promise<void> {
    const client = this.#gate.client;
    if (!client) return;
    await this.change(
      `override-${o.org_id}`,
      () => removeOverride(client, this.flagKey, o.org_id),
      t.overrideRemoved(o.organization?.name ?? t.unknownOrg),
    );
  }

  private readonly submitOverride = async (e: Event): Promise<void> => {
    e.preventDefault();
    const client = this.#gate.client;
    const no = this.newOverride;
    const org = no.organization;
    if (!client) return;
    if (!org) {
      this.errors = { 'new-override': t.overrideNeedsOrg };
      return;
    }
    if (
      this.detail.status === 'ready' &&
      this.detail.flag.overrides.some((x) => x.org_id === org.id)
    ) {
      this.errors = { 'new-override': t.overrideExists(org.name) };
      return;
    }
    const added = await this.change(
      'new-override',
      () =>
        addOverride(client, {
          flag_key: this.flagKey,
          org_id: org.id,
          enabled: no.enabled,
          note: no.note.trim(),
        }),
      t.overrideAdded(org.name),
    );
    if (added) {
      this.newOverride = { organization: null, enabled: false, note: '' };
      this.overridesAdded++;
    }
  };

  private async retire(): Promise<void> {
    const client = this.#gate.client;
    if (!client) return;
    const key = this.flagKey;
    const done = await this.change(
      'retire',
      () => retireFlag(client, key, new Date()),
      t.retiredDone(key),
    );
    if (done) this.asking = false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'feature-flag-page': FeatureFlagPage;
  }
}
