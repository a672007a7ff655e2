/**
 * The athlete's day at 360 px against the seeded local stack, in Russian and in
 * English: the demo athlete opens the app, goes offline, reloads and still sees
 * «Тренировка на сегодня» first on the home page, marks it done with RPE 6 and a
 * comment (pending on the device), goes online and the log reaches the server.
 * The plan is made here through SQL: a 4-week template of the demo coach given to
 * «Начинающие» from yesterday (the club's date at the seed's instant), so today
 * is week 1, day 2; the athlete's copy keeps week 2 locked, as a sold plan does.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { addDays } from '../../src/domain/zoned-time.ts';
import { useE2eStack } from './e2e-stack.ts';
import { demoPassword, seriousViolations, syncStatus } from './page-helpers.ts';
import { beginners, clubDate } from './seed-facts.ts';

const petrov = 'd4000000-0000-4000-8000-000000000001';
const club = 'd1000000-0000-4000-8000-000000000001';
const coach = 'd0000000-0000-4000-8000-000000000002';
const template = 'b7000000-0000-4000-8000-000000000001';
const shots = '/tmp/shots';

const e2e = useE2eStack();
/** the club's date at the seed's instant: the athlete's «today» */
let today: string;

/** Петров's copy of a workout of the template, by its title */
async function workoutId(title: string): Promise<string> {
  const rows = await e2e.app.rows<{ id: string }>(
    `select w.id::text from public.plan_workouts w join public.training_plans p on p.id = w.plan_id
      where p.athlete_id = $1 and p.source_plan_id = $2 and w.title = $3`,
    [petrov, template, title],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error(`no copy of «${title}» for Петров`);
  return id;
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  today = await clubDate(e2e.app, e2e.now);
  // one statement a call: the owner's connection runs them as prepared statements
  for (const sql of [
    `insert into public.training_plans (id, org_id, coach_id, title, kind, weeks)
    values ('${template}', '${club}', '${coach}', 'Зимняя база', 'template', 4)`,
    `insert into public.plan_workouts
      (org_id, plan_id, week, day, position, type, title, duration_min, distance_m, intensity,
       pace_s_per_km, hr_zone, rpe, notes)
    values
      ('${club}', '${template}', 1, 2, 0, 'intervals', 'Интервалы 6×400', 50, 2400, 'pace',
       80 * 3 + 30, null, null, 'Отдых между отрезками — 2 минуты трусцой.'),
      ('${club}', '${template}', 1, 2, 1, 'strength', 'Кор и стопы', 20, null, 'rpe',
       null, null, 5, ''),
      ('${club}', '${template}', 1, 4, 0, 'run', 'Лёгкий кросс', 40, null, 'hr_zone',
       null, 2, null, ''),
      ('${club}', '${template}', 2, 1, 0, 'run', 'Длительный', 70, 12000, 'hr_zone',
       null, 2, null, '')`,
    `insert into public.plan_assignments (org_id, plan_id, group_id, start_date, created_by)
    values ('${club}', '${template}', '${beginners}', '${addDays(today, -1)}', '${coach}')`,
    `update public.training_plans set unlocked_weeks = 1
     where athlete_id = '${petrov}' and source_plan_id = '${template}'`,
  ]) {
    await e2e.app.exec(sql);
  }
});

/** today's workout card on the home page, by its title */
function card(page: Page, title: string) {
  return page.getByRole('listitem').filter({ has: page.getByText(title, { exact: true }) });
}

interface Words {
  heading: string;
  mark: string;
  rpe: string;
  comment: string;
  save: string;
  done: string;
  pending: string;
  unsent: string;
  sent: string;
  locked: RegExp;
}

