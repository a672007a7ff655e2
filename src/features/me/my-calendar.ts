// The athlete's upcoming sessions as an iCalendar file (src/domain/ics.ts).
import { writeIcs, type IcsEvent } from '../../domain/ics.ts';
import { meStrings as t } from './me-strings.ts';
import type { MyAthlete } from './my-athlete-data.ts';

/** one event per session (a session is listed once even if two records reach it) */
export function calendarEvents(athletes: readonly MyAthlete[]): IcsEvent[] {
  const seen = new Set<string>();
  const events: IcsEvent[] = [];
  for (const a of athletes) {
    for (const s of a.sessions) {
      if (seen.has(s.id) || !(s.endsAt > s.startsAt)) continue;
      seen.add(s.id);
      const name = s.title ?? a.groupName;
      const details = [a.orgName, s.coachName ? t.coachLine(s.coachName) : null];
      events.push({
        uid: `training-session-${s.id}@trackside`,
        start: s.startsAt,
        end: s.endsAt,
        summary: name ? t.sessionTitle(name) : t.training,
        location: s.room,
        description: details.filter((d) => d).join('\n'),
        status: s.cancelled ? 'CANCELLED' : 'CONFIRMED',
      });
    }
  }
  return events;
}

/** the file to download; `now` stamps it (DTSTAMP) */
export function calendarFile(athletes: readonly MyAthlete[], now: Date): string {
  return writeIcs(
    {
      productId: '-//Trackside//Trackside//RU',
      name: t.calendarName,
      events: calendarEvents(athletes),
    },
    now,
  );
}
