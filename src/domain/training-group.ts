// Training groups as public.training_groups stores them
// (20261122110100_create_athletes.sql): a name of 1–100 characters after
// trimming spaces, an optional season, and — among the organization's live
// groups — one name per season regardless of case
// (training_groups_org_season_name_key). tests/db/training-group-agreement.test.ts
// feeds the name check and this schema the same generated values.
import { z } from 'zod';
import { seasonSchema } from './season-schema.ts';
import { labelInput, refineLabel } from './clean-text.ts';

export const TRAINING_GROUP_NAME_MAX = 100;

export const trainingGroupMessages = {
  name: `Введите название группы, не длиннее ${TRAINING_GROUP_NAME_MAX} символов`,
  taken: 'Группа с таким названием в этом сезоне уже есть',
} as const;

/**
 * `char_length(btrim(name)) between 1 and 100` (btrim strips spaces only) and
 * `private.is_clean_label(name)`; composed (NFC) first, as it is saved
 */
export const trainingGroupNameSchema = z
  .string()
  .overwrite(labelInput)
  .refine(
    (name) => {
      const length = [...name.replace(/^ +| +$/g, '')].length;
      return length >= 1 && length <= TRAINING_GROUP_NAME_MAX;
    },
    { message: trainingGroupMessages.name, abort: true },
  )
  .superRefine(refineLabel);

export interface ExistingGroup {
  id: string;
  name: string;
  season: string | null;
}

/**
 * The group form: name and season, plus the unique index's rule against the
 * organization's other live groups (`others`, which may include the edited one).
 */
export function trainingGroupSchema(others: readonly ExistingGroup[], editingId: string | null) {
  return z
    .object({ name: trainingGroupNameSchema, season: seasonSchema })
    .superRefine((group, ctx) => {
      const name = group.name.replace(/^ +| +$/g, '').toLowerCase();
      const clash = others.some(
        (g) =>
          g.id !== editingId &&
          (g.season ?? '') === (group.season ?? '') &&
          g.name.toLowerCase() === name,
      );
      if (clash)
        ctx.addIssue({ code: 'custom', path: ['name'], message: trainingGroupMessages.taken });
    });
}
export type TrainingGroupForm = z.infer<ReturnType<typeof trainingGroupSchema>>;
