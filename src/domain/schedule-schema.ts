// The schedule as zod checks it (the rules are in schedule.ts); apart so the
// roster's first load carries no zod.
import { z } from 'zod';
import { SELF_REGISTRATION, scheduleProblem } from './schedule.ts';

/** `athletes.schedule`: null, 'Самозапись' or a fixed schedule */
export const scheduleSchema = z
  .string()
  .nullable()
  .superRefine((value, ctx) => {
    if (value === null || value === SELF_REGISTRATION) return;
    const message = scheduleProblem(value);
    if (message) ctx.addIssue({ code: 'custom', message });
  });
