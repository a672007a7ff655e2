// Organization fields as zod checks them (kinds, roles and patterns are in
// organization.ts); apart so the shell's first load carries no zod.
import { z } from 'zod';
import { SLUG_PATTERN } from './organization.ts';
import { labelInput, refineLabel } from './clean-text.ts';

/** `char_length(btrim(name)) between 1 and 200` and `private.is_clean_label(name)`, composed first */
export const organizationNameSchema = z
  .string()
  .overwrite(labelInput)
  .refine(
    (name) => {
      // the database counts characters of btrim(name): spaces only, not all whitespace
      const length = [...name.replace(/^ +| +$/g, '')].length;
      return length >= 1 && length <= 200;
    },
    { message: 'Name must be 1 to 200 characters', abort: true },
  )
  .superRefine(refineLabel);

export const slugSchema = z
  .string()
  .regex(SLUG_PATTERN, 'Slug: 3–63 of a–z, 0–9 and inner hyphens');

export const localeSchema = z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'Locale like ru or en-GB');
