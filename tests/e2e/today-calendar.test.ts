/**
 * Issue 13's proof for «Сегодня» and the calendar at 360 px against the seeded
 * local stack: a later day is named in the heading and offers no marks, and the
 * database refuses a mark ahead whoever writes it; «Отметить всех» marks the
 * unmarked present offline and leaves a set «Не был» alone; a queued mark the
 * server refuses (its session moved to a later day) is listed on /sync; the
 * calendar names a group session's group and who came, and a tap opens the
 * session's details, where this one occurrence is cancelled.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useE2eStack } from './e2e-stack.ts';
import { demoPassword, seriousViolations, signInAt, syncStatus } from './page-helpers.ts';
import { beginners, clubDate } from './seed-facts.ts';

const shots = '/tmp/shots';
/** Смирнова Анна, group «Начинающие» */
const anna = 'd4000000-0000-4000-8000-000000000002';
/** Петров Иван, same group */
const petrov = 'd4000000-0000-4000-8000-000000000001';

const e2e = useE2eStack();

/** the group's live sessions on a day, in time order */
async function sessionsOn(date: string): Promise<string[]> {
  const rows = await e2e.app.rows<{ id: string }>(
    `select id::text from public.training_sessions
      where group_id = $1 and local_date = $2::date and status <> 'cancelled' and deleted_at is null
      order by starts_at`,
    [beginners, date],
  );
  return rows.map((r) => r.id);
}

/** the first later day (after the seed's) with a scheduled session of «Начинающие», and that session */
async function laterSession(): Promise<{ id: string; date: string }> {
  const rows = await e2e.app.rows<{ id: string; date: string }>(
    `select id::text, local_date::text as date from public.training_sessions
      where group_id = $1 and local_date > $2::date and status = 'scheduled' and deleted_at is null
      order by starts_at limit 1`,
    [beginners, await clubDate(e2e.app, e2e.now)],
  );
  const row = rows[0];
  if (!row) throw new Error('the seed made no later session of «Начинающие»');
  return row;
}

/** the group's active athletes' names, by name */
async function groupNames(): Promise<string[]> {
  const rows = await e2e.app.rows<{ name: string }>(
    `select name from public.athletes
      where group_id = $1 and status = 'active' and deleted_at is null`,
    [beginners],
  );
  return rows.map((r) => r.name).sort((a, b) => a.localeCompare(b, 'ru'));
}

/** the four mark buttons of an athlete in a session's section */
function marks(scope: Page | ReturnType<Page['locator']>, name: string) {
  return scope.getByRole('group', { name: `Отметка: ${name}` }).first();
}

async function pressed(scope: Page | ReturnType<Page['locator']>, name: string): Promise<string[]> {
  const texts = await marks(scope, name).locator('button[aria-pressed="true"]').allTextContents();
  return texts.map((s) => s.replace('✓', '').trim());
}

/** the heading «Сегодня» gives another day, as the page should write it: «Вт, 8 декабря» */
function dayHeading(date: string, locale: string): string {
  const named = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(Date.parse(`${date}T12:00:00Z`));
  return named.charAt(0).toLocaleUpperCase(locale) + named.slice(1);
}

