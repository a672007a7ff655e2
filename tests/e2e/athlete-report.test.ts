/**
 * An athlete's report end to end at 360 px, in Russian and English: the demo
 * coach opens Петров Иван’s page, follows «Отчёт», sees this season's attendance
 * as the database counts it and the chart by month, and downloads the PDF and the
 * XLSX (the bytes checked: a PDF header, a workbook holding the athlete's name),
 * and again with the network off.
 * The athlete opens the same report from their own page.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { unzipStored } from '../../src/domain/unzip-stored.ts';
import { useE2eStack } from './e2e-stack.ts';
import { demoPassword, phone, seriousViolations } from './page-helpers.ts';
import { clubDate, seededSeason } from './seed-facts.ts';

const e2e = useE2eStack();
const shots = '/tmp/shots';
/** Петров Иван, «Начинающие» (supabase/seed.sql) */
const petrov = 'd4000000-0000-4000-8000-000000000001';
const club = 'd1000000-0000-4000-8000-000000000001';
/** Игорь Волков, coach@ */
const volkov = 'd0000000-0000-4000-8000-000000000002';

/** this season's attendance percentage of Петров Иван, counted here from the marks */
async function seasonPercent(): Promise<number | null> {
  const season = await seededSeason(e2e.app);
  const today = await clubDate(e2e.app, e2e.now);
  const rows = await e2e.app.rows<{ status: string; n: string }>(
    `select a.status, count(*)::text as n
       from public.attendance a
       join public.training_sessions s on s.id = a.session_id
      where a.athlete_id = $1 and a.deleted_at is null
        and s.local_date between $2::date and least($3::date, $4::date)
      group by a.status`,
    [petrov, `${season.slice(0, 4)}-09-01`, `${season.slice(5)}-08-31`, today],
  );
  const n = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  const counted = n('present') + n('trial') + n('absent');
  return counted === 0 ? null : Math.round((100 * (n('present') + n('trial'))) / counted);
}

/**
 * A plan copy for Петров Иван starting two days before the seed's day: a run
 * (done), a rest day and intervals today (skipped) — two workouts due, one done.
 * Ids of this test's own (e7…); written once, both languages read it.
 */
async function seedPlan(today: string): Promise<string> {
  const start = await e2e.app.rows<{ d: string }>(`select ($1::date - 2)::text as d`, [today]);
  const from = start[0]?.d ?? today;
  const plan = 'e7000000-0000-4000-8000-000000000001';
  const [run, rest, intervals] = ['11', '12', '13'].map(
    (n) => `e7000000-0000-4000-8000-0000000000${n}`,
  );
  await e2e.app.rows(
    `insert into public.training_plans (id, org_id, coach_id, title, kind, athlete_id, start_date, weeks)
     values ($1, $2, $3, 'Осенний блок', 'athlete', $4, $5::date, 4) on conflict (id) do nothing`,
    [plan, club, volkov, petrov, from],
  );
  await e2e.app.rows(
    `insert into public.plan_workouts (id, org_id, plan_id, week, day, type)
     values ($1, $4, $5, 1, 1, 'run'), ($2, $4, $5, 1, 2, 'rest'), ($3, $4, $5, 1, 3, 'intervals')
     on conflict (id) do nothing`,
    [run, rest, intervals, club, plan],
  );
  // the demo seed also gives Петров the group's «База: 8 недель» with a workout every day; as a
  // cancelled assignment's copy it is archived, and the report counts this plan alone
  await e2e.app.rows(
    `update public.training_plans set status = 'archived'
      where athlete_id = $1 and kind = 'athlete' and id <> $2 and status = 'active'`,
    [petrov, plan],
  );
  await e2e.app.rows(
    `insert into public.workout_logs (id, org_id, workout_id, athlete_id, status, logged_on)
     values ($1, $3, $1, $4, 'done', $5::date), ($2, $3, $2, $4, 'skipped', $6::date)
     on conflict (id) do nothing`,
    [run, intervals, club, petrov, from, today],
  );
  return from;
}

