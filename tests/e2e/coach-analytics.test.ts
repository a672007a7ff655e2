/**
 * The coach's page statistics end to end: a visitor (a desktop Chrome, not a
 * headless one) opens /volkov, buys the demo coach's course through the public
 * checkout and the local test checkout; the test runs the refresh the scheduler
 * runs every minute; the coach signs in and sees that day's funnel step by step,
 * each figure equal to what the database holds — at 360 px in Russian and
 * English and at 1280 px — and the same figures with their date offline. The
 * build keeps the chart library out of the app shell.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../../supabase/local/paths.ts';
import { useE2eStack } from './e2e-stack.ts';
import { demoPassword, phone, seriousViolations } from './page-helpers.ts';

const e2e = useE2eStack();
const shots = '/tmp/shots';
const club = 'd1000000-0000-4000-8000-000000000001';
const volkov = 'd0000000-0000-4000-8000-000000000002';
const courseProduct = 'd7000000-0000-4000-8000-000000000004';
const desktop = { width: 1280, height: 900 };
/**
 * With the ingest function in the tree the visitor's page events are counted too
 * (views ≥ 1); without it only the database-written steps are, and the funnel's
 * top still counts the purchase (a unit counts on every step above the one it reached).
 */
const ingestInTree = existsSync(join(repoRoot, 'supabase', 'functions', 'analytics-ingest'));
/** an ordinary desktop Chrome: the ingest drops headless browsers as bots */
const chromeUserAgent =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

interface DayRow {
  day: string;
  page_views: number;
  checkouts_started: number;
  purchases: number;
  funnels: { buy?: number[] };
}

/** the coach's row for today in the club's zone, as the refresh wrote it */
async function todaysRow(): Promise<DayRow | undefined> {
  const rows = await e2e.app.rows<DayRow>(
    `select d.day::text as day, d.page_views, d.checkouts_started, d.purchases, d.funnels
       from public.coach_analytics_days d
       join public.organizations o on o.id = d.org_id
      where d.coach_id = $1 and d.org_id = $2 and d.deleted_at is null
        and d.day = (now() at time zone o.time_zone)::date`,
    [volkov, club],
  );
  return rows[0];
}

const digits = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

async function signInCoach(page: Page, locale: 'ru' | 'en'): Promise<void> {
  const ru = locale === 'ru';
  await page.goto(`${e2e.app.url}/sign-in`);
  await page.getByLabel('Email').fill('coach@trackside.test');
  await page.getByLabel(ru ? 'Пароль' : 'Password', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: ru ? 'Войти' : 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: ru ? 'Мои организации' : 'My organizations' }).waitFor();
  // found where a coach finds the public page: the home page's coaching links
  await page
    .getByRole('link', { name: ru ? 'Статистика страницы' : 'Page statistics', exact: true })
    .click();
  await page
    .getByRole('heading', { name: ru ? 'Статистика страницы' : 'Page statistics', level: 1 })
    .waitFor();
  await page.getByText(ru ? /^Данные на \d+ \S+, \d\d:\d\d$/ : /^Figures as of /).waitFor();
}

/** narrows the dashboard to one day with the custom range */
async function showDay(page: Page, day: string, locale: 'ru' | 'en'): Promise<void> {
  const ru = locale === 'ru';
  await page.getByRole('button', { name: ru ? 'Свои даты' : 'Custom dates' }).click();
  await page.getByLabel(ru ? 'С' : 'From', { exact: true }).fill(day);
  await page.getByLabel(ru ? 'По' : 'To', { exact: true }).fill(day);
  await page.getByRole('button', { name: ru ? 'Показать' : 'Show', exact: true }).click();
}

/** the buy funnel's counts as the page shows them, step by step */
async function buyFunnel(page: Page): Promise<number[]> {
  const steps = page.locator('[data-funnel="buy"] ol.steps li');
  await steps.first().waitFor();
  return (await steps.locator('.count').allTextContents()).map((t) => digits(t));
}

async function tile(page: Page, label: string): Promise<number> {
  const value = page
    .locator('li.tile')
    .filter({ has: page.locator('.label', { hasText: new RegExp(`^${label}$`) }) })
    .locator('.value');
  return digits(await value.textContent());
}

