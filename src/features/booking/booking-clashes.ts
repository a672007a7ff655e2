// The dates a refused booking clashes on: the booking RPCs list them as JSON in
// the error's details, under the hint `recurring_conflicts` (some date is outside
// availability or blocked) or `slot_taken` (someone holds every one of them, or
// took one a moment earlier).
import type { ErrorDescription } from '../../data/describe-error.ts';

export interface Clash {
  date: string;
  startsAt: number;
  problem: string;
}

export function clashesOf(error: ErrorDescription): Clash[] | null {
  if (!error.details || (error.hint !== 'recurring_conflicts' && error.hint !== 'slot_taken')) {
    return null;
  }
  try {
    const parsed: unknown = JSON.parse(error.details);
    if (!Array.isArray(parsed)) return null;
    return parsed.map((c: { date?: unknown; starts_at?: unknown; problem?: unknown }) => ({
      date: String(c.date),
      startsAt: Date.parse(String(c.starts_at)),
      problem: String(c.problem),
    }));
  } catch {
    return null;
  }
}
