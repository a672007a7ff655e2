// Pieces of a flag the list and a flag's page both draw.
import { html, type TemplateResult } from 'lit';
import { strings } from '../../i18n/shell-strings.ts';
import type { Flag, FlagRule } from './feature-flags-data.ts';
import { featureFlagsStrings as t } from './feature-flags-strings.ts';
import { valueTone } from './feature-flags-styles.ts';

/** a flag's value in words, in a chip coloured by it (a retired flag is grey) */
export function valueChip(f: Pick<Flag, 'enabled' | 'retired_at'>): TemplateResult {
  const retired = f.retired_at !== null;
  return html`<span class="status" data-tone=${valueTone(f.enabled, retired)}
    >${retired ? t.retired : f.enabled ? t.on : t.off}</span
  >`;
}

/** "25 %", or "none" */
export function rolloutText(percent: number | null): string {
  return percent === null ? t.noRollout : t.percent(percent);
}

/** a flag's rules per kind of organization, a line each, or that it has none */
export function ruleLines(rules: readonly FlagRule[]): TemplateResult {
  return rules.length
    ? html`<ul class="lines">
        ${rules.map(
          (r) =>
            html`<li>
              ${t.ruleLine(
                strings.kindName(r.org_kind),
                r.enabled ? t.on : t.off,
                r.rollout_percent === null ? '' : t.percent(r.rollout_percent),
              )}
            </li>`,
        )}
      </ul>`
    : html`<p class="muted">${t.noRules}</p>`;
}
