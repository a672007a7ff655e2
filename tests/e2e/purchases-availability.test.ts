/**
 * At 360 px against the seeded local stack: a member abandons a checkout, comes
 * back to it (the same payment page), then cancels it — the old page no longer
 * takes payment; a checkout nobody finishes expires on the server; the local
 * test checkout names the item and the amount in the browser's language with
 * big buttons. A coach types availability lengths as hours:minutes (stored as
 * minutes) and picks the zone from a searchable list; an unknown zone is refused.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useE2eStack } from './e2e-stack.ts';
import { demoPassword, seriousViolations, shots } from './page-helpers.ts';

const e2e = useE2eStack();

const ATHLETE_USER = 'd0000000-0000-4000-8000-000000000004';
const COACH_USER = 'd0000000-0000-4000-8000-000000000002';
const CLUB = 'd1000000-0000-4000-8000-000000000001';

const spaces = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

/** the status of the athlete's purchases, newest first */
async function statuses(): Promise<string[]> {
  const rows = await e2e.app.rows<{ status: string }>(
    `select status from public.purchases where user_id = $1 order by created_at desc`,
    [ATHLETE_USER],
  );
  return rows.map((r) => r.status);
}

/** Buy the club T-shirt and stop on the test checkout page; its URL */
async function startTShirtCheckout(page: Page): Promise<string> {
  await page.goto(`${e2e.app.url}/purchases`);
  await page.getByRole('radio', { name: /Футболка/ }).check();
  await page.getByRole('button', { name: 'Купить' }).click();
  await page.getByRole('heading', { name: 'Тестовая оплата' }).waitFor();
  return page.url();
}

