/**
 * Money and Moyklass at 360 px against the seeded local stack with its Edge
 * Functions: a member buys a package with the demo discount code through the
 * local test checkout (a signed event to the real webhook) and sees the purchase
 * and the credits; a bad code is refused next to the field; the purchase email
 * reaches the mailbox, and after the member switches that email off (offline,
 * synced later) the next purchase sends none; a declined card comes back as a
 * failed purchase; a coach refreshes Moyklass and
 * filters the roster by this season's subscription, offline too, and a CRM plan
 * without API access is reported plainly.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useE2eStack } from './e2e-stack.ts';
import { seriousViolations, shots, syncStatus } from './page-helpers.ts';

const e2e = useE2eStack();

const ATHLETE_USER = 'd0000000-0000-4000-8000-000000000004';
const CLUB = 'd1000000-0000-4000-8000-000000000001';

const spaces = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

/** the subjects in the signed-in person's mailbox page */
async function mailboxSubjects(page: Page): Promise<string[]> {
  await page.goto(`${e2e.app.url}/mailbox`);
  await page.getByRole('heading', { name: 'Почтовый ящик', level: 1 }).waitFor();
  await page
    .getByText(/Писем пока нет|Кому:/)
    .first()
    .waitFor();
  return page.locator('mailbox-page li h2').allTextContents();
}

