/**
 * Booking end to end at 360 px against the seeded local stack: the demo coach
 * edits their hours offline and the edit syncs; the demo athlete books a slot
 * (it shows in the coach's calendar and in their bookings), loses a race for
 * another with a clear message, books a weekly series around a clashing date,
 * cancels after confirming (and is not offered it past the cancellation window); the coach removes a
 * weekday, the sessions on it turn up as conflicts and the coach cancels one and
 * keeps another; offline, /book says booking needs a connection. An English
 * browser books and shops in English.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useE2eStack } from './e2e-stack.ts';
import { demoPassword, seriousViolations, shots, syncStatus } from './page-helpers.ts';

const org = 'd1000000-0000-4000-8000-000000000001';
const admin = 'd0000000-0000-4000-8000-000000000001';
const coach = 'd0000000-0000-4000-8000-000000000002';
const athlete = 'd0000000-0000-4000-8000-000000000004';
const weekdays = [
  'Воскресенье',
  'Понедельник',
  'Вторник',
  'Среда',
  'Четверг',
  'Пятница',
  'Суббота',
];
const DAY = 86_400_000;

const e2e = useE2eStack();
/** the instants (epoch ms) the tests booked, shared along the file */
let once = 0;
let raced = 0;

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const rows = await e2e.app.rows<{ n: number | string }>(sql, params);
  return Number(rows[0]?.n ?? 0);
}

/** the demo athlete's confirmed bookings of a session starting at `start` (epoch ms) */
function athleteBookingsAt(start: number): Promise<number> {
  return count(
    `select count(*) as n from public.bookings b join public.training_sessions t on t.id = b.session_id
      where b.member_id = $1 and b.status = 'confirmed' and t.starts_at = $2`,
    [athlete, new Date(start).toISOString()],
  );
}

/** the /book page with the slots of the only bookable coach on screen */
async function openBook(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Записаться к тренеру' }).click();
  await page.getByRole('heading', { name: 'Запись к тренеру' }).waitFor();
  await page.locator('book-page button.slot').first().waitFor();
}

/** the slot button starting at `start` (epoch ms), wherever the list puts it */
function slotAt(page: Page, start: number) {
  return page.locator(`book-page button.slot[data-start="${start}"]`);
}

/** every slot on screen (epoch ms), in order */
async function slotsShown(page: Page): Promise<number[]> {
  await page.locator('book-page button.slot').first().waitFor();
  const starts = await page
    .locator('book-page button.slot')
    .evaluateAll((buttons) => buttons.map((b) => Number(b.getAttribute('data-start'))));
  return starts.filter((start) => Number.isFinite(start));
}

/**
 * The earliest start the server will still book a while from now: its own now()
 * plus the coach's notice, and a quarter of an hour for the test to get there.
 * The page lists slots from the seed's instant (its pinned clock), which the
 * server's clock has left behind, and a slot right at the notice's edge may fall
 * out of reach before the tap: the tests book from here on.
 */
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

/** the club's (and the coach's) calendar date of an instant, e.g. "2026-12-14" */
function moscowDate(ms: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(ms);
}

