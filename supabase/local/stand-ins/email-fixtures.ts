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
