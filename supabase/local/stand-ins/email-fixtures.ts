// Test fixtures for email-dispatch, shared by its handler's test
// (supabase/functions/email-dispatch/handler.test.ts) and the local stack's
// (supabase/local/functions/email-dispatch.test.ts).

/** a booking's template payload: 29 March 2026, the day Berlin moves to summer time */
export const booking = {
  startsAt: '2026-03-29T15:00:00Z',
  timeZone: 'Europe/Berlin',
  title: 'Intervals',
  organization: 'Club A',
  coachName: 'Olga',
  memberName: 'Anna',
};

/**
 * a weekly series' template payload (as private.series_email_payload builds it):
 * Sundays 17:00 in Berlin across the switch to summer time (17:00 is 16:00 UTC,
 * then 15:00 UTC), one date skipped, open-ended
 */
export const series = {
  series: true,
  seriesId: '00000000-0000-4000-8000-0000000000f1',
  organization: 'Club A',
  coachName: 'Olga',
  memberName: 'Anna',
  timeZone: 'Europe/Berlin',
  weekday: 0,
  startTime: '17:00',
  durationMinutes: 60,
  everyWeeks: 1,
  startDate: '2026-03-22',
  endDate: null,
  dates: [
    {
      date: '2026-03-22',
      startsAt: '2026-03-22T16:00:00+00:00',
      endsAt: '2026-03-22T17:00:00+00:00',
    },
    {
      date: '2026-03-29',
      startsAt: '2026-03-29T15:00:00+00:00',
      endsAt: '2026-03-29T16:00:00+00:00',
    },
    {
      date: '2026-04-12',
      startsAt: '2026-04-12T15:00:00+00:00',
      endsAt: '2026-04-12T16:00:00+00:00',
    },
  ],
  skipped: ['2026-04-05'],
};

/** what `email_claim_batch` hands out: two deliverable emails and one with no address */
export function claimedEmails() {
  return [
    {
      id: '00000000-0000-4000-8000-000000000001',
      kind: 'booking_confirmation',
      locale: 'en',
      to: 'a@x.test',
      payload: booking,
    },
    {
      id: '00000000-0000-4000-8000-000000000002',
      kind: 'purchase_confirmation',
      locale: 'ru',
      to: 'b@x.test',
      payload: {},
    },
    {
      id: '00000000-0000-4000-8000-000000000003',
      kind: 'session_reminder',
      locale: 'ru',
      to: null,
      payload: booking,
    },
  ];
}
