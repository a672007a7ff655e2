// The season as zod checks it (the rules are in season.ts); apart so the
// roster's first load carries no zod.
import { z } from 'zod';
import { isValidSeason, seasonMessages } from './season.ts';

/** "2024-2025": two consecutive years */
export const seasonSchema = z
  .string()
  .refine((value) => isValidSeason(value), seasonMessages.format)
  .nullable();