describe('«Сегодня»: marks on their day, and everyone at once', () => {
  test('a later day is named, offers no marks, and the database refuses a mark ahead', async () => {
    const later = await laterSession();
    await e2e.page('today-later-day', async (page) => {
      await signInAt(page, e2e.app.url, 'coach@trackside.test');
      await page.goto(`${e2e.app.url}/today`);
      await page.getByRole('heading', { name: 'Сегодня', level: 1 }).waitFor();
      await page.getByLabel('Дата').fill(later.date);
      await page
        .getByRole('heading', { name: dayHeading(later.date, 'ru-RU'), level: 1 })
        .waitFor();
      await marks(page, 'Смирнова Анна').waitFor();
      await page.getByText('Отмечать можно в день занятия.').first().waitFor();
      for (const name of ['Был', 'Не был', 'Уваж.', 'Пробное']) {
        expect(
          await marks(page, 'Смирнова Анна')
            .getByRole('button', { name, exact: true })
            .isDisabled(),
        ).toBe(true);
      }
      expect(await page.getByRole('button', { name: /^Отметить/ }).count()).toBe(0);
      await page.screenshot({ path: join(shots, 'today-later-day.png'), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
      // back to today: the heading says so again
      await page.locator('.when').getByRole('button', { name: 'Сегодня' }).click();
      await page.getByRole('heading', { name: 'Сегодня', level: 1 }).waitFor();
    });
    // the server's rule binds every writer, the database owner too
    await expect(
      e2e.app.rows(
        `insert into public.attendance (id, org_id, session_id, athlete_id, status)
         select gen_random_uuid(), s.org_id, s.id, $2, 'present'
           from public.training_sessions s where s.id = $1`,
        [later.id, anna],
      ),
    ).rejects.toThrow(/session's day/);
    expect(
      await e2e.app.rows(`select count(*)::int as n from public.attendance where session_id = $1`, [
        later.id,
      ]),
    ).toEqual([{ n: 0 }]);
  });

  test('in English the later day is named in English', async () => {
    const later = await laterSession();
    await e2e.page(
      'today-later-day-english',
      async (page) => {
        await page.goto(`${e2e.app.url}/sign-in`);
        await page.getByLabel('Email').fill('coach@trackside.test');
        await page.getByLabel('Password', { exact: true }).fill(demoPassword);
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await page.getByRole('heading', { name: 'My organizations' }).waitFor();
        await page.goto(`${e2e.app.url}/today`);
        await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
        await page.getByLabel('Date').fill(later.date);
        await page
          .getByRole('heading', { name: dayHeading(later.date, 'en-GB'), level: 1 })
          .waitFor();
        await page.getByText('Marks open on the day of the session.').first().waitFor();
        await page.screenshot({ path: join(shots, 'today-later-day-en.png'), fullPage: true });
        await page.locator('.when').getByRole('button', { name: 'Today' }).click();
        await page.getByRole('button', { name: 'Mark everyone present' }).first().waitFor();
        await page.screenshot({ path: join(shots, 'today-mark-all-en.png'), fullPage: true });
      },
      { locale: 'en-US' },
    );
  });

  test(
    '«Отметить всех» marks the unmarked present offline and keeps a «Не был»',
    { timeout: 180_000 },
    async () => {
      const today = await clubDate(e2e.app, e2e.now);
      const [session] = await sessionsOn(today);
      const names = await groupNames();
      const others = names.filter((n) => n !== 'Петров Иван');
      await e2e.page('today-mark-all', async (page, context) => {
        await signInAt(page, e2e.app.url, 'coach@trackside.test');
        await page.goto(`${e2e.app.url}/today`);
        const section = page.getByRole('region', { name: /Начинающие/ }).first();
        await marks(section, 'Петров Иван').waitFor();
        await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
        await section.getByRole('button', { name: 'Отметить всех' }).waitFor();

        await context.setOffline(true);
        await marks(section, 'Петров Иван').getByRole('button', { name: 'Не был' }).click();
        await expect.poll(() => pressed(section, 'Петров Иван')).toEqual(['Не был']);
        await section
          .getByRole('button', { name: `Отметить остальных (${others.length})` })
          .click();
        await page.getByText(`Отмечено «Был»: ${others.length}`).waitFor();
        for (const name of others) {
          await expect.poll(() => pressed(section, name)).toEqual(['Был']);
        }
        expect(await pressed(section, 'Петров Иван')).toEqual(['Не был']);
        // everyone is marked: the action is gone
        expect(await section.getByRole('button', { name: /^Отметить/ }).count()).toBe(0);
        await expect.poll(() => syncStatus(page)).toContain('Не отправлено');
        await page.screenshot({ path: join(shots, 'today-mark-all.png'), fullPage: true });
        expect(await seriousViolations(page)).toEqual([]);

        await context.setOffline(false);
        await expect
          .poll(() => syncStatus(page), { timeout: 30_000 })
          .toContain('Все изменения отправлены');
      });
      const stored = await e2e.app.rows<{ athlete_id: string; status: string }>(
        `select athlete_id::text, status from public.attendance where session_id = $1`,
        [session],
      );
      expect(stored).toHaveLength(names.length);
      expect(stored.find((m) => m.athlete_id === petrov)?.status).toBe('absent');
      expect(stored.filter((m) => m.status === 'present')).toHaveLength(others.length);
    },
  );

  test(
    'a queued mark the server refuses (its session moved to a later day) is listed on /sync',
    { timeout: 180_000 },
    async () => {
      const today = await clubDate(e2e.app, e2e.now);
      const moved = 'd8000000-0000-4000-8000-0000000000e1';
      await e2e.app.rows(
        `insert into public.training_sessions (id, org_id, coach_id, group_id, kind, origin,
           local_date, time_zone, starts_at, ends_at, capacity, room, title)
         select $1, g.org_id, 'd0000000-0000-4000-8000-000000000002', g.id, 'group', 'one_time_booking',
                $2::date, 'Europe/Moscow',
                private.zoned_instant($2::date, '21:00', 'Europe/Moscow'),
                private.zoned_instant($2::date, '22:00', 'Europe/Moscow'), 30, 'Манеж', 'Поздняя'
           from public.training_groups g where g.id = $3`,
        [moved, today, beginners],
      );
      await e2e.page('today-refused', async (page, context) => {
        await signInAt(page, e2e.app.url, 'coach@trackside.test');
        await page.goto(`${e2e.app.url}/today`);
        const section = page.getByRole('region', { name: /^21:00/ });
        await marks(section, 'Смирнова Анна').waitFor();
        await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
        await context.setOffline(true);
        await marks(section, 'Смирнова Анна')
          .getByRole('button', { name: 'Был', exact: true })
          .click();
        await expect.poll(() => pressed(section, 'Смирнова Анна')).toEqual(['Был']);
        // meanwhile an admin moves the session to tomorrow
        await e2e.app.rows(
          `update public.training_sessions
              set local_date = local_date + 1, starts_at = starts_at + interval '1 day',
                  ends_at = ends_at + interval '1 day'
            where id = $1`,
          [moved],
        );
        await context.setOffline(false);
        const rejected = page.getByRole('link', { name: /Отклонено сервером: 1 изменение/ });
        await rejected.click({ timeout: 30_000 });
        await page.getByText('Нарушено правило клуба').waitFor();
        await page.screenshot({ path: join(shots, 'today-refused-sync.png'), fullPage: true });
      });
      expect(
        await e2e.app.rows(
          `select count(*)::int as n from public.attendance where session_id = $1`,
          [moved],
        ),
      ).toEqual([{ n: 0 }]);
    },
  );
});

describe('calendar: group sessions and their details', () => {
  test(
    'a card names its group and who came; a tap opens the details; one occurrence is cancelled',
    { timeout: 180_000 },
    async () => {
      const later = await laterSession();
      const names = await groupNames();
      await e2e.page('today-calendar-session', async (page) => {
        await signInAt(page, e2e.app.url, 'coach@trackside.test');
        await page.goto(`${e2e.app.url}/calendar`);
        const card = page.locator(`a[href="/calendar/session/${later.id}"]`);
        await page.getByRole('heading', { name: 'Календарь', level: 1 }).waitFor();
        await page.locator('a.open').first().waitFor();
        if ((await card.count()) === 0) {
          await page.getByRole('button', { name: 'Следующая неделя' }).click();
        }
        await expect.poll(() => card.textContent()).toContain('Начинающие');
        expect(await card.textContent()).toContain(`В группе: ${names.length}`);
        expect(await card.textContent()).not.toContain('Записано: 0');
        await page.screenshot({ path: join(shots, 'today-calendar-week.png'), fullPage: true });
        expect(await seriousViolations(page)).toEqual([]);

        await card.click();
        await page.getByRole('heading', { name: 'Группа «Начинающие»', level: 1 }).waitFor();
        const list = page.getByRole('list', { name: 'Спортсмены и отметки' });
        await list.getByRole('listitem').filter({ hasText: 'Смирнова Анна' }).waitFor();
        expect(await list.getByRole('listitem').count()).toBe(names.length);
        expect(
          await list.getByRole('listitem').filter({ hasText: 'Смирнова Анна' }).textContent(),
        ).toContain('нет отметки');
        await page.screenshot({ path: join(shots, 'today-calendar-session.png'), fullPage: true });
        expect(await seriousViolations(page)).toEqual([]);

        await page.getByRole('button', { name: 'Отменить это занятие' }).click();
        await page.getByText('Отменить только это занятие?').waitFor();
        await page.getByRole('button', { name: 'Да, отменить' }).click();
        await page.getByText('Занятие отменено.').waitFor();
        await page.locator('.facts').getByText('Отменено').waitFor({ timeout: 30_000 });
        await page.screenshot({
          path: join(shots, 'today-calendar-session-cancelled.png'),
          fullPage: true,
        });
      });
      expect(
        await e2e.app.rows(`select status from public.training_sessions where id = $1`, [later.id]),
      ).toEqual([{ status: 'cancelled' }]);
      // only this occurrence: the group's other later sessions stay scheduled
      const rest = await e2e.app.rows<{ n: number }>(
        `select count(*)::int as n from public.training_sessions
          where group_id = $1 and local_date > $2::date and id <> $3 and status = 'scheduled'`,
        [beginners, later.date, later.id],
      );
      expect(rest[0]?.n ?? 0).toBeGreaterThan(0);
    },
  );

  test('the marked session reads who came, and the details open in English', async () => {
    const today = await clubDate(e2e.app, e2e.now);
    const [session] = await sessionsOn(today);
    const names = await groupNames();
    await e2e.page(
      'today-calendar-session-english',
      async (page) => {
        await page.goto(`${e2e.app.url}/sign-in`);
        await page.getByLabel('Email').fill('coach@trackside.test');
        await page.getByLabel('Password', { exact: true }).fill(demoPassword);
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await page.getByRole('heading', { name: 'My organizations' }).waitFor();
        await page.goto(`${e2e.app.url}/calendar`);
        const card = page.locator(`a[href="/calendar/session/${session ?? ''}"]`);
        // marked by the test before: everyone but Петров present
        await expect
          .poll(() => card.textContent())
          .toContain(`Present: ${names.length - 1} of ${names.length}`);
        await card.click();
        await page.getByRole('heading', { name: 'Group “Начинающие”', level: 1 }).waitFor();
        await page
          .getByRole('list', { name: 'Athletes and marks' })
          .getByRole('listitem')
          .filter({ hasText: 'Петров Иван' })
          .getByText('Absent')
          .waitFor();
        await page.screenshot({
          path: join(shots, 'today-calendar-session-en.png'),
          fullPage: true,
        });
      },
      { locale: 'en-US' },
    );
  });
});