/** JavaScript files a page reaches by static imports from index.html: the app shell */
function shellFiles(dir: string): Set<string> {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    // `import{…}from"./x.js"` and `import"./x.js"`, never `import("./x.js")`
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+\.js)["']/g)) {
      visit(join(file, '..', m[1] ?? ''));
    }
  };
  for (const m of html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)) visit(m[1] ?? '');
  return seen;
}

describe('coach analytics', () => {
  test('the chart library is in a chunk of its own, outside the app shell', () => {
    const dir = e2e.app.outDir;
    const shell = shellFiles(dir);
    expect(shell.size).toBeGreaterThan(0);
    // Chart.js marks the data arrays it watches with `_chartjs`: a string only its code has
    const all = readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js'));
    const charted = all.filter((f) =>
      readFileSync(join(dir, 'assets', f), 'utf8').includes('_chartjs'),
    );
    expect(charted.length).toBeGreaterThan(0);
    expect([...shell].filter((f) => charted.includes(f.replace(/^assets\//, '')))).toEqual([]);
  });

  test('a visitor buys on /volkov; the coach sees that day step by step, offline too (ru, 360 px)', async () => {
    mkdirSync(shots, { recursive: true });
    const before = await todaysRow();
    const [{ started } = { started: '' }] = await e2e.app.rows<{ started: string }>(
      'select now()::text as started',
    );

    const visitor = await e2e.newContext({
      viewport: desktop,
      locale: 'ru-RU',
      userAgent: chromeUserAgent,
    });
    try {
      const page = await visitor.newPage();
      await page.goto(`${e2e.app.url}/volkov`);
      await page.locator(`a[href="/checkout/${courseProduct}"]`).first().click();
      await page.waitForURL(new RegExp(`/checkout/${courseProduct}`));
      await page.getByLabel('Ваше имя').fill('Пётр Зритель');
      await page.getByLabel('Эл. почта').fill('petr.visitor@example.test');
      await page.getByRole('button', { name: /Перейти к оплате/ }).click();
      await page.getByRole('heading', { name: 'Тестовая оплата' }).waitFor();
      await page.getByRole('button', { name: 'Оплатить', exact: true }).click();
      await page.getByRole('heading', { name: 'Спасибо, оплата прошла' }).waitFor();
      if (ingestInTree) {
        // the page's beacon went when the visitor left /volkov for the checkout
        await expect
          .poll(
            async () =>
              (
                await e2e.app.rows<{ n: number }>(
                  `select count(*)::int as n from analytics.events
                    where coach_id = $1 and name = 'page_view' and received_at >= $2::timestamptz`,
                  [volkov, started],
                )
              )[0]?.n ?? 0,
            { timeout: 20_000 },
          )
          .toBeGreaterThanOrEqual(1);
      }
    } finally {
      await visitor.close();
    }

    // what the scheduler does every minute, now
    await e2e.app.exec('select analytics.refresh_coach_days()');
    const row = await todaysRow();
    if (!row) throw new Error('no row for today after the refresh');
    expect(row.purchases).toBe((before?.purchases ?? 0) + 1);
    if (ingestInTree) expect(row.page_views).toBeGreaterThanOrEqual(1);
    const buy = row.funnels.buy ?? [];
    expect(buy).toHaveLength(3);
    // a step counts every unit that reached it or a later one: the purchase is on each step
    expect(buy[0]).toBeGreaterThanOrEqual(1);
    expect(buy[1]).toBeGreaterThanOrEqual(1);
    expect(buy[2]).toBeGreaterThanOrEqual(1);

    await e2e.page(
      'coach-analytics-ru',
      async (page, context) => {
        await signInCoach(page, 'ru');
        await showDay(page, row.day, 'ru');
        await expect.poll(() => buyFunnel(page), { timeout: 20_000 }).toEqual(buy);
        expect(await tile(page, 'Покупки')).toBe(row.purchases);
        expect(await tile(page, 'Просмотры страницы')).toBe(row.page_views);
        expect(await tile(page, 'Начатые оплаты')).toBe(row.checkouts_started);
        const steps = page.locator('[data-funnel="buy"] ol.steps');
        expect(await steps.textContent()).toContain('Оплатили');
        expect(await steps.textContent()).toContain('от предыдущего');
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: join(shots, 'coach-360-ru.png'), fullPage: true });

        // the CSV holds the day and the total, the same figures
        const download = page.waitForEvent('download');
        await page.getByRole('button', { name: 'Скачать CSV' }).click();
        const file = await download;
        expect(file.suggestedFilename()).toBe(`статистика-${row.day}-${row.day}.csv`);
        const lines = readFileSync(await file.path(), 'utf8')
          .replace(/^\uFEFF/, '')
          .split('\r\n');
        expect(lines[0]?.split(';').slice(0, 3)).toEqual([
          'День',
          'Просмотры страницы',
          'Посетители за день',
        ]);
        expect(lines[1]?.split(';')[0]).toBe(row.day);
        expect(lines[2]?.split(';')[0]).toBe('Итого');
        expect(Number(lines[2]?.split(';')[7])).toBe(row.purchases);

        // offline after the first sync: the same figures, with their date
        await page.getByRole('button', { name: '30 дней' }).click();
        const views30 = await tile(page, 'Просмотры страницы');
        const asOf = await page.getByText(/^Данные на /).textContent();
        await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
        await context.setOffline(true);
        await page.reload();
        await page.getByText('Нет сети: показаны последние полученные данные.').waitFor();
        expect(await page.getByText(/^Данные на /).textContent()).toBe(asOf);
        expect(await tile(page, 'Просмотры страницы')).toBe(views30);
        await page.locator('ts-chart-figure canvas').first().waitFor();
        await page.screenshot({ path: join(shots, 'coach-360-ru-offline.png'), fullPage: true });
        await context.setOffline(false);
      },
      { viewport: phone },
    );
  }, 240_000);

  test('in English at 360 px and 1280 px, in Russian at 1280 px: the same figures', async () => {
    const row = await todaysRow();
    if (!row) throw new Error('no row for today: the test before buys and refreshes');
    const buy = row.funnels.buy ?? [];
    const words = {
      en: {
        purchases: 'Purchases',
        paid: 'Paid',
        rate: 'of the previous step',
        daily: 'Daily visitors',
        funnels: 'Funnels',
      },
      ru: {
        purchases: 'Покупки',
        paid: 'Оплатили',
        rate: 'от предыдущего',
        daily: 'Посетители по дням',
        funnels: 'Воронки',
      },
    } as const;
    const runs = [
      { viewport: phone, locale: 'en' },
      { viewport: desktop, locale: 'en' },
      { viewport: desktop, locale: 'ru' },
    ] as const;
    for (const { viewport, locale } of runs) {
      const w = words[locale];
      await e2e.page(
        `coach-analytics-${locale}-${viewport.width}`,
        async (page) => {
          await signInCoach(page, locale);
          if (viewport === desktop && locale === 'en') {
            // the README's picture: the default range, the seed's sixty days of figures
            await page.getByRole('heading', { name: w.funnels }).waitFor();
            await page.locator('ts-chart-figure canvas').first().waitFor();
            mkdirSync(join(repoRoot, 'docs'), { recursive: true });
            // a tall window, so the figures, the daily chart and the first funnel fit above the tab bar
            await page.setViewportSize({ width: desktop.width, height: 1900 });
            await page.screenshot({ path: join(repoRoot, 'docs', 'coach-analytics.png') });
            await page.setViewportSize(desktop);
          }
          await showDay(page, row.day, locale);
          await expect.poll(() => buyFunnel(page), { timeout: 20_000 }).toEqual(buy);
          expect(await tile(page, w.purchases)).toBe(row.purchases);
          const steps = page.locator('[data-funnel="buy"] ol.steps');
          expect(await steps.textContent()).toContain(w.paid);
          expect(await steps.textContent()).toContain(w.rate);
          await page.getByText(w.daily, { exact: true }).first().waitFor();
          expect(await seriousViolations(page)).toEqual([]);
          await page.screenshot({
            path: join(shots, `coach-${viewport.width}-${locale}.png`),
            fullPage: true,
          });
        },
        { viewport, locale: locale === 'en' ? 'en-US' : 'ru-RU' },
      );
    }
  }, 240_000);
});
