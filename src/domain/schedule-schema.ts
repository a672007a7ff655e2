// The schedule as zod checks it (the rules are in schedule.ts); apart so the
// roster's first load carries no zod.
import { z } from 'zod';
import { normalizeSchedule } from './schedule.ts';

/**
 * `athletes.schedule`: null, or a schedule as typed ("пн 8.00, Ср 19:00",
 * "Mon 18:00", "самозапись"), which comes out in the stored form
 * ("Пн 08:00, Ср 19:00", "Самозапись"), as the database would store it
 */
export const scheduleSchema = z
  .string()
  .nullable()
  .transform((value, ctx) => {
    if (value === null) return null;
    const normalized = normalizeSchedule(value);
    if (normalized.ok) return normalized.value;
    ctx.addIssue({ code: 'custom', message: normalized.message });
    return z.NEVER;
  });
