// A race plan ends on race day: its weeks count back from the race, so week 1
// starts on race_date − 7 × weeks and the last week ends the day before the race.
// A buyer who comes late starts in the week their purchase falls in (their zone's
// date); the weeks before it were over and are left out. The same arithmetic as
// private.race_plan_start and private.plan_week_of (tests/db/race-plan-agreement). The participant's
// week list is src/domain/races.ts's raceWeeks.
import { weeksBegun } from './plan-day.ts';
import { addDays, type LocalDate } from './zoned-time.ts';

/** week 1, day 1 of a plan of `weeks` weeks for a race on `raceDate` */
export function racePlanStart(raceDate: LocalDate, weeks: number): LocalDate {
  return addDays(raceDate, -7 * weeks);
}

/**
 * The week a buyer starts in when they buy on `today`: 1 before the plan has
 * begun, the current week once it has, the last week at most.
 */
export function racePlanFirstWeek(start: LocalDate, weeks: number, today: LocalDate): number {
  return weeksBegun({ startDate: start, weeks }, today);
}
