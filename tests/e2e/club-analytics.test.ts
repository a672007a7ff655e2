/**
 * The club dashboard at 360 px, in Russian and English, against the seeded
 * local stack: the demo club's owner opens «Аналитика» among the admin screens
 * and sees the figures — members over the year, attendance by group, new ranks,
 * revenue by product — with the cells from fewer than 5 people (and their
 * complements) hidden and explained; offline after the first sync the same
 * figures show with the time they last changed. A coach gets the admins-only
 * message. What to expect is read from the database, never from the calendar.
 *
 * Revenue: seven members buy one item each this month — six the club's T-shirt,
 * one a cap — so the cap (1 buyer) is hidden, the T-shirt (6) is hidden with it
 * (otherwise the total minus the T-shirt is the cap), and the total stands.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { formatMoney } from '../../src/domain/money.ts';
import { useE2eStack } from './e2e-stack.ts';
import { demoPassword, fitsWidth, seriousViolations } from './page-helpers.ts';

const start = 'd1000000-0000-4000-8000-000000000001';
const startName = 'Лёгкоатлетический клуб «Старт»';
const shots = '/tmp/shots';

const e2e = useE2eStack();

interface CellRow {
  figure: string;
  period: string;
  dimension: string;
  value: string | null;
  suppressed: boolean;
}

async function liveCells(): Promise<CellRow[]> {
  return e2e.app.rows<CellRow>(
    `select figure, period, dimension, value::text as value, suppressed
       from public.club_analytics_cells
      where org_id = $1 and deleted_at is null order by figure, period, dimension`,
    [start],
  );
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${shots}/club-${name}.png`, fullPage: true });
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  // one statement per call (the test database's exec prepares each)
  await e2e.app.exec(`
    insert into public.products (id, org_id, kind, name, price_minor, currency) values
      ('d7000000-0000-4000-8000-0000000000c1', '${start}', 'product', 'Шапка клуба', 90000, 'RUB')
  `);
  await e2e.app.exec(`
    insert into auth.users (instance_id, id, aud, role, email, raw_app_meta_data, raw_user_meta_data,
                            created_at, updated_at)
    select '00000000-0000-0000-0000-000000000000', ('c1000000-0000-4000-8000-00000000000' || n)::uuid,
           'authenticated', 'authenticated', 'club-buyer-' || n || '@example.test', '{}'::jsonb,
           jsonb_build_object('display_name', 'Покупатель ' || n), now(), now()
      from generate_series(1, 7) n
  `);
  await e2e.app.exec(`
    insert into public.purchases (org_id, user_id, product_id, kind, product_name, amount_minor, currency,
                                  status, paid_at)
    select '${start}', ('c1000000-0000-4000-8000-00000000000' || n)::uuid, p.id, p.kind, p.name,
           p.price_minor, p.currency, 'paid', now()
      from generate_series(1, 7) n
      join public.products p on p.id = case when n <= 6 then 'd7000000-0000-4000-8000-000000000003'::uuid
                                            else 'd7000000-0000-4000-8000-0000000000c1'::uuid end
  `);
  await e2e.app.exec(`
    select private.refresh_club_analytics()
  `);
});

describe('club analytics', () => {
  test('the owner sees the figures and the hidden cells, and offline the same with their date', async () => {
    const cells = await liveCells();
    const hidden = cells.filter((c) => c.suppressed).length;
    const members = cells.filter((c) => c.figure === 'members');
    const latestMembers = members.at(-1);
    const revenue = cells.filter((c) => c.figure === 'revenue');
    const revenueTotal = revenue.find((c) => c.dimension === '');
    // the seed's figures give something to see and something hidden in every section that has cells
    expect(latestMembers?.suppressed).toBe(false);
    expect(members.some((c) => c.suppressed)).toBe(true);
    expect(cells.filter((c) => c.figure === 'rank_progression').every((c) => c.suppressed)).toBe(
      true,
    );
    expect(revenue.filter((c) => c.suppressed).length).toBe(2);
    expect(revenueTotal?.value).toBe('990000');

    await e2e.asUser('club-ru', 'admin@trackside.test', async (page) => {
      // from the home page's admin links, then back among the admin screens and here again
      const manage = page.getByRole('navigation', { name: `Управление: ${startName}` });
      await manage.getByRole('link', { name: 'Аналитика' }).click();
      await page.getByRole('heading', { name: 'Аналитика клуба' }).waitFor();
      await manage.getByRole('link', { name: 'Группы' }).click();
      await page.getByRole('heading', { name: 'Группы', exact: true }).waitFor();
      await manage.getByRole('link', { name: 'Аналитика' }).click();
      await page.getByRole('heading', { name: 'Аналитика клуба' }).waitFor();

      const membersSection = page.locator('section[data-figure="members"]');
      const newest = membersSection.locator('tbody tr').first().locator('td');
      await expect.poll(() => newest.textContent()).toBe(String(latestMembers?.value));
      await membersSection.locator('ts-chart-figure canvas').waitFor({ state: 'attached' });
      // the page's own tables (a chart's folded table says «скрыто» too, out of sight)
      await expect
        .poll(() => page.getByText('скрыто', { exact: true }).filter({ visible: true }).count())
        .toBe(hidden);
      await page.getByText('«Скрыто» — число посчитано меньше чем по 5 людям').waitFor();
      await page.getByText('«Скрыто» — меньше 5 человек').first().waitFor();

      const revenueSection = page.locator('section[data-figure="revenue"]');
      await revenueSection.getByRole('heading', { name: 'Выручка по товарам' }).waitFor();
      expect(
        await revenueSection.getByText('скрыто', { exact: true }).filter({ visible: true }).count(),
      ).toBe(2);
      const total = formatMoney(990000, 'RUB', 'ru-RU');
      expect(await revenueSection.locator('tbody').textContent()).toContain(total);
      await page.getByText('Числа последний раз менялись:').waitFor();

      expect(await seriousViolations(page)).toEqual([]);
      expect(await fitsWidth(page)).toBe(true);
      await shot(page, 'ru');

      // offline after the first sync: the same figures, from the device, with their date
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      await page.context().setOffline(true);
      await page.reload();
      await page.getByRole('heading', { name: 'Аналитика клуба' }).waitFor();
      await page.getByText('Нет сети: показаны числа, сохранённые на устройстве').waitFor();
      await expect.poll(() => newest.textContent()).toBe(String(latestMembers?.value));
      // the page's own tables (a chart's folded table says «скрыто» too, out of sight)
      await expect
        .poll(() => page.getByText('скрыто', { exact: true }).filter({ visible: true }).count())
        .toBe(hidden);
      await shot(page, 'ru-offline');
      await page.context().setOffline(false);
    });
  });

  test('in English: the same figures, hidden ones explained', async () => {
    const hidden = (await liveCells()).filter((c) => c.suppressed).length;
    await e2e.page(
      'club-en',
      async (page) => {
        await page.goto(`${e2e.app.url}/sign-in`);
        await page.getByLabel('Email').fill('admin@trackside.test');
        await page.getByLabel('Password', { exact: true }).fill(demoPassword);
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await page.getByRole('heading', { name: 'My organizations' }).waitFor();
        await page.goto(`${e2e.app.url}/org/${start}/analytics`);
        await page.getByRole('heading', { name: 'Club analytics' }).waitFor();
        await page.getByRole('heading', { name: 'Club athletes' }).waitFor();
        await expect
          .poll(() => page.getByText('hidden', { exact: true }).filter({ visible: true }).count())
          .toBe(hidden);
        await page.getByText('“Hidden” means the figure comes from fewer than 5 people').waitFor();
        await page.getByText('Figures last changed:').waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        expect(await fitsWidth(page)).toBe(true);
        await shot(page, 'en');
      },
      { locale: 'en-US' },
    );
  });

  test('a coach of the club gets the admins-only message, not the figures', async () => {
    await e2e.asUser('club-coach', 'coach@trackside.test', async (page) => {
      await page.goto(`${e2e.app.url}/org/${start}/analytics`);
      await page.getByText('Этот раздел — только для администраторов и владельцев').waitFor();
      expect(await page.locator('section[data-figure]').count()).toBe(0);
    });
  });
});
