/**
 * Managing bookings at 360 px against the seeded local stack (issue 13): the
 * demo athlete sees a summary (length, place, coach, repeat, payment) before a
 * booking is made, in Russian and English; chooses how many sessions a weekly
 * series runs; moves a booking to another time keeping its id, after a time
 * someone took meanwhile is refused plainly; cancels only after confirming; and
 * past the coach's cancellation window is offered neither, told why, while the
 * server still refuses a late cancel.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useE2eStack } from './e2e-stack.ts';
import { demoPassword, seriousViolations, shots } from './page-helpers.ts';

const org = 'd1000000-0000-4000-8000-000000000001';
const admin = 'd0000000-0000-4000-8000-000000000001';
const coach = 'd0000000-0000-4000-8000-000000000002';
const athlete = 'd0000000-0000-4000-8000-000000000004';

const e2e = useE2eStack();
/** the one-time booking the file makes, then moves and cancels */
let bookingId = '';
let booked = 0;
/** where the booking was moved to */
let movedTo = 0;

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const rows = await e2e.app.rows<{ n: number | string }>(sql, params);
  return Number(rows[0]?.n ?? 0);
}

/** the earliest start the server will still book a while from now (see booking.test.ts) */
async function bookableFrom(): Promise<number> {
  const rows = await e2e.app.rows<{ ms: number | string }>(
    `select extract(epoch from now() + make_interval(mins => minimum_notice_minutes + 15)) * 1000 as ms
       from public.coach_settings where coach_id = $1 and deleted_at is null`,
    [coach],
  );
  const ms = Number(rows[0]?.ms);
  if (!Number.isFinite(ms)) throw new Error('the demo coach has no booking settings');
  return ms;
}

function moscowDate(ms: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(ms);
}

async function openBook(page: Page, link = 'Записаться к тренеру'): Promise<void> {
  await page.getByRole('link', { name: link, exact: true }).click();
  await page.locator('book-page button.slot').first().waitFor();
}

function slotAt(page: Page, start: number) {
  return page.locator(`book-page button.slot[data-start="${start}"]`);
}

/** every slot on screen the server will still take (epoch ms), in order */
async function bookableSlots(page: Page): Promise<number[]> {
  await page.locator('book-page button.slot').first().waitFor();
  const from = await bookableFrom();
  const starts = await page
    .locator('book-page button.slot')
    .evaluateAll((buttons) => buttons.map((b) => Number(b.getAttribute('data-start'))));
  return starts.filter((start) => Number.isFinite(start) && start >= from);
}

