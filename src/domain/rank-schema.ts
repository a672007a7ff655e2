// The rank as zod checks it (the list and rules are in rank.ts); apart so the
// roster's first load carries no zod.
import { z } from 'zod';
import { RANKS, rankMessages } from './rank.ts';

/** one of the ten ranks, or null */
export const rankSchema = z.enum(RANKS, { error: rankMessages.invalid }).nullable();
