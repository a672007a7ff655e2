/**
 * The athlete's own page and the season rollover at 360 px against the seeded
 * local stack: the demo athlete sees their schedule, sessions, ranks and
 * history and nobody else's (on screen and in their IndexedDB), downloads a
 * calendar file that parses, and opens the page offline after a reload; an
 * admin starts a new season for a group and the roster shows it clean while the
 * history keeps the old ranks.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { useE2eStack } from './e2e-stack.ts';
import { seriousViolations, shots } from './page-helpers.ts';
import { beginners, clubDate, seededSeason, shiftSeason } from './seed-facts.ts';

const petrov = 'd4000000-0000-4000-8000-000000000001';
const athleteUser = 'd0000000-0000-4000-8000-000000000004';
const sprint = 'd2000000-0000-4000-8000-000000000002';

const e2e = useE2eStack();
/** every seeded athlete but Петров Иван */
let others: string[];
/** the season the seed put everyone in (the one of its day), and the one before */
let season: string;
let lastSeason: string;

beforeAll(async () => {
  season = await seededSeason(e2e.app);
  lastSeason = shiftSeason(season, -1);
  others = (
    await e2e.app.rows<{ name: string }>(`select name from public.athletes where id <> $1`, [
      petrov,
    ])
  ).map((r) => r.name);
});

/** rows of one store of the signed-in user's local database, read with IndexedDB itself */
function localRows(page: Page, store: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    ({ name, store }) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(store).objectStore(store).getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as Record<string, unknown>[]);
          };
        };
      }),
    { name: `trackside-user-${athleteUser}`, store },
  );
}

async function expectOnlyMine(page: Page): Promise<void> {
  const text = (await page.locator('me-page').innerText()).normalize();
  for (const name of others) expect(text).not.toContain(name);
  expect(text).not.toContain('Стадион «Старт»'); // the room of «Спринт»'s sessions
}

