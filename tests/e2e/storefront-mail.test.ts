/**
 * Booking emails at 360 px in the seeded local stack (issue 14): a guest books the
 * demo coach and an athlete is booked with him (written as the booking paths write
 * them); the coach's mailbox shows the notice with the guest's name and a link that
 * opens the session in his calendar, in Russian; the athlete's, in English, shows
 * the confirmation with the link to their bookings and the calendar file to download.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { useE2eStack } from './e2e-stack.ts';
import { demoPassword, seriousViolations, shots } from './page-helpers.ts';

const e2e = useE2eStack();

const COACH = 'd0000000-0000-4000-8000-000000000002';
const ATHLETE = 'd0000000-0000-4000-8000-000000000004';
const CLUB = 'd1000000-0000-4000-8000-000000000001';
const GUEST_SESSION = '17500000-0000-4000-8e00-000000000001';
const GUEST_BOOKING = '17500000-0000-4000-8b00-000000000001';
const MEMBER_SESSION = '17500000-0000-4000-8e00-000000000002';
const MEMBER_BOOKING = '17500000-0000-4000-8b00-000000000002';

/** seed day + 20 at hh:00 UTC: far from the seed's own sessions */
const at = (hour: number) =>
  new Date(
    Math.floor(e2e.now / 86_400_000) * 86_400_000 + 20 * 86_400_000 + hour * 3_600_000,
  ).toISOString();

async function book(): Promise<void> {
  await e2e.app.exec(`update public.profiles set locale = 'en' where id = '${ATHLETE}'`);
  for (const [session, member, hour] of [
    [GUEST_SESSION, null, 2],
    [MEMBER_SESSION, ATHLETE, 4],
  ] as const) {
    await e2e.app.exec(
      `insert into public.training_sessions (id, org_id, coach_id, member_id, kind, origin, local_date,
         time_zone, starts_at, ends_at)
       values ('${session}', '${CLUB}', '${COACH}', ${member ? `'${member}'` : 'null'}, 'one_to_one',
         'one_time_booking', '${at(hour).slice(0, 10)}', 'Europe/Moscow', '${at(hour)}', '${at(hour + 1)}')`,
    );
  }
  await e2e.app.exec(
    `insert into public.bookings (id, org_id, session_id, coach_id, member_id, guest_name) values
       ('${GUEST_BOOKING}', '${CLUB}', '${GUEST_SESSION}', '${COACH}', null, 'Гость Гостев'),
       ('${MEMBER_BOOKING}', '${CLUB}', '${MEMBER_SESSION}', '${COACH}', '${ATHLETE}', null)`,
  );
  await e2e.app.exec(
    `insert into private.booking_guests (booking_id, email, locale)
       values ('${GUEST_BOOKING}', 'guest@storefront-e2e.test', 'ru')`,
  );
}

describe('booking emails in the mailbox', () => {
  test('the coach reads a guest’s booking and opens it in the calendar; the athlete downloads the event', async () => {
    await book();
    expect(await e2e.app.dispatchEmails()).toMatchObject({ status: 200, body: { failed: 0 } });

    await e2e.asUser('storefront-mail-coach', 'coach@trackside.test', async (page) => {
      await page.goto(`${e2e.app.url}/mailbox`);
      const notice = page
        .locator('mailbox-page li')
        .filter({ hasText: 'Гость Гостев записался(-ась)' });
      await notice.waitFor();
      expect(await notice.textContent()).not.toContain('guest@storefront-e2e.test');
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(shots, 'storefront-mail-coach-ru.png'), fullPage: true });
      await notice.getByRole('link', { name: /\/calendar\/session\// }).click();
      await page.waitForURL(`**/calendar/session/${GUEST_SESSION}`);
    });

    await e2e.page(
      'storefront-mail-athlete',
      async (page) => {
        await page.goto(`${e2e.app.url}/sign-in`);
        await page.getByLabel('Email').fill('athlete@trackside.test');
        await page.getByLabel('Password', { exact: true }).fill(demoPassword);
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await page.getByRole('heading', { name: 'My organizations' }).waitFor();
        await page.goto(`${e2e.app.url}/mailbox`);
        const mine = page
          .locator('mailbox-page li')
          .filter({ hasText: 'Your booking is confirmed' });
        await mine.waitFor();
        await mine.getByRole('link', { name: `${e2e.app.url}/bookings` }).waitFor();
        const file = mine.getByRole('link', { name: 'Attachment: invite.ics — download' });
        expect(decodeURIComponent((await file.getAttribute('href')) ?? '')).toContain(
          `UID:booking-${MEMBER_BOOKING}@trackside`,
        );
        expect(await mine.textContent()).not.toContain('Гость Гостев');
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({
          path: join(shots, 'storefront-mail-athlete-en.png'),
          fullPage: true,
        });
      },
      { locale: 'en-US' },
    );
  });
});
