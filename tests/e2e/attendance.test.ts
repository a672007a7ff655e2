/**
 * Issue 4's proof at 360 px against the seeded local stack: a coach goes offline,
 * reloads, edits a schedule and a rank and marks attendance on «Сегодня»,
 * reloads again still offline and sees it all pending; back online it reaches
 * the server, and the group's second coach sees those edits and marks the same
 * athlete without a conflict. Plus the exports: XLSX and CSV downloads with the
 * right content.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useE2eStack } from './e2e-stack.ts';
import { seriousViolations, shots, signInAt, syncStatus } from './page-helpers.ts';
import { beginners, clubDate, seededSeason } from './seed-facts.ts';

/** Смирнова Анна, group «Начинающие» (coach@ and assistant@ coach it) */
const anna = 'd4000000-0000-4000-8000-000000000002';
/** Петров Иван, same group */
const petrov = 'd4000000-0000-4000-8000-000000000001';

const e2e = useE2eStack();

/**
 * The first session of «Начинающие» on the pages' «Сегодня»: the seed's day on the
 * club's calendar (Moscow), not the wall clock's, which may have passed midnight
 * since (the page's clock is pinned to the seed's instant).
 */
async function todaysSession(): Promise<string> {
  const rows = await e2e.app.rows<{ id: string }>(
    `select id::text from public.training_sessions
      where group_id = $1 and local_date = $2::date
        and status <> 'cancelled' order by starts_at limit 1`,
    [beginners, await clubDate(e2e.app, e2e.now)],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('the seed made no session of «Начинающие» today');
  return id;
}

/**
 * An athlete's attendance in a season from the marks on the server, as the app
 * figures it (src/domain/attendance.ts): round(100 × (present + trial) /
 * (present + trial + absent)) over the season's sessions, or null with nothing
 * counted — as on the first days of a season, when all the seeded marks (the
 * four weeks before the seed's day) fall in the season before.
 */
async function seasonPercent(athlete: string, season: string): Promise<number | null> {
  const first = Number(season.slice(0, 4));
  const rows = await e2e.app.rows<{ attended: number; counted: number }>(
    `select count(*) filter (where a.status in ('present', 'trial'))::int as attended,
            count(*) filter (where a.status in ('present', 'trial', 'absent'))::int as counted
       from public.attendance a join public.training_sessions s on s.id = a.session_id
      where a.athlete_id = $1 and a.deleted_at is null and s.deleted_at is null
        and s.local_date between $2::date and $3::date`,
    [athlete, `${first}-09-01`, `${first + 1}-08-31`],
  );
  const { attended = 0, counted = 0 } = rows[0] ?? {};
  return counted === 0 ? null : Math.round((100 * attended) / counted);
}

/** the four mark buttons of an athlete in the first session shown */
function marks(page: Page, name: string) {
  return page.getByRole('group', { name: `Отметка: ${name}` }).first();
}

async function pressed(page: Page, name: string): Promise<string[]> {
  return marks(page, name)
    .locator('button[aria-pressed="true"]')
    .allTextContents()
    .then((t) => t.map((s) => s.replace('✓', '').trim()));
}

describe('attendance at the track', () => {
  test(
    'offline edits and marks survive reloads, sync, and the second coach sees and converges',
    { timeout: 240_000 },
    async () => {
      const session = await todaysSession();
      await e2e.page('attendance-offline', async (page, context) => {
        await signInAt(page, e2e.app.url, 'coach@trackside.test');
        await page.screenshot({ path: join(shots, 'home-coach.png'), fullPage: true });
        await page.getByRole('link', { name: 'Сегодня: посещаемость' }).click();
        await page.getByRole('heading', { name: 'Сегодня', level: 1 }).waitFor();
        await marks(page, 'Смирнова Анна').waitFor();
        await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));

        await context.setOffline(true);
        await page.reload();
        await marks(page, 'Смирнова Анна').waitFor();

        // a schedule and a rank, on the athlete page
        await page.goto(`${e2e.app.url}/roster/${anna}`);
        await page.getByRole('heading', { name: 'Смирнова Анна' }).waitFor();
        await page.getByLabel('Расписание').fill('Вт 18:00, Чт 18:00');
        await page.getByRole('button', { name: 'Сохранить' }).click();
        await page.getByText('Сохранено.').waitFor();
        await page.getByLabel('Разряд на конец сезона').selectOption('II юношеский разряд');
        await page.getByRole('button', { name: 'Сохранить' }).click();
        await expect.poll(() => syncStatus(page)).toContain('Не отправлено: 2 изменения');
        // the season's figure, from the seeded marks the device holds
        const season = await seededSeason(e2e.app);
        const percent = await seasonPercent(anna, season);
        await expect
          .poll(() =>
            page
              .getByRole('region', { name: `Посещаемость за сезон ${season}` })
              .locator('.figure')
              .textContent(),
          )
          .toBe(percent === null ? '—' : `${percent}%`);
        await page.screenshot({ path: join(shots, 'athlete-attendance.png'), fullPage: true });
        expect(await seriousViolations(page)).toEqual([]);

        // attendance, one tap each
        await page.goto(`${e2e.app.url}/today`);
        await marks(page, 'Смирнова Анна')
          .getByRole('button', { name: 'Был', exact: true })
          .click();
        await marks(page, 'Петров Иван').getByRole('button', { name: 'Не был' }).click();
        await expect.poll(() => pressed(page, 'Смирнова Анна')).toEqual(['Был']);
        await expect.poll(() => pressed(page, 'Петров Иван')).toEqual(['Не был']);
        // a second tap changes the mark (the same row, one more outbox entry)
        await marks(page, 'Петров Иван').getByRole('button', { name: 'Уваж.' }).click();
        await expect.poll(() => pressed(page, 'Петров Иван')).toEqual(['Уваж.']);
        // the pressed mark tapped again clears it (a mis-tap is taken back), and back
        const annaPresent = marks(page, 'Смирнова Анна').getByRole('button', {
          name: 'Был',
          exact: true,
        });
        await annaPresent.click();
        await expect.poll(() => pressed(page, 'Смирнова Анна')).toEqual([]);
        await annaPresent.click();
        await expect.poll(() => pressed(page, 'Смирнова Анна')).toEqual(['Был']);
        await expect.poll(() => syncStatus(page)).toContain('Не отправлено: 7 изменений');
        await page.screenshot({ path: join(shots, 'today-offline.png'), fullPage: true });
        expect(await seriousViolations(page)).toEqual([]);

        // reload, still offline: everything is read back from the device
        await page.reload();
        await expect.poll(() => pressed(page, 'Смирнова Анна')).toEqual(['Был']);
        await expect.poll(() => pressed(page, 'Петров Иван')).toEqual(['Уваж.']);
        expect(await syncStatus(page)).toContain('Не отправлено: 7 изменений');
        await page.goto(`${e2e.app.url}/roster/${anna}`);
        await expect
          .poll(() => page.getByLabel('Расписание').inputValue())
          .toBe('Вт 18:00, Чт 18:00');
        expect(await page.getByLabel('Разряд на конец сезона').inputValue()).toBe(
          'II юношеский разряд',
        );

        await context.setOffline(false);
        await expect
          .poll(() => syncStatus(page), { timeout: 30_000 })
          .toContain('Все изменения отправлены');
        expect(
          await e2e.app.rows(`select schedule, rank_end from public.athletes where id = $1`, [
            anna,
          ]),
        ).toEqual([{ schedule: 'Вт 18:00, Чт 18:00', rank_end: 'II юношеский разряд' }]);
        expect(
          await e2e.app.rows(
            `select u.email, a.athlete_id::text, a.status from public.attendance a
               join auth.users u on u.id = a.marked_by
              where a.session_id = $1 order by a.athlete_id`,
            [session],
          ),
        ).toEqual([
          { email: 'coach@trackside.test', athlete_id: petrov, status: 'excused' },
          { email: 'coach@trackside.test', athlete_id: anna, status: 'present' },
        ]);
      });

      // the group's second coach sees it all, and marks Анна too: the same row
      await e2e.page('attendance-second-coach', async (page, context) => {
        await signInAt(page, e2e.app.url, 'assistant@trackside.test');
        await page.getByRole('link', { name: 'Сегодня: посещаемость' }).click();
        await expect.poll(() => pressed(page, 'Смирнова Анна')).toEqual(['Был']);
        await expect.poll(() => pressed(page, 'Петров Иван')).toEqual(['Уваж.']);
        await page.screenshot({ path: join(shots, 'today-second-coach.png'), fullPage: true });
        expect(await seriousViolations(page)).toEqual([]);
        await page.goto(`${e2e.app.url}/roster/${anna}`);
        await expect
          .poll(() => page.getByLabel('Расписание').inputValue())
          .toBe('Вт 18:00, Чт 18:00');
        expect(await page.getByLabel('Разряд на конец сезона').inputValue()).toBe(
          'II юношеский разряд',
        );

        await page.goto(`${e2e.app.url}/today`);
        await context.setOffline(true);
        await marks(page, 'Смирнова Анна').getByRole('button', { name: 'Пробное' }).click();
        await expect.poll(() => syncStatus(page)).toContain('Не отправлено: 1 изменение');
        await context.setOffline(false);
        await expect
          .poll(() => syncStatus(page), { timeout: 30_000 })
          .toContain('Все изменения отправлены');
        expect(
          await e2e.app.rows(
            `select u.email, a.status from public.attendance a
               join auth.users u on u.id = a.marked_by
              where a.session_id = $1 and a.athlete_id = $2`,
            [session, anna],
          ),
        ).toEqual([{ email: 'assistant@trackside.test', status: 'trial' }]);
        // converged: nothing was refused as a duplicate
        expect(await e2e.app.rows(`select code from sync.rejections`)).toEqual([]);
      });
    },
  );

  test('two coaches mark the same athlete while both are offline: one row, no conflict', async () => {
    const session = await todaysSession();
    const kuznetsov = 'd4000000-0000-4000-8000-000000000003';
    await e2e.page('attendance-both-offline-coach', async (coach, coachContext) => {
      await e2e.page('attendance-both-offline-assistant', async (assistant, assistantContext) => {
        for (const [page, email] of [
          [coach, 'coach@trackside.test'],
          [assistant, 'assistant@trackside.test'],
        ] as const) {
          await signInAt(page, e2e.app.url, email);
          await page.goto(`${e2e.app.url}/today`);
          await marks(page, 'Кузнецов Артём').waitFor();
          expect(await pressed(page, 'Кузнецов Артём')).toEqual([]);
        }
        await coachContext.setOffline(true);
        await assistantContext.setOffline(true);
        await marks(coach, 'Кузнецов Артём').getByRole('button', { name: 'Не был' }).click();
        await marks(assistant, 'Кузнецов Артём')
          .getByRole('button', { name: 'Был', exact: true })
          .click();
        await expect.poll(() => syncStatus(coach)).toContain('Не отправлено: 1 изменение');
        await expect.poll(() => syncStatus(assistant)).toContain('Не отправлено: 1 изменение');

        // both devices created the row under the same derived id; the later push wins
        await coachContext.setOffline(false);
        await expect
          .poll(() => syncStatus(coach), { timeout: 30_000 })
          .toContain('Все изменения отправлены');
        await assistantContext.setOffline(false);
        await expect
          .poll(() => syncStatus(assistant), { timeout: 30_000 })
          .toContain('Все изменения отправлены');
        expect(
          await e2e.app.rows(
            `select u.email, a.status from public.attendance a join auth.users u on u.id = a.marked_by
              where a.session_id = $1 and a.athlete_id = $2`,
            [session, kuznetsov],
          ),
        ).toEqual([{ email: 'assistant@trackside.test', status: 'present' }]);
        expect(await e2e.app.rows(`select code, message from sync.rejections`)).toEqual([]);
        // and the first coach's device comes round to it on its next sync
        await coach.reload();
        await expect
          .poll(() => pressed(coach, 'Кузнецов Артём'), { timeout: 30_000 })
          .toEqual(['Был']);
      });
    });
  });

  test('a coach downloads the season’s attendance and the roster as XLSX and CSV', async () => {
    await e2e.page('attendance-export', async (page) => {
      await signInAt(page, e2e.app.url, 'coach@trackside.test');
      await page.goto(`${e2e.app.url}/today`);
      await marks(page, 'Смирнова Анна').waitFor();
      // another day is a tap away, and «Сегодня» brings today back
      const today = await page.getByLabel('Дата').inputValue();
      await page.getByRole('button', { name: 'Предыдущий день' }).click();
      await expect.poll(() => page.getByLabel('Дата').inputValue()).not.toBe(today);
      await page.getByRole('button', { name: 'Сегодня', exact: true }).click();
      await expect.poll(() => page.getByLabel('Дата').inputValue()).toBe(today);
      await marks(page, 'Смирнова Анна').waitFor();

      // the season of the page's day: the seed's
      const season = await seededSeason(e2e.app);
      const xlsxButton = page.getByRole('button', { name: `Посещаемость ${season} в Excel` });
      const [xlsx] = await Promise.all([page.waitForEvent('download'), xlsxButton.click()]);
      expect(xlsx.suggestedFilename()).toBe(`attendance-${season}.xlsx`);
      const bytes = readFileSync((await xlsx.path()) ?? '');
      expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
      // entries are stored, so the sheet's XML can be read straight from the bytes
      const body = bytes.toString('utf8');
      expect(body).toContain('xl/worksheets/sheet1.xml');
      expect(body).toContain('<t xml:space="preserve">Смирнова Анна</t>');
      expect(body).toContain('<t xml:space="preserve">Начинающие</t>');
      expect(body).not.toContain('Волков Егор'); // «Спринт» is not this coach's group

      const [csv] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: `Посещаемость ${season} в CSV` }).click(),
      ]);
      const text = readFileSync((await csv.path()) ?? '', 'utf8');
      expect(text.startsWith('\uFEFFСпортсмен;Группа;')).toBe(true);
      // her row ends with her season's figure (an empty cell while nothing counts)
      const percent = await seasonPercent(anna, season);
      expect(text).toMatch(
        new RegExp(`\r\nСмирнова Анна;Начинающие;[^\r\n]*;${percent ?? ''}\r\n`),
      );

      await page.goto(`${e2e.app.url}/roster`);
      await page.getByRole('list', { name: 'Спортсмены' }).getByText('Смирнова Анна').waitFor();
      const [roster] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Состав в CSV' }).click(),
      ]);
      expect(roster.suggestedFilename()).toMatch(/^roster-\d{4}-\d{2}-\d{2}\.csv$/);
      const rosterCsv = readFileSync((await roster.path()) ?? '', 'utf8');
      const lines = rosterCsv.replace('\uFEFF', '').split('\r\n');
      expect(lines[0]).toBe(
        'Спортсмен;Группа;Сезон;Статус;Расписание;Разряд на начало сезона;Разряд на конец сезона;Заметки',
      );
      expect(lines).toContain(
        `Васильев Дмитрий;Начинающие;${await seededSeason(e2e.app)};Активен;;Без разряда;;Пришёл в октябре, пробное занятие`,
      );
      await page.screenshot({ path: join(shots, 'roster-export.png'), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
});
