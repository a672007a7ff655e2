// The training group form shared by the groups list (create) and a group's page
// (rename): name and season, checked with the domain's schema, messages by the
// fields.
import { html, nothing, type TemplateResult } from 'lit';
import { adminStrings } from './admin-strings.ts';
import { trainingGroupSchema, type TrainingGroupForm } from '../../domain/training-group.ts';
import type { AdminGroup } from './admin-data.ts';
import { fieldErrors } from '../../ui/form-errors.ts';

const t = adminStrings.groups;

export interface GroupDraft {
  name: string;
  season: string;
}

/** the draft as the database takes it, or the messages per field */
export function parseGroupDraft(
  draft: GroupDraft,
  groups: readonly AdminGroup[],
  editingId: string | null,
): { ok: true; form: TrainingGroupForm } | { ok: false; errors: Record<string, string> } {
  const season = draft.season.trim();
  const result = trainingGroupSchema(groups, editingId).safeParse({
    name: draft.name,
    season: season === '' ? null : season,
  });
  if (!result.success) return { ok: false, errors: fieldErrors(result.error) };
  return { ok: true, form: { ...result.data, name: result.data.name.replace(/^ +| +$/g, '') } };
}

export function renderGroupFields(
  prefix: string,
  draft: GroupDraft,
  errors: Record<string, string>,
  onInput: (e: Event) => void,
): TemplateResult {
  const field = (name: keyof GroupDraft, label: string, hint: string | null) => {
    const error = errors[name] ?? '';
    const id = `${prefix}-${name}`;
    return html`<label
      >${label} ${hint ? html`<span class="hint" id="${id}-hint">${hint}</span>` : nothing}
      <input
        name=${name}
        autocomplete="off"
        .value=${draft[name]}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby="${hint ? `${id}-hint ` : ''}${id}-error"
        @input=${onInput}
      />
      <p class="error" id="${id}-error" role="alert">${error}</p>
    </label>`;
  };
  return html`${field('name', t.name, null)} ${field('season', t.season, t.seasonHint)}`;
}
