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
