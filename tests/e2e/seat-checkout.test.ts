/**
 * A club buys a seat pool through checkout, at 360 px, against the seeded local
 * stack: «Юность»'s owner (youth@) opens the club's seats, picks «Старт»'s plan
 * «База: 8 недель» (2 900 ₽), asks for 25 seats and sees the volume price (−10 %
 * for 20–49 seats: 2 610 ₽ a seat, 65 250 ₽ in all), pays on the local test
 * checkout (a signed event to the real webhook) and, back on the page, finds the
 * new pool with 0 of 25 seats taken — and no copy of the plan for themselves. In
 * English, the quote and the tiers read the same.
 */
import { mkdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { useE2eStack } from './e2e-stack.ts';
import { demoPassword, fitsWidth, seriousViolations } from './page-helpers.ts';

const e2e = useE2eStack();
mkdirSync('/tmp/shots', { recursive: true });

const youth = 'fa100000-0000-4000-8000-000000000003';
const product = 'a7300000-0000-4000-8000-000000000001';
const spaces = (s: string | null) => (s ?? '').replace(/\s+/g, ' ');

describe('a club buys seats through checkout', () => {
  test('360 px, Russian: 25 seats at −10 %, paid on the test checkout, the pool shows 0 of 25', async () => {
    await e2e.asUser('seat-checkout-ru', 'youth@trackside.test', async (page) => {
      await page.goto(`${e2e.app.url}/org/${youth}/seats`);
      await page.getByRole('heading', { name: 'Места в планах', level: 1 }).waitFor();
      const form = page.locator('seat-buy-form');
      await form.getByRole('heading', { name: 'Купить места' }).waitFor();
      await form.getByLabel('План').selectOption(product);
      await form.getByLabel('Сколько мест').fill('25');
      const quote = form.getByTestId('seat-quote');
      expect(spaces(await quote.getByTestId('seat-tier').textContent()).trim()).toBe(
        '−10 % (20–49 мест)',
      );
      expect(spaces(await quote.getByTestId('seat-price').textContent())).toBe('2 610,00 ₽');
      expect(spaces(await quote.getByTestId('seat-total').textContent())).toBe('65 250,00 ₽');
      expect(await fitsWidth(page)).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: '/tmp/shots/seat-checkout-quote-ru.png', fullPage: true });

      await form.getByRole('button', { name: /^Оплатить 65\s250,00\s₽$/ }).click();
      // the local test checkout stands in for Stripe's page: the plan and the total
      await page.getByRole('heading', { name: 'Тестовая оплата' }).waitFor();
      expect(spaces(await page.textContent('body'))).toContain('65 250,00 ₽');
      await page.getByRole('button', { name: 'Оплатить', exact: true }).click();

      // back on the club's seats: the webhook made the pool
      await page.waitForURL(new RegExp(`/org/${youth}/seats`));
      const fresh = page.locator('li[data-pool]', { hasText: 'Занято 0 из 25' });
      await fresh.waitFor({ timeout: 30_000 });
      await page.getByText('Оплата подтверждена: новый пакет мест ниже.').waitFor();
      await fresh.getByRole('heading', { name: 'Пакет «База: 8 недель»' }).waitFor();
      await fresh.getByText('Лёгкоатлетический клуб «Старт»').waitFor();
      await fresh.getByText(/^2\s610,00\s₽$/).waitFor();
      await page.screenshot({ path: '/tmp/shots/seat-checkout-paid-ru.png', fullPage: true });

      const [purchase] = await e2e.app.rows<{ id: string; status: string; amount_minor: number }>(
        `select p.id::text, p.status, p.amount_minor from public.purchases p
          join private.seat_pool_orders o on o.purchase_id = p.id
         where o.club_org_id = $1`,
        [youth],
      );
      expect(purchase).toMatchObject({ status: 'paid', amount_minor: 6_525_000 });
      expect(
        await e2e.app.rows(`select id from public.training_plans where purchase_id = $1`, [
          purchase?.id,
        ]),
      ).toEqual([]);
      expect(
        await e2e.app.rows(
          `select seats, claimed, price_per_seat_minor from public.seat_pools
            where org_id = $1 and seats = 25`,
          [youth],
        ),
      ).toEqual([{ seats: 25, claimed: 0, price_per_seat_minor: 261_000 }]);
      expect(await fitsWidth(page)).toBe(true);
    });
  });

  test('English: the quote, the tier and the tiers list', async () => {
    await e2e.page(
      'seat-checkout-en',
      async (page) => {
        await page.goto(`${e2e.app.url}/sign-in`);
        await page.getByLabel('Email').fill('youth@trackside.test');
        await page.getByLabel('Password', { exact: true }).fill(demoPassword);
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await page.getByRole('heading', { name: 'My organizations' }).waitFor();
        await page.goto(`${e2e.app.url}/org/${youth}/seats`);
        const form = page.locator('seat-buy-form');
        await form.getByRole('heading', { name: 'Buy seats' }).waitFor();
        await form.getByLabel('Plan').selectOption(product);
        await form.getByLabel('How many seats').fill('200');
        expect(spaces(await form.getByTestId('seat-tier').textContent()).trim()).toBe(
          '−30% (200+ seats)',
        );
        await form.getByText('Volume discount').click();
        await form.getByText('10–19 seats: −5%').waitFor();
        await form.getByLabel('How many seats').fill('0');
        await form.getByText('Enter a whole number from 1 to 10,000.').waitFor();
        expect(await form.getByRole('button', { name: 'Buy seats' }).isDisabled()).toBe(true);
        expect(await fitsWidth(page)).toBe(true);
        expect(await seriousViolations(page)).toEqual([]);
      },
      { locale: 'en-US' },
    );
  });
});