/** the English sign-in form, then the home page */
async function signInEnglish(page: Page, email: string): Promise<void> {
  await page.goto(`${e2e.app.url}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

async function buttonHeights(page: Page): Promise<number[]> {
  const boxes = await page
    .getByRole('button')
    .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
  return boxes;
}

describe('an abandoned checkout', () => {
  test('is resumed on the same page, then canceled so the page takes no payment', async () => {
    await e2e.asUser('purchases-resume', 'athlete@trackside.test', async (page) => {
      const checkoutUrl = await startTShirtCheckout(page);
      const body = spaces(await page.textContent('body'));
      expect(body).toContain('Футболка клуба «Старт»');
      expect(body).toContain('1 500,00 ₽');
      for (const h of await buttonHeights(page)) expect(h).toBeGreaterThanOrEqual(44);
      await page.screenshot({ path: join(shots, 'money-checkout-ru.png'), fullPage: true });

      // walk away without paying: the purchase waits, with a way back and a way out
      await page.goto(`${e2e.app.url}/purchases`);
      const pending = page.locator('li[data-status=pending]');
      await pending.waitFor({ timeout: 30_000 });
      expect(await pending.textContent()).toContain('Ожидает оплаты');
      await page.screenshot({ path: join(shots, 'money-pending-ru.png'), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);

      await pending.getByRole('button', { name: 'Продолжить оплату' }).click();
      await page.getByRole('heading', { name: 'Тестовая оплата' }).waitFor();
      expect(page.url()).toBe(checkoutUrl);

      // cancel: asked once more, then canceled on the server and at "Stripe"
      await page.goto(`${e2e.app.url}/purchases`);
      await pending.getByRole('button', { name: 'Отменить покупку' }).click();
      await pending.getByText('Отменить эту покупку?').waitFor();
      await pending.getByRole('button', { name: 'Да, отменить' }).click();
      await page.getByText('Покупка отменена, деньги не списаны.').waitFor();
      const canceled = page.locator('li[data-status=canceled]');
      await canceled.waitFor();
      expect(await canceled.textContent()).toContain('Отменена');
      expect(await canceled.getByRole('button').count()).toBe(0);
      expect(await statuses()).toEqual(['canceled']);
      await page.screenshot({ path: join(shots, 'money-canceled-ru.png'), fullPage: true });

      // the old payment page is closed: no Pay button, a way back
      await page.goto(checkoutUrl);
      await page.getByText('Эта оплата уже закрыта').waitFor();
      expect(await page.getByRole('button', { name: 'Оплатить' }).count()).toBe(0);
      await page.getByRole('link', { name: 'Вернуться к покупкам' }).click();
      await page.getByRole('heading', { name: 'Покупки', level: 1 }).waitFor();
      expect(await statuses()).toEqual(['canceled']);
    });
  }, 180_000);

  test('expires on the server when nobody comes back, and the chip says so', async () => {
    await e2e.asUser('purchases-expire', 'athlete@trackside.test', async (page) => {
      await startTShirtCheckout(page);
      // a day has passed with no webhook: the sweep (pg_cron in production) expires it
      await e2e.app.rows(`alter table public.purchases disable trigger purchases_stamp`);
      await e2e.app.rows(
        `update public.purchases set created_at = created_at - interval '25 hours'
          where user_id = $1 and status = 'pending'`,
        [ATHLETE_USER],
      );
      await e2e.app.rows(`alter table public.purchases enable trigger purchases_stamp`);
      await e2e.app.rows(`select private.expire_stale_purchases()`);
      expect(await statuses()).toContain('expired');

      await page.goto(`${e2e.app.url}/purchases`);
      const expired = page.locator('li[data-status=expired]');
      await expired.waitFor({ timeout: 30_000 });
      expect(await expired.textContent()).toContain('Истекла');
      expect(await expired.getByRole('button').count()).toBe(0);
    });
  }, 180_000);

  test('the test checkout speaks English to an English browser', async () => {
    await e2e.page(
      'purchases-checkout-en',
      async (page) => {
        await signInEnglish(page, 'athlete@trackside.test');
        await page.goto(`${e2e.app.url}/purchases`);
        await page.getByRole('radio', { name: /Футболка/ }).check();
        await page.getByRole('button', { name: 'Buy' }).click();
        await page.getByRole('heading', { name: 'Test checkout' }).waitFor();
        const body = spaces(await page.textContent('body'));
        expect(body).toContain('Футболка клуба «Старт»');
        expect(body).toContain('RUB 1,500.00');
        for (const h of await buttonHeights(page)) expect(h).toBeGreaterThanOrEqual(44);
        await page.screenshot({ path: join(shots, 'money-checkout-en.png'), fullPage: true });

        await page.goto(`${e2e.app.url}/purchases`);
        const pending = page.locator('li[data-status=pending]');
        await pending.waitFor({ timeout: 30_000 });
        await pending.getByRole('button', { name: 'Continue to payment' }).waitFor();
        await pending.getByRole('button', { name: 'Cancel purchase' }).waitFor();
        await page.screenshot({ path: join(shots, 'money-pending-en.png'), fullPage: true });
      },
      { locale: 'en-US' },
    );
  }, 180_000);
});

describe('availability', () => {
  test('lengths are hours:minutes, stored as minutes; the zone comes from a searchable list', async () => {
    await e2e.asUser('availability-inputs', 'coach@trackside.test', async (page) => {
      await page.goto(`${e2e.app.url}/availability`);
      await page.getByRole('heading', { name: 'Расписание приёма' }).waitFor();
      const stored = await e2e.app.rows<{ cancellation_window_minutes: number; time_zone: string }>(
        `select cancellation_window_minutes, time_zone from public.coach_settings
          where org_id = $1 and coach_id = $2`,
        [CLUB, COACH_USER],
      );
      const minutes = stored[0]?.cancellation_window_minutes ?? 0;
      const cancellation = page.getByLabel('Отмена участником не позже чем за');
      expect(await cancellation.inputValue()).toBe(
        `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`,
      );

      // the current zone is preselected, and the list finds others as one types
      const zone = page.getByLabel('Часовой пояс');
      expect(await zone.inputValue()).toBe(stored[0]?.time_zone);
      expect(await zone.getAttribute('list')).toBe('zones');
      const options = await page
        .locator('datalist#zones option')
        .evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value));
      expect(options).toContain('Asia/Novosibirsk');
      expect(options.length).toBeGreaterThan(300);
      await page.screenshot({ path: join(shots, 'availability-ru.png'), fullPage: true });

      // an unknown zone is refused next to the field, and nothing changes
      await zone.fill('Mars/Olympus');
      await page.getByRole('button', { name: 'Сохранить настройки' }).click();
      await page.getByText('Неизвестный часовой пояс: выберите его из списка').waitFor();
      await page.screenshot({
        path: join(shots, 'availability-zone-refused-ru.png'),
        fullPage: true,
      });

      // a day's notice to cancel and Novosibirsk, typed as people type them
      await zone.fill('asia/novosibirsk');
      await cancellation.fill('24.00');
      await page.getByRole('button', { name: 'Сохранить настройки' }).click();
      await expect
        .poll(
          async () =>
            (
              await e2e.app.rows<{ cancellation_window_minutes: number; time_zone: string }>(
                `select cancellation_window_minutes, time_zone from public.coach_settings
                  where org_id = $1 and coach_id = $2`,
                [CLUB, COACH_USER],
              )
            )[0],
          { timeout: 30_000 },
        )
        .toEqual({ cancellation_window_minutes: 1440, time_zone: 'Asia/Novosibirsk' });
      await page.getByText('Время — в поясе Asia/Novosibirsk.').first().waitFor();
      expect(await cancellation.inputValue()).toBe('24:00');
      expect(await seriousViolations(page)).toEqual([]);
    });
  }, 180_000);

  test('in English the lengths and the zone read the same way', async () => {
    await e2e.page(
      'availability-en',
      async (page) => {
        await signInEnglish(page, 'coach@trackside.test');
        await page.goto(`${e2e.app.url}/availability`);
        const length = page.getByRole('textbox', { name: /^Session length/ });
        await length.waitFor();
        await length.fill('0:04');
        await page.getByRole('button', { name: 'Save settings' }).click();
        await page.getByText('Length — from 0:05 to 12:00 (hours:minutes)').waitFor();
        await page
          .locator('section[aria-labelledby=settings]')
          .screenshot({ path: join(shots, 'availability-en.png') });
      },
      { locale: 'en-US' },
    );
  }, 180_000);
});
