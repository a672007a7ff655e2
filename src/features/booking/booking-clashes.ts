// The dates a refused recurring booking clashes on: `create_recurring_booking`
// lists them as JSON in the error's details, under the hint `recurring_conflicts`.
import type { ErrorDescription } from '../../data/describe-error.ts';

export interface Clash {
  date: string;
  startsAt: number;
  problem: string;
}

export function clashesOf(error: ErrorDescription): Clash[] | null {
  if (error.hint !== 'recurring_conflicts' || !error.details) return null;
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