async function signInAs(page: Page, email: string, ru: boolean): Promise<void> {
  await page.goto(`${e2e.app.url}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(ru ? 'Пароль' : 'Password', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: ru ? 'Войти' : 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: ru ? 'Мои организации' : 'My organizations' }).waitFor();
}

async function download(page: Page, name: string): Promise<{ file: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  return { file: file.suggestedFilename(), bytes: readFileSync((await file.path()) ?? '') };
}

describe('an athlete’s report', () => {
  for (const locale of ['ru', 'en'] as const) {
    test(`the coach opens it, sees the chart and plan compliance, downloads PDF and XLSX (${locale})`, async () => {
      const ru = locale === 'ru';
      const percent = await seasonPercent();
      const today = await clubDate(e2e.app, e2e.now);
      const planFrom = await seedPlan(today);
      mkdirSync(shots, { recursive: true });
      await e2e.page(
        `report-${locale}`,
        async (page, context) => {
          await signInAs(page, 'coach@trackside.test', ru);
          await page.goto(`${e2e.app.url}/roster/${petrov}`);
          await page.getByRole('heading', { name: 'Петров Иван', level: 1 }).waitFor();
          await page.getByRole('link', { name: ru ? 'Отчёт' : 'Report', exact: true }).click();
          await page
            .getByRole('heading', { name: ru ? 'Отчёт: Петров Иван' : 'Report: Петров Иван' })
            .waitFor();
          expect(new URL(page.url()).pathname).toBe(`/roster/${petrov}/report`);

          // this season, as the database counts it
          await expect
            .poll(() =>
              page
                .getByRole('button', { name: ru ? 'Этот сезон' : 'This season' })
                .getAttribute('aria-pressed'),
            )
            .toBe('true');
          const tile = page.locator('[data-figure=attendance] .value');
          await expect.poll(() => tile.textContent()).toBe(percent === null ? '—' : `${percent}%`);
          await page.locator('ts-chart-figure canvas').waitFor({ state: 'attached' });
          await expect
            .poll(() => page.locator('ts-chart-figure figcaption').textContent())
            .toBe(ru ? 'По месяцам, %' : 'By month, %');
          expect(
            await page.evaluate(() => document.documentElement.scrollWidth),
          ).toBeLessThanOrEqual(phone.width);
          expect(await seriousViolations(page)).toEqual([]);
          await page.screenshot({ path: `${shots}/reports-${locale}.png`, fullPage: true });

          const pdf = await download(page, ru ? 'Скачать PDF' : 'Download PDF');
          expect(pdf.file).toMatch(/^report-Петров-Иван-\d{4}-09-01-\d{4}-08-31\.pdf$/);
          expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
          expect(pdf.bytes.length).toBeGreaterThan(5_000);

          const xlsx = await download(page, ru ? 'Скачать XLSX' : 'Download XLSX');
          expect(xlsx.file).toMatch(/\.xlsx$/);
          const sheet = new TextDecoder().decode(
            unzipStored(new Uint8Array(xlsx.bytes)).get('xl/worksheets/sheet1.xml'),
          );
          expect(sheet).toContain('>Петров Иван<');
          expect(sheet).toContain(ru ? '>Посещаемость, %<' : '>Attendance, %<');

          // custom dates: the plan's three days, two workouts due (the rest day is not), one done
          await page.getByRole('button', { name: ru ? 'Свои даты' : 'Custom dates' }).click();
          await page.getByLabel(ru ? 'С' : 'From', { exact: true }).fill(planFrom);
          await page.getByLabel(ru ? 'По' : 'To', { exact: true }).fill(today);
          const plan = page.locator('[data-figure=plan]');
          await expect.poll(() => plan.locator('.value').textContent()).toBe('50%');
          expect(await plan.locator('.hint').textContent()).toBe(
            ru ? 'Выполнено 1 из 2, пропущено 1' : 'Done 1 of 2, skipped 1',
          );
          // a reversed period is refused with a message and changes nothing
          await page.getByLabel(ru ? 'С' : 'From', { exact: true }).fill('2099-01-01');
          await page
            .getByText(ru ? 'Дата «с» позже даты «по».' : 'The “from” date is after the “to” date.')
            .waitFor();
          expect(await plan.locator('.value').textContent()).toBe('50%');
          await page.screenshot({ path: `${shots}/reports-custom-${locale}.png`, fullPage: true });
          if (!ru) return;

          // offline: the page, its figures and the PDF (its fonts precached) all come from the device
          await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
          await context.setOffline(true);
          await page.reload();
          await expect.poll(() => tile.textContent()).toBe(percent === null ? '—' : `${percent}%`);
          const offline = await download(page, 'Скачать PDF');
          expect(offline.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
          await context.setOffline(false);
        },
        { viewport: phone, locale: ru ? 'ru-RU' : 'en-US' },
      );
    });
  }

  test('the athlete opens their own report from their page', async () => {
    await e2e.page('report-athlete', async (page) => {
      await signInAs(page, 'athlete@trackside.test', true);
      await page.goto(`${e2e.app.url}/me`);
      await page.getByRole('link', { name: 'Мой отчёт: посещаемость и результаты' }).click();
      await page.getByRole('heading', { name: 'Отчёт: Петров Иван' }).waitFor();
      await page.locator('[data-figure=attendance] .value').waitFor();
      await page.screenshot({ path: `${shots}/reports-athlete.png`, fullPage: true });
      await page.getByRole('link', { name: 'К моей странице' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/me');
    });
  });
});
