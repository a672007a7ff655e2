/**
 * Club pricing at 360 px against the seeded local stack: «Юность» names its
 * code YUNOST10 as its partner discount, so its member runner@ sees the member
 * price on the purchases page and pays it in the local test checkout without
 * typing a code; in English the price is said in English.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useE2eStack } from './e2e-stack.ts';
import { demoPassword, seriousViolations, shots } from './page-helpers.ts';

const e2e = useE2eStack();
const RUNNER = 'fa000000-0000-4000-8000-000000000004';
const spaces = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

describe('club pricing', () => {
  test('a member of «Юность» sees and pays the member price without a code', async () => {
    await e2e.asUser('club-pricing', 'runner@trackside.test', async (page) => {
      await page.goto(`${e2e.app.url}/purchases`);
      await page.getByRole('heading', { name: 'Покупки', level: 1 }).waitFor();
      const pass = page.getByRole('radio', { name: /Абонемент «Юность»/ });
      await pass.check();
      const card = page.locator('label.product', { has: pass });
      await card.getByText('Цена для членов клуба').waitFor();
      expect(spaces(await card.textContent())).toContain('4 320,00 ₽ (−10%)');
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'club-pricing-ru');

      await page.getByRole('button', { name: 'Купить' }).click();
      await page.getByRole('heading', { name: 'Тестовая оплата' }).waitFor();
      expect(spaces(await page.textContent('body'))).toContain('4 320,00 ₽');
      const rows = await e2e.app.rows<{ amount_minor: number; percent_off: number }>(
        `select amount_minor, percent_off from public.purchases
          where user_id = $1 and product_id = 'a7600000-0000-4000-8000-000000000001'`,
        [RUNNER],
      );
      expect(rows).toEqual([{ amount_minor: 432000, percent_off: 10 }]);
    });
  }, 120_000);

  test('in English the member price reads in English', async () => {
    await e2e.page(
      'club-pricing-en',
      async (page) => {
        await page.goto(`${e2e.app.url}/sign-in`);
        await page.getByLabel('Email').fill('runner@trackside.test');
        await page.getByLabel('Password', { exact: true }).fill(demoPassword);
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await page.getByRole('heading', { name: 'My organizations' }).waitFor();
        await page.goto(`${e2e.app.url}/purchases`);
        await page
          .getByText(/Club members pay .* \(10% off\), no code needed/)
          .first()
          .waitFor();
        await shot(page, 'club-pricing-en');
      },
      { locale: 'en-US' },
    );
  });
});

describe('the club names its partner discount', () => {
  test('the owner takes the member price off on the codes list and members pay the list price', async () => {
    await e2e.asUser('club-pricing-owner', 'youth@trackside.test', async (page) => {
      await page.goto(`${e2e.app.url}/products`);
      const code = page.locator('li[data-code="YUNOST10"]');
      await code.getByText('Скидка партнёра', { exact: true }).waitFor();
      await page.getByText('у клуба это цена для его участников', { exact: false }).waitFor();
      await code.getByRole('button', { name: 'Больше не скидка партнёра' }).click();
      await code.getByRole('button', { name: 'Сделать скидкой партнёра' }).waitFor();
      expect(await code.getByText('Скидка партнёра', { exact: true }).count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'club-pricing-codes-ru');
    });
    expect(
      await e2e.app.rows<{ discount_code_id: string | null }>(
        `select discount_code_id from public.partnership_profiles
          where org_id = 'fa100000-0000-4000-8000-000000000003'`,
      ),
    ).toEqual([{ discount_code_id: null }]);
    await e2e.asUser('club-pricing-after', 'runner@trackside.test', async (page) => {
      await page.goto(`${e2e.app.url}/purchases`);
      await page.getByRole('radio', { name: /Абонемент «Юность»/ }).waitFor();
      expect(await page.getByText('Цена для членов клуба', { exact: false }).count()).toBe(0);
    });
  }, 120_000);
});