describe('money', () => {
  test('a member buys a package with the demo code and sees the purchase, the credits and the email', async () => {
    await e2e.asUser('money-buy', 'athlete@trackside.test', async (page) => {
      await page.getByRole('link', { name: 'Настройка писем' }).waitFor();
      await page.screenshot({ path: join(shots, 'money-home.png'), fullPage: true });
      await page.getByRole('link', { name: 'Покупки и тренировки' }).click();
      await page.getByRole('heading', { name: 'Покупки', level: 1 }).waitFor();
      const pack = page.getByRole('radio', { name: /8 тренировок/ });
      await pack.check();
      expect(spaces(await page.locator('label.product', { has: pack }).textContent())).toContain(
        '6 400,00 ₽',
      );
      await page.getByText('Пока нет оплаченных тренировок.').waitFor();

      // a code the club never issued: refused next to the field, nothing bought
      await page.getByLabel('Промокод').fill('SUMMER99');
      await page.getByRole('button', { name: 'Купить' }).click();
      await page.getByText('Такого промокода нет, или он больше не действует.').waitFor();
      expect(
        await e2e.app.rows(`select id from public.purchases where user_id = $1`, [ATHLETE_USER]),
      ).toEqual([]);
      await page.screenshot({ path: join(shots, 'money-bad-code.png'), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByLabel('Промокод').fill('start10');
      await page.getByRole('button', { name: 'Купить' }).click();
      // the local test checkout stands in for Stripe's page
      // in the browser's language, naming what is bought and the amount
      await page.getByRole('heading', { name: 'Тестовая оплата' }).waitFor();
      expect(spaces(await page.textContent('body'))).toContain('8 тренировок');
      expect(spaces(await page.textContent('body'))).toContain('5 760,00 ₽');
      await page.getByRole('button', { name: 'Оплатить', exact: true }).click();

      // back in the app: the webhook recorded the payment, sync brings it here
      await page.waitForURL(/\/purchases\?checkout=success/);
      await page.getByText('Оплата прошла', { exact: false }).waitFor();
      const bought = page.locator('li[data-status=paid]');
      await bought.waitFor({ timeout: 30_000 });
      const text = spaces(await bought.textContent());
      expect(text).toContain('8 тренировок');
      expect(text).toContain('5 760,00 ₽');
      expect(text).toContain('скидка 10%');
      await page.locator('li[data-credits="8"]').waitFor();
      await page.screenshot({ path: join(shots, 'money-purchases.png'), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);

      // the purchases and credits are synced: they show offline too
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      await page.context().setOffline(true);
      await page.reload();
      await page.locator('li[data-status=paid]').waitFor();
      await page.locator('li[data-credits="8"]').waitFor();
      await page
        .getByText('Для покупки нужна сеть.')
        .or(page.getByText('Список товаров'))
        .first()
        .waitFor();
      await page.context().setOffline(false);

      expect(
        await e2e.app.rows(`select status, amount_minor from public.purchases where user_id = $1`, [
          ATHLETE_USER,
        ]),
      ).toEqual([{ status: 'paid', amount_minor: 576000 }]);
      expect(await e2e.app.dispatchEmails()).toMatchObject({ status: 200, body: { sent: 1 } });
      expect(await mailboxSubjects(page)).toEqual(['Оплата получена']);
      await page.screenshot({ path: join(shots, 'money-mailbox.png'), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
    });
  }, 180_000);

  test('nobody else reads that mail', async () => {
    await e2e.asUser('money-mailbox-coach', 'coach@trackside.test', async (page) => {
      expect(await mailboxSubjects(page)).toEqual([]);
      await page.getByText('Писем пока нет.', { exact: false }).waitFor();
    });
  }, 120_000);

  test('an email switched off offline stays off, syncs, and the next purchase sends none', async () => {
    await e2e.asUser('money-email', 'athlete@trackside.test', async (page) => {
      await page.getByRole('link', { name: 'Настройка писем' }).click();
      const purchaseMail = page.getByRole('checkbox', { name: 'Подтверждение оплаты' });
      await purchaseMail.waitFor();
      expect(await purchaseMail.isChecked()).toBe(true);
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      await page.context().setOffline(true);
      await page.reload();
      await purchaseMail.uncheck();
      await expect.poll(() => syncStatus(page)).toContain('Не отправлено: 1 изменение');
      await page.reload();
      await purchaseMail.waitFor();
      expect(await purchaseMail.isChecked()).toBe(false);
      expect(
        await page
          .getByRole('checkbox', { name: 'Напоминание за сутки до тренировки' })
          .isChecked(),
      ).toBe(true);
      await page.screenshot({ path: join(shots, 'money-email-settings.png'), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);

      await page.context().setOffline(false);
      await expect
        .poll(() => syncStatus(page), { timeout: 20_000 })
        .toContain('Все изменения отправлены');
      expect(
        await e2e.app.rows(
          `select kind, enabled from public.email_preferences where user_id = $1`,
          [ATHLETE_USER],
        ),
      ).toEqual([{ kind: 'purchase_confirmation', enabled: false }]);

      // a second purchase (no code, a T-shirt): paid, but no email this time
      await page.goto(`${e2e.app.url}/purchases`);
      await page.getByRole('radio', { name: /Футболка/ }).check();
      await page.getByRole('button', { name: 'Купить' }).click();
      await page.getByRole('button', { name: 'Оплатить', exact: true }).click();
      await page.waitForURL(/\/purchases\?checkout=success/);
      await expect
        .poll(() => page.locator('li[data-status=paid]').count(), { timeout: 30_000 })
        .toBe(2);
      expect(await e2e.app.dispatchEmails()).toMatchObject({ status: 200, body: { sent: 0 } });
      expect(await mailboxSubjects(page)).toEqual(['Оплата получена']);

      // a declined card: back in the app, told plainly, recorded as failed, no credits
      await page.goto(`${e2e.app.url}/purchases`);
      await page.getByRole('radio', { name: /16 тренировок/ }).check();
      await page.getByRole('button', { name: 'Купить' }).click();
      await page.getByRole('button', { name: 'Карта отклонена' }).click();
      await page.waitForURL(/\/purchases\?checkout=canceled/);
      await page.getByText('Оплата отменена, деньги не списаны.').waitFor();
      const failed = page.locator('li[data-status=failed]');
      await failed.waitFor({ timeout: 30_000 });
      expect(await failed.textContent()).toContain('Оплата не прошла');
      await page.locator('li[data-credits="8"]').waitFor();
    });
  }, 180_000);

  test('a coach refreshes Moyklass and filters the roster by this season’s subscription', async () => {
    await e2e.asUser('money-moyklass', 'coach@trackside.test', async (page) => {
      await page.getByRole('link', { name: 'Спортсмены моих групп' }).click();
      const list = page.getByRole('list', { name: 'Спортсмены' });
      await list.getByText('Смирнова Анна').waitFor();
      // no snapshots yet: no filter to offer
      expect(await page.getByLabel('Абонемент в этом сезоне').count()).toBe(0);

      await page.getByRole('button', { name: 'Обновить из «Мой Класс»' }).click();
      await page.getByText('Абонементы обновлены: 5 спортсменов.', { exact: false }).waitFor();
      const filter = page.getByLabel('Абонемент в этом сезоне');
      await filter.waitFor({ timeout: 30_000 });
      const names = () => list.locator('.name').allTextContents();
      await filter.selectOption('with');
      await expect.poll(names).toEqual(['Петров Иван', 'Смирнова Анна', 'Соколова Елизавета']);
      await page.screenshot({ path: join(shots, 'money-roster-filter.png'), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
      await filter.selectOption('without');
      await expect.poll(names).toEqual(['Новикова Полина', 'Попова Мария']);

      // the snapshots are synced: the filter works offline after a reload
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      await page.context().setOffline(true);
      await page.reload();
      await page.getByLabel('Абонемент в этом сезоне').selectOption('with');
      await expect.poll(names).toEqual(['Петров Иван', 'Смирнова Анна', 'Соколова Елизавета']);
      expect(await page.getByRole('button', { name: 'Обновить из «Мой Класс»' }).isDisabled()).toBe(
        true,
      );
      await page.context().setOffline(false);

      // the club's CRM plan loses API access: said plainly, nothing lost
      e2e.app.moyklass.planRestricted = true;
      try {
        await page.getByRole('button', { name: 'Обновить из «Мой Класс»' }).click();
        await page.getByText('Тариф CRM «Мой Класс» не разрешает это.').waitFor();
        await page.screenshot({ path: join(shots, 'money-roster-402.png'), fullPage: true });
        expect(await seriousViolations(page)).toEqual([]);
      } finally {
        e2e.app.moyklass.planRestricted = false;
      }
      await expect.poll(names).toEqual(['Петров Иван', 'Смирнова Анна', 'Соколова Елизавета']);
      expect(
        await e2e.app.rows(
          `select count(*)::int as n from public.moyklass_snapshots where org_id = $1 and has_subscription`,
          [CLUB],
        ),
      ).toEqual([{ n: 3 }]);
    });
  }, 180_000);
});
