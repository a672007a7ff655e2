/**
 * An athlete's report end to end at 360 px, in Russian and English: the demo
 * coach opens Петров Иван's page, follows «Отчёт», sees this season's attendance
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
    test(`the coach opens it, sees the chart and downloads PDF and XLSX (${locale})`, async () => {
      const ru = locale === 'ru';
      const percent = await seasonPercent();
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