describe('managing bookings at 360 px', () => {
  test('a summary comes before a booking: length, place, coach, repeat, payment', async () => {
    // the seed's 12-hour window could close on the first free slot before the tests end
    await e2e.app.exec(
      `update public.coach_settings set cancellation_window_minutes = 0 where coach_id = '${coach}'`,
    );
    await e2e.asUser('book-summary', 'athlete@trackside.test', async (page) => {
      await openBook(page);
      booked = (await bookableSlots(page))[0] ?? 0;
      expect(booked).toBeGreaterThan(0);
      await slotAt(page, booked).click();
      await page.getByRole('button', { name: 'Далее', exact: true }).click();
      await page.getByRole('heading', { name: 'Проверьте запись' }).waitFor();
      const summary = page.locator('book-page dl.summary');
      // the seed: an hour in «Манеж» with Игорь Волков
      await summary.getByText('60 мин').waitFor();
      await summary.getByText('Манеж').waitFor();
      await summary.getByText('Игорь Волков', { exact: false }).waitFor();
      await summary.getByText('один раз').waitFor();
      await summary.getByText('запись ничего не списывает с вашего счёта').waitFor();
      // nothing is booked yet
      expect(
        await count(
          `select count(*) as n from public.bookings b join public.training_sessions t on t.id = b.session_id
            where b.member_id = $1 and t.starts_at = $2`,
          [athlete, new Date(booked).toISOString()],
        ),
      ).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(shots, 'book-summary-ru.png'), fullPage: true });

      // «Изменить» goes back to the choice; the second look books
      await page.getByRole('button', { name: 'Изменить' }).click();
      await page.getByRole('button', { name: 'Далее', exact: true }).click();
      await page.getByRole('button', { name: 'Подтвердить запись' }).click();
      await page.getByText('Готово: вы записаны.').waitFor();
      const rows = await e2e.app.rows<{ id: string }>(
        `select b.id from public.bookings b join public.training_sessions t on t.id = b.session_id
          where b.member_id = $1 and b.status = 'confirmed' and t.starts_at = $2`,
        [athlete, new Date(booked).toISOString()],
      );
      expect(rows).toHaveLength(1);
      bookingId = rows[0]?.id ?? '';
    });
  }, 240_000);

  test('in English the summary reads in English', async () => {
    await e2e.page(
      'book-summary-en',
      async (page) => {
        await page.goto(`${e2e.app.url}/sign-in`);
        await page.getByLabel('Email').fill('athlete@trackside.test');
        await page.getByLabel('Password', { exact: true }).fill(demoPassword);
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await openBook(page, 'Book a coach');
        const start = (await bookableSlots(page))[0] ?? 0;
        await slotAt(page, start).click();
        await page.getByLabel('Every week').check();
        await page.getByLabel('Number of sessions').check();
        await page.getByLabel('Sessions', { exact: true }).fill('4');
        await page.getByRole('button', { name: 'Next', exact: true }).click();
        await page.getByRole('heading', { name: 'Check your booking' }).waitFor();
        const summary = page.locator('book-page dl.summary');
        await summary.getByText('60 min').waitFor();
        await summary.getByText(/Every week, until .* inclusive: 4 sessions/).waitFor();
        await summary.getByText('booking takes nothing from your balance').waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: join(shots, 'book-summary-en.png'), fullPage: true });
        // changing one's mind books nothing
        await page.getByRole('button', { name: 'Change' }).click();
        await page.getByRole('button', { name: 'Choose another time' }).click();
      },
      { locale: 'en-US' },
    );
    expect(
      await count(`select count(*) as n from public.recurring_bookings where member_id = $1`, [
        athlete,
      ]),
    ).toBe(0);
  }, 240_000);

  test('a weekly series runs for the number of sessions chosen', async () => {
    await e2e.asUser('book-series-length', 'athlete@trackside.test', async (page) => {
      await openBook(page);
      // the last slot of a later day than the one-time booking, so the two never meet
      const later = (await bookableSlots(page)).filter((s) => moscowDate(s) > moscowDate(booked));
      const day = moscowDate(later[0] ?? 0);
      const start = Math.max(...later.filter((s) => moscowDate(s) === day));
      await slotAt(page, start).click();
      await page.getByLabel('Каждую неделю').check();
      await page.getByLabel('Число занятий').check();
      const sessions = page.getByLabel('Занятий', { exact: true });
      // a count the server could never mean is refused next to the field
      await sessions.fill('0');
      await page.getByRole('button', { name: 'Далее', exact: true }).click();
      await page.getByText('Число занятий — целое от 1 до 104.').waitFor();
      expect(await page.getByRole('heading', { name: 'Проверьте запись' }).count()).toBe(0);
      await sessions.fill('3');
      await page.getByRole('button', { name: 'Далее', exact: true }).click();
      await page
        .locator('book-page dl.summary')
        .getByText(/Каждую неделю, до .* включительно: 3 занятия/)
        .waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(shots, 'book-series-length.png'), fullPage: true });
      await page.getByRole('button', { name: 'Подтвердить запись' }).click();
      // a date the coach's group holds may clash: book around it
      await page
        .getByText(/Готово: регулярная запись создана|Эти даты заняты или недоступны/)
        .first()
        .waitFor();
      const skip = page.getByRole('button', { name: /^Записаться, пропустив/ });
      if ((await skip.count()) > 0) {
        await skip.click();
        await page.getByText(/Готово: регулярная запись создана/).waitFor();
      }
      const series = await e2e.app.rows<{ days: number | string; made: number | string }>(
        `select r.end_date - r.start_date as days,
                (select count(*) from public.training_sessions t where t.recurring_booking_id = r.id) as made
           from public.recurring_bookings r where r.member_id = $1 and r.status = 'active'`,
        [athlete],
      );
      expect(series).toHaveLength(1);
      // the third weekly date is the last; nothing beyond it is held
      expect(Number(series[0]?.days)).toBe(14);
      expect(Number(series[0]?.made)).toBeLessThanOrEqual(3);
      expect(Number(series[0]?.made)).toBeGreaterThan(0);
    });
  }, 240_000);

  test('a booking moves to another time keeping its id; a time taken meanwhile is refused', async () => {
    expect(bookingId).not.toBe('');
    await e2e.asUser('book-reschedule', 'athlete@trackside.test', async (page) => {
      await page.getByRole('link', { name: 'Мои записи' }).click();
      const upcoming = page.getByRole('list', { name: 'Предстоящие' });
      await upcoming
        .getByRole('link', { name: /^Перенести:/ })
        .first()
        .click();
      await page.getByRole('heading', { name: 'Перенос записи' }).waitFor();
      await page.getByText(/^Сейчас:/).waitFor();
      // two free times of the booking's own day or later
      const free = (await bookableSlots(page)).filter((s) => s !== booked);
      const taken = free[0] ?? 0;
      const target = free[1] ?? 0;
      expect(target).toBeGreaterThan(0);
      movedTo = target;

      // someone else takes the first while the athlete is choosing it
      await slotAt(page, taken).click();
      await e2e.app.exec(`
        do $$ begin
          perform set_config('request.jwt.claims', '{"sub":"${admin}","role":"authenticated"}', true);
          perform public.book_slot('${org}', '${coach}', '${new Date(taken).toISOString()}');
        end $$;`);
      await page.getByRole('button', { name: 'Далее', exact: true }).click();
      const summary = page.locator('book-page dl.summary');
      await summary.getByText('Было').waitFor();
      await summary.getByText('Станет').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(shots, 'book-reschedule-ru.png'), fullPage: true });
      await page.getByRole('button', { name: 'Подтвердить перенос' }).click();
      await page.getByText('Это время уже заняли. Выберите другое.').waitFor();
      await expect.poll(() => slotAt(page, taken).count()).toBe(0);

      await slotAt(page, target).click();
      await page.getByRole('button', { name: 'Далее', exact: true }).click();
      await page.getByRole('button', { name: 'Подтвердить перенос' }).click();
      await page.getByText(/^Готово: запись перенесена на/).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(shots, 'book-rescheduled.png'), fullPage: true });
    });
    // the same booking, confirmed, at the second time; both sides were told
    expect(
      await count(
        `select count(*) as n from public.bookings b join public.training_sessions t on t.id = b.session_id
          where b.id = $1 and b.status = 'confirmed' and t.starts_at = $2`,
        [bookingId, new Date(movedTo).toISOString()],
      ),
    ).toBe(1);
    expect(
      await count(`select count(*) as n from private.email_outbox where dedupe_key like $1`, [
        `booking_reschedule:${bookingId}:%`,
      ]),
    ).toBe(2);
  }, 240_000);

  test('cancelling asks first; «Не отменять» keeps the booking', async () => {
    await e2e.asUser('book-cancel-confirm', 'athlete@trackside.test', async (page) => {
      await page.getByRole('link', { name: 'Мои записи' }).click();
      const upcoming = page.getByRole('list', { name: 'Предстоящие' });
      // the one-time booking: the card that offers a move
      const card = upcoming
        .getByRole('listitem')
        .filter({ has: page.getByRole('link', { name: /^Перенести:/ }) })
        .first();
      await card.getByRole('button', { name: /^Отменить:/ }).click();
      // the card now asks (its buttons give way to the question)
      const question = upcoming.getByRole('group', { name: /^Отменить запись на .*\?$/ });
      await question.waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(shots, 'book-cancel-confirm.png'), fullPage: true });
      await question.getByRole('button', { name: 'Не отменять' }).click();
      await card.getByRole('button', { name: /^Отменить:/ }).waitFor();
      expect(
        await count(
          `select count(*) as n from public.bookings where id = $1 and status = 'confirmed'`,
          [bookingId],
        ),
      ).toBe(1);

      await card.getByRole('button', { name: /^Отменить:/ }).click();
      await question.getByRole('button', { name: 'Да, отменить' }).click();
      await page.getByText('Запись отменена.').waitFor();
    });
    expect(
      await count(
        `select count(*) as n from public.bookings where id = $1 and status = 'cancelled_by_member'`,
        [bookingId],
      ),
    ).toBe(1);
  }, 240_000);

  test('past the cancellation deadline nothing is offered, the card says why, the server refuses', async () => {
    await e2e.app.exec(
      `update public.coach_settings set cancellation_window_minutes = 43200 where coach_id = '${coach}'`,
    );
    await e2e.asUser('book-deadline', 'athlete@trackside.test', async (page) => {
      await page.getByRole('link', { name: 'Мои записи' }).click();
      const upcoming = page.getByRole('list', { name: 'Предстоящие' });
      await upcoming.getByRole('listitem').first().waitFor();
      await expect
        .poll(() => upcoming.getByRole('button', { name: /^Отменить:/ }).count(), {
          timeout: 30_000,
        })
        .toBe(0);
      expect(await upcoming.getByRole('link', { name: /^Перенести:/ }).count()).toBe(0);
      await upcoming
        .getByText('Срок отмены прошёл — отменить или перенести запись может только тренер.')
        .first()
        .waitFor();
      // the series says when it ends
      await page
        .getByRole('list', { name: 'Регулярные записи' })
        .getByText(/^Последнее занятие:/)
        .waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(shots, 'book-deadline-passed.png'), fullPage: true });
    });
    // the server's rule stands on its own: a late cancel of the series' next session fails
    const [next] = await e2e.app.rows<{ id: string }>(
      `select t.id from public.training_sessions t join public.recurring_bookings r on r.id = t.recurring_booking_id
        where r.member_id = $1 and t.status = 'scheduled' and t.starts_at > now() order by t.starts_at limit 1`,
      [athlete],
    );
    expect(next).toBeDefined();
    await expect(
      e2e.app.exec(`
        do $$ begin
          perform set_config('request.jwt.claims', '{"sub":"${athlete}","role":"authenticated"}', true);
          perform public.cancel_session('${next?.id ?? ''}');
        end $$;`),
    ).rejects.toThrow(/too late to cancel/);
  }, 240_000);
});
