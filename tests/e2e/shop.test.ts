/**
 * The shop at 360 px, Russian and English, against the seeded local stack: a
 * coach creates a package on /products and lists it; a guest (no account) opens
 * its public page /checkout/<id> — also with JavaScript disabled, where the page
 * shows and its plain form still submits — pays in the local test checkout (a
 * signed event to the real webhook) and sees the thank-you page; the guest ends
 * with an account, a membership and the credits. An admin manages a discount
 * code in English; offline, the form keeps what was typed.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useE2eStack } from './e2e-stack.ts';
import { demoPassword, phone, seriousViolations } from './page-helpers.ts';

const e2e = useE2eStack();
const shots = '/tmp/shots';
const spaces = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(shots, `shop-${name}.png`), fullPage: true });

let packageId = '';

describe('shop', () => {
  test('a coach creates a package on /products and lists it (ru)', async () => {
    await e2e.asUser('shop-coach', 'coach@trackside.test', async (page) => {
      await page.getByRole('link', { name: 'Товары и пакеты' }).click();
      await page.getByRole('heading', { name: 'Товары и пакеты', level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'Новый товар или пакет' }).waitFor();

      // a mistake is named next to its field and nothing is saved
      await page.getByLabel('Название').fill('Пять персональных');
      await page.getByLabel('Цена').fill('12 500,555');
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await page.getByText('Цена — число не больше 1 000 000').waitFor();
      await page.getByText('В пакете должны быть тренировки или хотя бы один товар.').waitFor();

      await page.getByLabel('Цена').fill('12 500');
      await page.getByLabel('Тренировок в пакете').fill('5');
      await page.getByLabel('Срок действия, дней').fill('45');
      await page.getByLabel('Описание').fill('Пять индивидуальных тренировок с Игорем');
      // offline: the form keeps what was typed and says why Save waits
      await page.context().setOffline(true);
      await page.getByText('Нет сети: товары хранятся на сервере.').first().waitFor();
      expect(await page.getByRole('button', { name: 'Сохранить' }).isDisabled()).toBe(true);
      await shot(page, 'products-offline-ru');
      await page.context().setOffline(false);
      expect(await page.getByLabel('Тренировок в пакете').inputValue()).toBe('5');

      await page.getByRole('button', { name: 'Сохранить' }).click();
      await page.getByText('«Пять персональных» сохранён.').waitFor();
      const card = page.locator('li[data-product]', { hasText: 'Пять персональных' });
      await card.waitFor();
      const text = spaces(await card.textContent());
      expect(text).toContain('12 500,00 ₽');
      expect(text).toContain('На публичной странице');
      expect(text).toContain('Тренировок: 5');
      packageId = (await card.getAttribute('data-product')) ?? '';
      expect(packageId).toMatch(/^[0-9a-f-]{36}$/);
      // the club's packages are the admins': the coach sees them without Edit
      const club = page.locator('li[data-product]', { hasText: '8 тренировок' });
      expect(await club.getByRole('button', { name: 'Изменить' }).count()).toBe(0);
      await page.setViewportSize(phone);
      await shot(page, 'products-ru');
      expect(await seriousViolations(page)).toEqual([]);
    });
    const rows = await e2e.app.rows<{ price_minor: number; credits: number; listed: boolean }>(
      'select price_minor, credits, listed from public.products where id = $1',
      [packageId],
    );
    expect(rows).toEqual([{ price_minor: 1250000, credits: 5, listed: true }]);
  });

  test('a guest buys it from /checkout/<id> and ends with an account and the credits (ru)', async () => {
    await e2e.page('shop-guest-ru', async (page) => {
      await page.goto(`${e2e.app.url}/checkout/${packageId}`);
      await page.getByRole('heading', { name: 'Пять персональных', level: 1 }).waitFor();
      const body = spaces(await page.textContent('body'));
      expect(body).toContain('12 500,00 ₽');
      expect(body).toContain('5 тренировок');
      expect(body).toContain('Действует 45 дней с оплаты');
      await shot(page, 'checkout-ru');
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByLabel('Ваше имя').fill('Мария Гостева');
      await page.getByLabel('Эл. почта').fill('maria.guest@example.test');
      await page.getByRole('button', { name: /Перейти к оплате/ }).click();
      await page.getByRole('heading', { name: 'Тестовая оплата' }).waitFor();
      expect(spaces(await page.textContent('body'))).toContain('12 500,00 ₽');
      await page.getByRole('button', { name: 'Оплатить', exact: true }).click();
      await page.getByRole('heading', { name: 'Спасибо, оплата прошла' }).waitFor();
      await shot(page, 'paid-ru');
    });
    const rows = await e2e.app.rows<{ role: string; balance: number }>(
      `select m.role, b.balance from auth.users u
         join public.memberships m on m.user_id = u.id
         join public.credit_balances b on b.user_id = u.id and b.org_id = m.org_id
        where u.email = 'maria.guest@example.test'`,
    );
    expect(rows).toEqual([{ role: 'member', balance: 5 }]);
  });

  test('with JavaScript disabled the page shows and its form submits (en)', async () => {
    const context = await e2e.newContext({
      viewport: phone,
      locale: 'en-US',
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    try {
      await page.goto(`${e2e.app.url}/checkout/${packageId}`);
      await page.getByRole('heading', { name: 'Пять персональных', level: 1 }).waitFor();
      expect(spaces(await page.textContent('body'))).toContain('Valid for 45 days from payment');
      await page.getByLabel('Your name').fill('John Guest');
      await page.getByLabel('Email').fill('john.guest@example.test');
      await page.getByLabel('Discount code (if you have one)').fill('NOPE99');
      await page.getByRole('button', { name: /Continue to pay/ }).click();
      // an unknown code comes back to the page, explained
      await page
        .getByRole('alert')
        .filter({ hasText: 'This discount code does not exist' })
        .waitFor();
      await shot(page, 'checkout-nojs-en');
      await page.getByLabel('Your name').fill('John Guest');
      await page.getByLabel('Email').fill('john.guest@example.test');
      await page.getByRole('button', { name: /Continue to pay/ }).click();
      await page.getByRole('heading', { name: 'Test checkout' }).waitFor();
      await page.getByRole('button', { name: 'Pay', exact: true }).click();
      await page.getByRole('heading', { name: 'Thank you, payment received' }).waitFor();
      await shot(page, 'paid-en');
    } finally {
      await context.close();
    }
    const rows = await e2e.app.rows<{ status: string }>(
      `select p.status from public.purchases p join auth.users u on u.id = p.user_id
        where u.email = 'john.guest@example.test'`,
    );
    expect(rows).toEqual([{ status: 'paid' }]);
  });

  test('an admin sees the package and creates a discount code (en)', async () => {
    await e2e.page(
      'shop-admin-en',
      async (page) => {
        await page.goto(`${e2e.app.url}/sign-in`);
        await page.getByLabel('Email').fill('admin@trackside.test');
        await page.getByLabel('Password', { exact: true }).fill(demoPassword);
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await page.getByRole('heading', { name: 'My organizations' }).waitFor();
        await page.getByRole('link', { name: 'Products and packages' }).click();
        await page.getByRole('heading', { name: 'Products and packages', level: 1 }).waitFor();
        const card = page.locator(`li[data-product="${packageId}"]`);
        await card.getByText('Coach’s').waitFor();
        await page.getByLabel('Code', { exact: true }).fill('spring-15');
        await page.getByLabel('Discount, %').fill('15');
        await page.getByLabel('How many times it can be used').fill('20');
        await page.getByRole('button', { name: 'Create code' }).click();
        const code = page.locator('li[data-code="SPRING-15"]');
        await code.getByText('used 0 of 20').waitFor();
        await page.getByLabel('Code', { exact: true }).fill('x');
        await page.getByRole('button', { name: 'Create code' }).click();
        await page.getByText('Code: 3–32 Latin letters').waitFor();
        await shot(page, 'products-en');
        expect(await seriousViolations(page)).toEqual([]);
      },
      { locale: 'en-US' },
    );
  });
});