describe('the athlete’s own page', () => {
  test('an athlete sees only their own schedule, sessions, ranks and history, downloads them and reads them offline', async () => {
    // the group's sessions not over at the page's instant (the seed's), as the seed made
    // them: on a Friday or a Sunday its extra session comes first, so nothing here
    // assumes which one that is
    const upcoming = await e2e.app.rows<{
      id: string;
      starts_at: Date | string;
      title: string;
      room: string;
      coach: string;
    }>(
      `select s.id::text, s.starts_at, s.title, s.room, p.display_name as coach
         from public.training_sessions s join public.profiles p on p.id = s.coach_id
        where s.group_id = $1 and s.ends_at > $2 and s.deleted_at is null order by s.starts_at`,
      [beginners, new Date(e2e.now).toISOString()],
    );
    expect(upcoming.length).toBeGreaterThan(0);
    // the rest of the demo club and the second club's athletes
    expect(others.length).toBeGreaterThanOrEqual(19);

    await e2e.asUser('athlete-me', 'athlete@trackside.test', async (page) => {
      // an athlete is offered their own page, not the roster nor the season rollover
      await page.getByRole('link', { name: 'Моё расписание и разряды' }).waitFor();
      expect(await page.getByRole('link', { name: 'Спортсмены моих групп' }).count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Начать новый сезон' }).count()).toBe(0);
      await page.screenshot({ path: join(shots, 'athlete-home.png'), fullPage: true });
      await page.getByRole('link', { name: 'Моё расписание и разряды' }).click();
      await page.getByRole('heading', { name: 'Моя страница', level: 1 }).waitFor();
      const pattern = page.getByRole('list', { name: 'Расписание на неделю' });
      await pattern.getByText('🕐 Пн 18:00').waitFor();
      await pattern.getByText('🕐 Ср 18:00').waitFor();
      await page.getByText('Игорь Волков').waitFor();
      await page.getByText('Начинающие', { exact: true }).first().waitFor();
      await page.getByText(`Сезон ${season}`).waitFor();
      await page.getByText('🥉 III юношеский').first().waitFor();
      const history = page.getByRole('region', { name: 'Разряды прошлых сезонов' });
      await history.getByText(lastSeason).waitFor();
      await history.getByText('Без разряда').waitFor();
      const sessions = page.getByRole('list', { name: 'Ближайшие тренировки' });
      await sessions.getByRole('listitem').first().waitFor();
      expect(await sessions.getByRole('listitem').count()).toBe(Math.min(8, upcoming.length));
      await sessions.getByText('Манеж «Старт», сектор 2').first().waitFor();
      await expectOnlyMine(page);

      // what the device holds: their own athlete row, their group's sessions
      const athletes = await localRows(page, 'athletes');
      expect(athletes.map((a) => a['id'])).toEqual([petrov]);
      expect((await e2e.app.rows(`select id from public.athletes`)).length).toBe(others.length + 1);
      const localSessions = await localRows(page, 'training_sessions');
      expect(localSessions.length).toBeGreaterThan(0);
      expect(localSessions.every((s) => s['group_id'] === beginners)).toBe(true);
      expect(
        (
          await e2e.app.rows(`select id from public.training_sessions where group_id = $1`, [
            sprint,
          ])
        ).length,
      ).toBeGreaterThan(0);
      expect((await localRows(page, 'rank_history')).map((h) => h['athlete_id'])).toEqual([petrov]);

      await page.screenshot({ path: join(shots, 'athlete-me.png'), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);

      // the calendar file: every upcoming session of the group, once, in UTC
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Скачать тренировки в календарь (.ics)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('trackside-trenirovki.ics');
      const file = await readFile(await download.path(), 'utf8');
      expect(file.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
      for (const line of file.slice(0, -2).split('\r\n')) {
        expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      }
      const calendar = new ICAL.Component(ICAL.parse(file));
      const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
      expect(events.map((e) => e.uid)).toEqual(
        upcoming.map((s) => `training-session-${s.id}@trackside`),
      );
      expect(events.map((e) => e.startDate.toUnixTime() * 1000)).toEqual(
        upcoming.map((s) => new Date(s.starts_at).getTime()),
      );
      // each event named, placed and signed as its session is: «Тренировка: <title>»
      expect(events.map((e) => e.summary)).toEqual(upcoming.map((s) => `Тренировка: ${s.title}`));
      expect(events.map((e) => e.location)).toEqual(upcoming.map((s) => s.room));
      for (const [i, e] of events.entries()) {
        expect(e.description).toContain(`Тренер: ${upcoming[i]?.coach ?? ''}`);
      }
      // and the group's regular class among them, as its timetable names it
      const regular = events.find((e) => e.summary === 'Тренировка: Начинающие');
      expect(regular?.location).toBe('Манеж «Старт», сектор 2');
      expect(regular?.description).toContain('Тренер: Игорь Волков');

      // the page needs no network: offline, a reload opens it from IndexedDB
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      await page.context().setOffline(true);
      await page.reload();
      await page.getByRole('heading', { name: 'Моя страница', level: 1 }).waitFor();
      await page
        .getByRole('list', { name: 'Расписание на неделю' })
        .getByText('🕐 Пн 18:00')
        .waitFor();
      await page
        .getByRole('list', { name: 'Ближайшие тренировки' })
        .getByRole('listitem')
        .first()
        .waitFor();
      await page
        .getByRole('region', { name: 'Разряды прошлых сезонов' })
        .getByText(lastSeason)
        .waitFor();
      await expectOnlyMine(page);
      await page.screenshot({ path: join(shots, 'athlete-me-offline.png'), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.screenshot({ path: join(shots, 'athlete-me-desktop.png') });
      await page.context().setOffline(false);

      // an athlete starts no seasons
      await page.goto(`${e2e.app.url}/season`);
      await page
        .getByText('Начать новый сезон могут администраторы клуба и тренеры групп.')
        .waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
});

describe('season rollover', () => {
  test('an admin starts a new season for a group; the roster shows it clean and history keeps the old ranks', async () => {
    const before = await e2e.app.rows<{ n: number; ranked: number }>(
      `select count(*)::int as n,
              count(*) filter (where rank_start is not null or rank_end is not null)::int as ranked
         from public.athletes
        where group_id = $1 and status <> 'archived' and season = $2 and deleted_at is null`,
      [beginners, season],
    );
    const { n, ranked } = before[0] ?? { n: 0, ranked: 0 };
    expect(n).toBeGreaterThan(0);
    expect(ranked).toBeGreaterThan(0);
    const next = shiftSeason(season, 1);
    /** two years long, e.g. "2027-2029": not a season */
    const misspelt = `${next.slice(0, 4)}-${Number(next.slice(0, 4)) + 2}`;

    await e2e.asUser('season-admin', 'admin@trackside.test', async (page) => {
      await page.getByRole('link', { name: 'Начать новый сезон' }).click();
      await page.getByRole('heading', { name: 'Новый сезон', level: 1 }).waitFor();
      await page.getByLabel('Для кого').selectOption({ label: `Начинающие · ${season}` });
      // the seed put the group in the season of the page's day, so the next one is offered
      await expect.poll(() => page.getByLabel('Новый сезон').inputValue()).toBe(next);
      await page.getByText(`Перейдут в сезон ${next}: ${n}.`).waitFor();
      await page.getByText(`Разряды прошедшего сезона сохранятся в истории: ${ranked}.`).waitFor();

      // a season typed wrong is refused next to the field, before anything is sent
      await page.getByLabel('Новый сезон').fill(misspelt);
      await page.getByRole('button', { name: /Начать сезон/ }).click();
      await page.locator('#season-error').getByText('Сезон записывается как «2024-2025»').waitFor();
      await page.getByLabel('Новый сезон').fill(next);
      // not confirmed: asked to confirm, nothing sent
      await page.getByRole('button', { name: `Начать сезон ${next}` }).click();
      await page.getByText('Отметьте, что понимаете, что произойдёт').waitFor();
      expect(
        (await e2e.app.rows(`select 1 from public.athletes where season = $1`, [next])).length,
      ).toBe(0);
      await page.screenshot({ path: join(shots, 'season.png'), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);

      // offline the server cannot do it, and the page says so
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      await page.context().setOffline(true);
      await page.getByText('Нужна сеть: новый сезон начинает сервер.', { exact: false }).waitFor();
      expect(await page.getByRole('button', { name: `Начать сезон ${next}` }).isDisabled()).toBe(
        true,
      );
      await page.screenshot({ path: join(shots, 'season-offline.png'), fullPage: true });
      await page.context().setOffline(false);

      await page.getByLabel('Понимаю: разряды текущего сезона уйдут в историю').check();
      // the next season is due from June; on any other seed day the page asks once more
      const month = Number((await clubDate(e2e.app, e2e.now)).slice(5, 7));
      const outOfTurn = page.getByLabel(`Да, начать сезон ${next} сейчас, не в свой срок`);
      if (month >= 6 && month <= 8) expect(await outOfTurn.count()).toBe(0);
      else await outOfTurn.check();
      await page.getByRole('button', { name: `Начать сезон ${next}` }).click();
      await page
        .getByText(
          `Готово: сезон ${next} начат. Перешли в него: ${n}; разряды ушли в историю: ${ranked}.`,
        )
        .waitFor();
      await page.screenshot({ path: join(shots, 'season-done.png'), fullPage: true });

      // the server: the group moved clean, its old ranks in history, «Спринт» untouched
      expect(
        await e2e.app.rows(
          `select season, rank_start, rank_end from public.athletes where id = $1`,
          [petrov],
        ),
      ).toEqual([{ season: next, rank_start: null, rank_end: null }]);
      expect(
        await e2e.app.rows(
          `select season, rank_start, rank_end from public.rank_history
            where athlete_id = $1 and deleted_at is null order by season`,
          [petrov],
        ),
      ).toEqual([
        { season: lastSeason, rank_start: 'Без разряда', rank_end: 'III юношеский разряд' },
        { season, rank_start: 'III юношеский разряд', rank_end: null },
      ]);
      expect(
        await e2e.app.rows(`select distinct season from public.athletes where group_id = $1`, [
          sprint,
        ]),
      ).toEqual([{ season }]);

      // the roster, after sync: Начинающие without ranks, Спринт as before
      await page.goto(`${e2e.app.url}/roster`);
      const list = page.getByRole('list', { name: 'Спортсмены' });
      const card = (name: string) => list.getByRole('link').filter({ hasText: name });
      await card('Волков Егор').getByText('🥈 I взрослый → 🥇 КМС').waitFor();
      await expect
        .poll(() => card('Петров Иван').innerText(), { timeout: 20_000 })
        .not.toContain('юношеский');
      expect(await card('Соколова Елизавета').innerText()).not.toContain('🥉');
      await card('Петров Иван').getByText('🕐 Пн 18:00').waitFor();
      await page.screenshot({ path: join(shots, 'season-roster.png'), fullPage: true });

      await card('Петров Иван').click();
      const history = page.getByRole('region', { name: 'Разряды прошлых сезонов' });
      await history.getByText(season).waitFor();
      await history.getByText(lastSeason).waitFor();
      expect(await history.getByText('🥉 III юношеский').count()).toBe(2);

      // twice is once: the same season again has nothing to move
      await page.goto(`${e2e.app.url}/season`);
      await page.getByLabel('Для кого').selectOption({ label: `Начинающие · ${next}` });
      await page.getByLabel('Новый сезон').fill(next);
      await page.getByText('Все спортсмены здесь уже в этом сезоне — менять нечего.').waitFor();
    });
  });
});