describe('booking at 360 px', () => {
  test('a coach edits their hours offline, with messages next to the fields, and it syncs', async () => {
    await e2e.asUser('booking-availability', 'coach@trackside.test', async (page) => {
      await page.getByRole('link', { name: 'Конфликты расписания' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(shots, 'booking-home-coach.png'), fullPage: true });
      await page.getByRole('link', { name: 'Моё расписание приёма' }).click();
      await page.getByRole('heading', { name: 'Расписание приёма' }).waitFor();
      const windows = page.getByRole('list', { name: 'Недельные окна' });
      await windows.getByText('Понедельник, 16:00–20:00').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(shots, 'booking-availability.png'), fullPage: true });

      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      await page.context().setOffline(true);
      // a length the database refuses: the message is next to the field, nothing queued
      await page.getByLabel('Длительность занятия').fill('0:04');
      await page.getByRole('button', { name: 'Сохранить настройки' }).click();
      await page.getByText('Длительность — от 0:05 до 12:00 (часы:минуты)').waitFor();
      expect(await syncStatus(page)).toContain('Все изменения отправлены');
      await page.getByLabel('Длительность занятия').fill('1:00');

      // an end before the start is refused too
      await page.getByLabel('День недели').selectOption({ label: 'Воскресенье' });
      await page.getByLabel('Начало').fill('14:00');
      await page.getByLabel('Конец').fill('10:00');
      await page.getByRole('button', { name: 'Добавить окно' }).click();
      await page.getByText('Конец должен быть позже начала').waitFor();
      await page.screenshot({
        path: join(shots, 'booking-availability-invalid.png'),
        fullPage: true,
      });
      await page.getByLabel('Начало').fill('10:00');
      await page.getByLabel('Конец').fill('14:00');
      await page.getByRole('button', { name: 'Добавить окно' }).click();
      await windows.getByText('Воскресенье, 10:00–14:00').waitFor();
      await expect.poll(() => syncStatus(page)).toContain('Не отправлено: 1 изменение');
      expect(await seriousViolations(page)).toEqual([]);

      // the week calendar opens offline from the device
      await page.goto(`${e2e.app.url}/calendar`);
      await page.getByRole('heading', { name: 'Календарь' }).waitFor();
      await page.getByText('Время — в поясе Europe/Moscow.').waitFor();
      await page.getByRole('button', { name: /Следующая неделя/ }).click();
      await page.getByRole('button', { name: 'Сегодня' }).click();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(shots, 'booking-calendar-offline.png'), fullPage: true });

      await page.context().setOffline(false);
      await expect
        .poll(() => syncStatus(page), { timeout: 30_000 })
        .toContain('Все изменения отправлены');
      expect(
        await count(
          `select count(*) as n from public.weekly_availability
            where coach_id = $1 and weekday = 0 and start_time = '10:00' and end_time = '14:00'
              and deleted_at is null`,
          [coach],
        ),
      ).toBe(1);
    });
  }, 240_000);

  test('the athlete books once; the coach sees it; a slot taken meanwhile is refused plainly', async () => {
    await e2e.asUser('booking-book', 'athlete@trackside.test', async (page) => {
      await page.getByRole('link', { name: 'Мои записи' }).waitFor();
      // an athlete gets booking, not the coach's pages
      expect(await page.getByRole('link', { name: 'Моё расписание приёма' }).count()).toBe(0);
      await openBook(page);
      await page.getByText('Время показано в вашем поясе').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(shots, 'booking-book.png'), fullPage: true });
      // and on a desktop
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: join(shots, 'booking-book-desktop.png') });
      await page.setViewportSize({ width: 360, height: 740 });

      // two slots of one day the server will still take: the first to book, the next
      // for someone else to take meanwhile
      const from = await bookableFrom();
      const shown = (await slotsShown(page)).filter((start) => start >= from);
      const pair = shown.findIndex((start, i) => {
        const next = shown[i + 1];
        return next !== undefined && moscowDate(next) === moscowDate(start);
      });
      expect(pair).toBeGreaterThanOrEqual(0);
      once = shown[pair] ?? 0;
      raced = shown[pair + 1] ?? 0;
      await slotAt(page, once).click();
      await page.getByRole('button', { name: 'Далее', exact: true }).click();
      await page.getByRole('button', { name: 'Подтвердить запись' }).click();
      await page.getByText('Готово: вы записаны.').waitFor();
      expect(await athleteBookingsAt(once)).toBe(1);
      // the booked time is no longer offered
      await expect
        .poll(() => page.locator(`book-page button.slot[data-start="${once}"]`).count())
        .toBe(0);

      // someone else takes the next slot while the athlete is choosing it
      const target = slotAt(page, raced);
      await target.click();
      // (book_slot reads the caller from the claims, as behind the gateway)
      await e2e.app.exec(`
        do $$ begin
          perform set_config('request.jwt.claims', '{"sub":"${admin}","role":"authenticated"}', true);
          perform public.book_slot('${org}', '${coach}', '${new Date(raced).toISOString()}');
        end $$;`);
      await page.getByRole('button', { name: 'Далее', exact: true }).click();
      await page.getByRole('button', { name: 'Подтвердить запись' }).click();
      await page.getByText('Это время уже заняли. Выберите другое.').waitFor();
      // and the list no longer offers it
      await expect.poll(() => target.count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(shots, 'booking-slot-taken.png'), fullPage: true });

      await page.goto(`${e2e.app.url}/bookings`);
      await page.getByRole('heading', { name: 'Мои записи' }).waitFor();
      await page
        .getByRole('list', { name: 'Предстоящие' })
        .getByText('Тренер: Игорь Волков')
        .first()
        .waitFor();
    });

    await e2e.asUser('booking-coach-calendar', 'coach@trackside.test', async (page) => {
      await page.getByRole('link', { name: 'Календарь занятий' }).click();
      await page.getByRole('heading', { name: 'Календарь' }).waitFor();
      // the calendar opens on the page's week (Moscow, the coach's zone: UTC+3 all
      // year), the seed's instant being the page's now
      if (moscowWeek(once) !== moscowWeek(e2e.now)) {
        await page.getByRole('button', { name: /Следующая неделя/ }).click();
      }
      await page.getByText('Иван Петров').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(shots, 'booking-calendar.png'), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: join(shots, 'booking-calendar-desktop.png') });
    });
  }, 240_000);

  test('a weekly series that clashes lists the date and books around it', async () => {
    await e2e.asUser('booking-recurring', 'athlete@trackside.test', async (page) => {
      await openBook(page);
      // the last slot of the first day after the booking above: the series then starts
      // after it, which stays the athlete's first booking to cancel below
      const from = Math.max(await bookableFrom(), once + 1);
      const later = (await slotsShown(page)).filter(
        (start) => start >= from && moscowDate(start) > moscowDate(once),
      );
      const day = moscowDate(later[0] ?? 0);
      const start = Math.max(...later.filter((s) => moscowDate(s) === day));
      expect(start).toBeGreaterThan(once);
      // that slot itself: a position may point elsewhere once busy times or a sync redraw the list
      const button = slotAt(page, start);
      // the coach is away on the third occurrence
      await e2e.app.exec(`
        insert into public.blocked_slots (org_id, coach_id, starts_at, ends_at, reason)
        values ('${org}', '${coach}', '${new Date(start + 14 * DAY).toISOString()}',
                '${new Date(start + 14 * DAY + 3_600_000).toISOString()}', 'сборы');`);
      await button.click();
      await page.getByLabel('Каждую неделю').check();
      await page.getByRole('button', { name: 'Далее', exact: true }).click();
      await page.getByRole('button', { name: 'Подтвердить запись' }).click();
      await page.getByText('Эти даты заняты или недоступны:').waitFor();
      await page.getByText('тренер недоступен').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(shots, 'booking-recurring-clash.png'), fullPage: true });
      await page.getByRole('button', { name: 'Записаться, пропустив 1 дату' }).click();
      await page.getByText('Готово: регулярная запись создана').waitFor();
      await page.getByText('Пропущено дат: 1.').waitFor();
      const series = await e2e.app.rows<{ n: string; excluded: string[] | string }>(
        `select count(*) over () as n, excluded_dates::text as excluded from public.recurring_bookings
          where member_id = $1 and status = 'active'`,
        [athlete],
      );
      expect(series).toHaveLength(1);
      expect(String(series[0]?.excluded)).toMatch(/^\{\d{4}-\d{2}-\d{2}\}$/);
    });
  }, 240_000);

  test('the athlete cancels, and past the cancellation window is told why not', async () => {
    await e2e.app.exec(
      `update public.coach_settings set cancellation_window_minutes = 0 where coach_id = '${coach}'`,
    );
    await e2e.asUser('booking-cancel', 'athlete@trackside.test', async (page) => {
      await page.getByRole('link', { name: 'Мои записи' }).click();
      const upcoming = page.getByRole('list', { name: 'Предстоящие' });
      await upcoming.getByRole('listitem').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(shots, 'booking-bookings.png'), fullPage: true });
      await upcoming
        .getByRole('button', { name: /^Отменить:/ })
        .first()
        .click();
      // one tap only asks
      await upcoming.getByRole('button', { name: 'Да, отменить' }).click();
      await page.getByText('Запись отменена.').waitFor();
      expect(
        await count(
          `select count(*) as n from public.bookings b join public.training_sessions t on t.id = b.session_id
            where b.member_id = $1 and b.status = 'cancelled_by_member' and t.starts_at = $2`,
          [athlete, new Date(once).toISOString()],
        ),
      ).toBe(1);

      // now the coach wants 30 days' notice: cancelling is no longer offered, and the
      // cards say why (booking-manage.test.ts: the server still refuses it)
      await e2e.app.exec(
        `update public.coach_settings set cancellation_window_minutes = 43200 where coach_id = '${coach}'`,
      );
      await page.reload();
      await expect
        .poll(() => upcoming.getByRole('button', { name: /^Отменить:/ }).count(), {
          timeout: 30_000,
        })
        .toBe(0);
      await upcoming.getByText('Срок отмены прошёл').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(shots, 'booking-cancel-refused.png'), fullPage: true });
    });
  }, 240_000);

  test('the coach drops a weekday; its sessions become conflicts; one is cancelled, one kept', async () => {
    const [series] = await e2e.app.rows<{ weekday: number }>(
      `select weekday from public.recurring_bookings where member_id = $1 and status = 'active'`,
      [athlete],
    );
    const day = weekdays[Number(series?.weekday)] ?? '';
    await e2e.asUser('booking-conflicts', 'coach@trackside.test', async (page) => {
      await page.getByRole('link', { name: 'Моё расписание приёма' }).click();
      const windows = page.getByRole('list', { name: 'Недельные окна' });
      await windows
        .getByRole('listitem')
        .filter({ hasText: day })
        .getByRole('button', { name: /^Удалить/ })
        .click();
      await page.getByText('Удалено.').first().waitFor();
      await expect
        .poll(() => syncStatus(page), { timeout: 30_000 })
        .toContain('Все изменения отправлены');

      await page.goto(`${e2e.app.url}/conflicts`);
      await page.getByRole('heading', { name: 'Конфликты' }).waitFor();
      const list = page.getByRole('list', { name: 'Конфликты' });
      await expect
        .poll(() => list.getByRole('listitem').count(), { timeout: 30_000 })
        .toBeGreaterThanOrEqual(2);
      await list.getByText('Вне вашего расписания приёма').first().waitFor();
      await list.getByText('Спортсмен: Иван Петров').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(shots, 'booking-conflicts.png'), fullPage: true });
      const before = await list.getByRole('listitem').count();

      await list
        .getByRole('button', { name: /^Отменить занятие/ })
        .first()
        .click();
      await page.getByText('Занятие отменено, спортсмену отправлено письмо.').waitFor();
      await list
        .getByRole('button', { name: /^Оставить/ })
        .first()
        .click();
      await page.getByText('Занятие оставлено').waitFor();
      await expect.poll(() => list.getByRole('listitem').count()).toBe(before - 2);
    });
    expect(
      await count(
        `select count(*) as n from private.email_outbox where kind = 'booking_cancellation' and user_id = $1`,
        [athlete],
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await count(
        `select count(*) as n from public.availability_additions where coach_id = $1 and session_id is not null`,
        [coach],
      ),
    ).toBe(1);
    expect(
      await count(
        `select count(*) as n from public.session_conflicts where coach_id = $1 and status = 'resolved'
            and resolution in ('cancelled', 'kept')`,
        [coach],
      ),
    ).toBe(2);
  }, 240_000);

  test('offline, /book still shows slots and says booking needs a connection', async () => {
    await e2e.asUser('booking-offline', 'athlete@trackside.test', async (page) => {
      await openBook(page);
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      await page.context().setOffline(true);
      await page.reload();
      await page.getByText('Вы офлайн: запись делает сервер').waitFor();
      await page.locator('book-page button.slot').first().click();
      await expect
        .poll(() => page.getByRole('button', { name: 'Далее', exact: true }).isDisabled())
        .toBe(true);
      await page.getByText('Нужна сеть: это действие выполняет сервер.').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(shots, 'booking-book-offline.png'), fullPage: true });

      // my bookings still show from the device
      await page.goto(`${e2e.app.url}/bookings`);
      await page.getByRole('heading', { name: 'Мои записи' }).waitFor();
      await page.getByText('Вы офлайн: отмену делает сервер.').waitFor();
      await page.getByText('Регулярные записи').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(shots, 'booking-bookings-offline.png'), fullPage: true });
    });
  }, 240_000);

  test('in English: the athlete books a slot, sees it among their bookings, and the shop prices in English', async () => {
    await e2e.page(
      'booking-english',
      async (page) => {
        await page.goto(`${e2e.app.url}/sign-in`);
        await page.getByLabel('Email').fill('athlete@trackside.test');
        await page.getByLabel('Password', { exact: true }).fill(demoPassword);
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await page.getByRole('link', { name: 'Book a coach', exact: true }).click();
        await page.getByRole('heading', { name: 'Book a coach', exact: true }).waitFor();
        await expect.poll(() => page.title()).toBe('Book a coach · Trackside');
        await page.getByText('Times are shown in your zone').waitFor();
        // the days over the slots are named in English
        await page.locator('book-page section.day h3').first().waitFor();
        const day = await page.locator('book-page section.day h3').first().textContent();
        expect(day).toMatch(/^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d+ \w+/);
        const from = await bookableFrom();
        const start = (await slotsShown(page)).find((s) => s >= from) ?? 0;
        await slotAt(page, start).click();
        await page.getByRole('button', { name: 'Next', exact: true }).click();
        await page.getByRole('heading', { name: 'Check your booking' }).waitFor();
        await page.getByRole('button', { name: 'Confirm booking' }).click();
        await page.getByText('Done: you are booked.').waitFor();
        expect(await athleteBookingsAt(start)).toBe(1);
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: join(shots, 'booking-english.png'), fullPage: true });

        await page.goto(`${e2e.app.url}/bookings`);
        await page.getByRole('heading', { name: 'My bookings', exact: true }).waitFor();
        await page
          .getByRole('list', { name: 'Upcoming' })
          .getByText('Coach: Игорь Волков')
          .first()
          .waitFor();

        await page.goto(`${e2e.app.url}/purchases`);
        await page.getByRole('heading', { name: 'Purchases', exact: true }).waitFor();
        // prices in the English format for roubles; product names are the club's own
        await page.getByRole('radio', { name: /8 тренировок.*RUB\s6,400\.00/ }).waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: join(shots, 'money-english.png'), fullPage: true });
      },
      { locale: 'en-US' },
    );
  }, 240_000);

  test('an offline edit the server refuses waits on the issues page, named in words', async () => {
    await e2e.asUser('booking-refused', 'coach@trackside.test', async (page) => {
      await page.getByRole('link', { name: 'Моё расписание приёма' }).click();
      await page.getByRole('heading', { name: 'Расписание приёма' }).waitFor();
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      await page.context().setOffline(true);
      const form = page.getByRole('group', { name: 'Добавить недоступное время' });
      const day = moscowDate(e2e.now + 10 * DAY);
      await form.getByLabel('С даты').fill(day);
      await form.getByLabel('С времени').fill('09:00');
      await form.getByLabel('По дату').fill(day);
      await form.getByLabel('По время').fill('08:00');
      await form.getByRole('button', { name: 'Добавить недоступное время' }).click();
      await form.getByText('Конец должен быть позже начала').waitFor();
      await form.getByLabel('По время').fill('18:00');
      await form.getByLabel('Причина').fill('Сборы');
      await form.getByRole('button', { name: 'Добавить недоступное время' }).click();
      // exactly: the series test's blocked week («сборы») is listed too once it has synced
      await page
        .getByRole('list', { name: 'Недоступное время' })
        .getByText('Сборы', { exact: true })
        .waitFor();
      await expect.poll(() => syncStatus(page)).toContain('Не отправлено: 1 изменение');

      // meanwhile the club makes them an athlete: the server refuses the edit
      await e2e.app.exec(
        `update public.memberships set role = 'athlete' where user_id = '${coach}' and org_id = '${org}'`,
      );
      await page.context().setOffline(false);
      // the app bar links to the refused change
      const refused = page.locator('ts-sync-status a[href="/sync"]');
      await refused.waitFor({ timeout: 30_000 });
      await refused.click();
      const issues = page.getByRole('list', { name: 'Отклонено сервером' });
      await issues.getByText('Недоступное время').waitFor({ timeout: 30_000 });
      await issues.getByText('Нет прав на это изменение').waitFor();
      // the refused times read as the coach entered them, in the club's zone, not as ISO text
      await issues.getByText(/в 09:00$/).waitFor();
      await issues.getByText(/в 18:00$/).waitFor();
      expect(await issues.textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(shots, 'booking-refused.png'), fullPage: true });
    });
    expect(
      await count(`select count(*) as n from public.blocked_slots where reason = 'Сборы'`),
    ).toBe(0);
  }, 240_000);
});

/** the Monday-based week number of an instant in Moscow time */
function moscowWeek(ms: number): number {
  const day = Math.floor((ms + 3 * 3_600_000) / 86_400_000);
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counting from Monday
  return Math.floor((day + 3) / 7);
}
