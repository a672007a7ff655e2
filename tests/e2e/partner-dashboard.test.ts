/**
 * The partner dashboard at 360 px in Russian and on a desktop in English,
 * against the seeded local stack: the demo reseller «СпортСофт Партнёр» (gold,
 * which includes white-label) opens /partner from its organization card, sees its
 * tier and referral code, registers a deal, is refused a second registration of
 * the same prospect with a clear message, and sets its brand; the club it
 * manages, «Юность», then shows that brand on its coach's public page
 * (/yunost-sprint, seeded) and in its owner's app bar.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useE2eStack } from './e2e-stack.ts';
import { demoPassword, fitsWidth, phone, seriousViolations } from './page-helpers.ts';

const e2e = useE2eStack();
const shots = '/tmp/shots';
mkdirSync(shots, { recursive: true });

const desktop = { width: 1280, height: 900 };

async function signInEnglish(page: Page, email: string): Promise<void> {
  await page.goto(`${e2e.app.url}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: 'My organizations' }).waitFor();
}

describe('the partner dashboard', () => {
  test('360 px, Russian: tier, code, a deal, a refused second claim, the brand and where it shows', async () => {
    await e2e.asUser('partner-ru', 'partner@trackside.test', async (page) => {
      await page.getByRole('link', { name: 'Кабинет партнёра' }).click();
      await page.getByRole('heading', { name: 'Кабинет партнёра', level: 1 }).waitFor();
      await expect.poll(() => page.getByText('Ваш уровень: «Золотой»').count()).toBe(1);
      expect(await page.getByTestId('referral-code').textContent()).toBe('SPORTSFT');
      await page.getByText('Свой бренд (white-label): да').waitFor();

      // a deal: the prospect is this partner's for 90 days
      await page.getByLabel('Название клуба').fill('Клуб «Старт-2»');
      await page.getByLabel('Email клуба').fill('info@start2.test');
      await page.getByLabel('Город', { exact: true }).fill('Казань');
      await page.getByRole('button', { name: 'Зарегистрировать' }).click();
      await page.getByText('Сделка «Клуб «Старт-2»» зарегистрирована на 90 дней.').waitFor();
      await expect.poll(() => page.getByTestId('deal').count()).toBe(1);
      await page.getByText('осталось дней: 89').or(page.getByText('осталось дней: 90')).waitFor();

      // the same prospect again, in other letters: refused, and said why
      await page.getByLabel('Название клуба').fill('Старт-2 ещё раз');
      await page.getByLabel('Email клуба').fill('INFO@Start2.test');
      await page.getByRole('button', { name: 'Зарегистрировать' }).click();
      await page.getByText('Этот клуб уже зарегистрирован другим партнёром (или вами).').waitFor();
      expect(await page.getByTestId('deal').count()).toBe(1);

      // the brand: gold includes white-label, so the form is open
      await page.getByLabel('Название бренда').fill('СпортСофт');
      await page.getByLabel('Основной цвет').fill('#0B3D91');
      await page.getByLabel('Дополнительный цвет').fill('#ffd400');
      await page.getByLabel('Имя отправителя писем').fill('СпортСофт Партнёр');
      await page.getByRole('button', { name: 'Сохранить бренд' }).click();
      await page.getByText('Бренд сохранён.', { exact: false }).waitFor();
      await page.getByTestId('brand-preview').getByText('через СпортСофт').waitFor();
      expect(await fitsWidth(page)).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${shots}/partner-dashboard-ru.png`, fullPage: true });
    });

    const stored = await e2e.app.rows<{ brand_color: string }>(
      `select brand_color from public.partner_profiles where referral_code = 'SPORTSFT'`,
    );
    expect(stored).toEqual([{ brand_color: '#0b3d91' }]);

    // the coach page of the club the partner manages, as any visitor fetches it
    const res = await fetch(`${e2e.app.url}/yunost-sprint`, {
      headers: { 'accept-language': 'ru' },
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('«СпортСофт» — партнёр Trackside');
    expect(html).toContain('background:#0b3d91;color:#ffffff;border-bottom-color:#ffd400');

    // the managed club's owner sees whose service this is, under the app bar
    await e2e.asUser('youth-ru', 'youth@trackside.test', async (page) => {
      const mark = page.getByTestId('partner-brand-mark');
      await mark.getByText('через СпортСофт').waitFor();
      expect(await fitsWidth(page)).toBe(true);
      await page.screenshot({ path: `${shots}/partner-brand-shell-ru.png` });
    });
  });

  test("a club created after a partner's ?ref= link is credited to that partner", async () => {
    await e2e.asUser('referral-ru', 'admin@trackside.test', async (page) => {
      // the link a partner shares: the code waits on the device for the next club
      await page.goto(`${e2e.app.url}/?ref=sportsft`);
      await page.getByRole('heading', { name: 'Мои организации' }).waitFor();
      await page.goto(`${e2e.app.url}/organizations/new`);
      const code = page.getByLabel('Код партнёра');
      await expect.poll(() => code.inputValue()).toBe('SPORTSFT');
      await page.getByLabel('Название', { exact: true }).fill('Клуб «Реферал»');
      await page.getByRole('button', { name: 'Создать' }).click();
      await page.getByRole('heading', { name: 'Мои организации' }).waitFor();
      // in the list of clubs (the organization switch names it too, once it has synced)
      await page
        .getByRole('list', { name: 'Мои организации' })
        .getByText('Клуб «Реферал»', { exact: true })
        .waitFor();
    });
    const referrals = await e2e.app.rows<{ name: string; code: string }>(
      `select o.name, r.code from public.partner_referrals r
         join public.organizations o on o.id = r.club_org_id
         join public.partner_profiles p on p.org_id = r.partner_org_id
        where p.referral_code = 'SPORTSFT'`,
    );
    expect(referrals).toEqual([{ name: 'Клуб «Реферал»', code: 'SPORTSFT' }]);
  });

  test('desktop, English: the same dashboard, a refused claim, and the brand on the coach page', async () => {
    await e2e.page(
      'partner-en',
      async (page) => {
        await signInEnglish(page, 'partner@trackside.test');
        await page.getByRole('link', { name: 'Partner dashboard' }).click();
        await page.getByRole('heading', { name: 'Partner dashboard', level: 1 }).waitFor();
        await page.getByText('Your tier: Gold').waitFor();
        expect(await page.getByTestId('referral-code').textContent()).toBe('SPORTSFT');
        await page.getByText('Commission on referred clubs’ payments: 15%').waitFor();

        await page.getByLabel('Club name').fill('Northern Sprint');
        await page.getByLabel('Club email').fill('hello@northern.test');
        await page.getByRole('button', { name: 'Register', exact: true }).click();
        await page.getByText('“Northern Sprint” is registered for 90 days.').waitFor();

        await page.getByLabel('Club name').fill('Northern Sprint again');
        await page.getByLabel('Club email').fill('hello@northern.test');
        await page.getByRole('button', { name: 'Register', exact: true }).click();
        await page
          .getByText('This club is already registered by another partner (or by you).')
          .waitFor();

        // a bad colour is caught before anything is sent
        await page.getByLabel('Main colour').fill('navy');
        await page.getByRole('button', { name: 'Save brand' }).click();
        await page.getByText('Needs a colour like #0b3d91').waitFor();
        await page.getByLabel('Main colour').fill('#1b5e20');
        await page.getByLabel('Brand name').fill('SportSoft');
        await page.getByRole('button', { name: 'Save brand' }).click();
        await page.getByText('Brand saved.', { exact: false }).waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: `${shots}/partner-dashboard-en.png`, fullPage: true });

        // and the same page on a phone, in English
        await page.setViewportSize(phone);
        await page.reload();
        await page.getByText('Your tier: Gold').waitFor();
        expect(await fitsWidth(page)).toBe(true);
        await page.screenshot({ path: `${shots}/partner-dashboard-en-360.png`, fullPage: true });

        await page.goto(`${e2e.app.url}/yunost-sprint?lang=en`);
        await page.getByText('SportSoft, a Trackside partner').waitFor();
        await page.screenshot({ path: `${shots}/partner-coach-page-en.png` });
      },
      { locale: 'en-GB', viewport: desktop },
    );
  });
});