async function markDoneOffline(page: Page, title: string, words: Words, shot: string) {
  const context = page.context();
  await page.getByRole('heading', { name: words.heading, level: 2 }).waitFor();
  await card(page, title).waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));

  // offline: a fresh start reads the day from the device
  await context.setOffline(true);
  await page.reload();
  const workout = card(page, title);
  await workout.waitFor();
  // the workout of the day comes before the rest of the home page
  const order = await page.evaluate(() => {
    const home = document.querySelector('app-root')?.shadowRoot?.querySelector('home-page');
    const tags = [...(home?.shadowRoot?.children ?? [])].map((e) => e.tagName.toLowerCase());
    return tags.indexOf('today-workout') < tags.indexOf('home-hub');
  });
  expect(order).toBe(true);
  // the sold plan's next week is named with the day it opens
  await expect
    .poll(() => page.locator('today-workout ts-notice').first().textContent())
    .toMatch(words.locked);

  await workout.getByRole('button', { name: words.mark }).click();
  await workout.getByLabel(words.rpe).selectOption('6');
  await workout.getByLabel(words.comment).fill('Последний отрезок тяжело');
  await workout.getByRole('button', { name: words.save }).click();
  await workout.getByText(words.done, { exact: true }).waitFor();
  await workout.getByText('RPE 6', { exact: true }).waitFor();
  await workout.getByText(words.pending).waitFor();
  await expect.poll(() => syncStatus(page)).toContain(words.unsent);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `${shots}/athlete-day-${shot}-offline.png`, fullPage: true });

  // back online the outbox pushes the log
  await context.setOffline(false);
  await expect.poll(() => syncStatus(page), { timeout: 30_000 }).toContain(words.sent);
  await expect.poll(() => workout.getByText(words.pending).count()).toBe(0);
  await page.screenshot({ path: `${shots}/athlete-day-${shot}-synced.png`, fullPage: true });
}

describe('the athlete’s day at 360 px', () => {
  test('offline, the athlete sees today’s workout, marks it done with RPE 6, and it syncs', async () => {
    const id = await workoutId('Интервалы 6×400');
    await e2e.asUser('athlete-day-ru', 'athlete@trackside.test', async (page) => {
      const workout = card(page, 'Интервалы 6×400');
      await workout.getByText('50 мин · 2.4 км · темп 4:30 /км').waitFor();
      await workout.getByText('Отдых между отрезками — 2 минуты трусцой.').waitFor();
      await card(page, 'Кор и стопы').getByText('20 мин · RPE 5').waitFor();
      await markDoneOffline(
        page,
        'Интервалы 6×400',
        {
          heading: 'Тренировка на сегодня',
          mark: 'Выполнил',
          rpe: 'Нагрузка по ощущениям (RPE 1–10)',
          comment: 'Комментарий тренеру',
          save: 'Сохранить',
          done: 'Выполнено',
          pending: 'Ждёт отправки',
          unsent: 'Не отправлено: 1 изменение',
          sent: 'Все изменения отправлены',
          locked: /Неделя 2 откроется \d+ декабря/,
        },
        'ru',
      );
    });
    expect(
      await e2e.app.rows(
        `select status, rpe, comment, logged_on::text, athlete_id::text from public.workout_logs where id = $1`,
        [id],
      ),
    ).toEqual([
      {
        status: 'done',
        rpe: 6,
        comment: 'Последний отрезок тяжело',
        logged_on: today,
        athlete_id: petrov,
      },
    ]);
  });

  test('in English too', async () => {
    const id = await workoutId('Кор и стопы');
    await e2e.page(
      'athlete-day-en',
      async (page) => {
        await page.goto(`${e2e.app.url}/sign-in`);
        await page.getByLabel('Email').fill('athlete@trackside.test');
        await page.getByLabel('Password', { exact: true }).fill(demoPassword);
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await page.getByRole('heading', { name: 'My organizations' }).waitFor();
        await card(page, 'Кор и стопы').getByText('20 min · RPE 5').waitFor();
        await markDoneOffline(
          page,
          'Кор и стопы',
          {
            heading: "Today's workout",
            mark: 'Done it',
            rpe: 'Perceived effort (RPE 1–10)',
            comment: 'Comment for the coach',
            save: 'Save',
            done: 'Done',
            pending: 'Waiting to sync',
            unsent: 'Not sent: 1 change',
            sent: 'All changes sent',
            locked: /Week 2 opens on \d+ December/,
          },
          'en',
        );
      },
      { locale: 'en-US' },
    );
    expect(
      await e2e.app.rows(`select status, rpe from public.workout_logs where id = $1`, [id]),
    ).toEqual([{ status: 'done', rpe: 6 }]);
  });
});
