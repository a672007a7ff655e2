/**
 * Running clubs' seats at 360 px, in Russian and in English, against the seeded
 * local stack: «Юность» holds 20 seats of «Старт»'s plan «База: 8 недель». Its
 * owner (youth@) opens the pools from the club's card, gives runner@ a seat and
 * revokes it again (asked twice); runner@ takes a seat on /seats and finds the
 * plan's workout of the day on the home page. Then running_clubs is turned off
 * for «Юность» (an override row, as the platform's admins would write it): a claim
 * from a page opened before is refused in words, and both pages say the feature
 * is off instead of showing an empty or broken list.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useE2eStack } from './e2e-stack.ts';
import { demoPassword, fitsWidth, seriousViolations } from './page-helpers.ts';

const e2e = useE2eStack();
const shots = '/tmp/shots';
mkdirSync(shots, { recursive: true });

const youth = 'fa100000-0000-4000-8000-000000000003';
const pool = 'a7400000-0000-4000-8000-000000000001';
const runner = 'fa000000-0000-4000-8000-000000000004';

async function seatsOff(off: boolean): Promise<void> {
  await e2e.app.exec(
    off
      ? `insert into public.feature_flag_overrides (flag_key, org_id, enabled, note)
           values ('running_clubs', '${youth}', false, 'e2e: seats off for «Юность»')`
      : `delete from public.feature_flag_overrides where flag_key = 'running_clubs' and org_id = '${youth}'`,
  );
}

async function liveClaims(): Promise<{ user_id: string; assigned: boolean }[]> {
  return e2e.app.rows(
    `select user_id::text, assigned_by is not null as assigned from public.seat_claims
      where pool_id = $1 and revoked_at is null order by claimed_at`,
    [pool],
  );
}

async function signInEnglish(page: Page, email: string): Promise<void> {
  await page.goto(`${e2e.app.url}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: 'My organizations' }).waitFor();
}

describe('running clubs’ seats', () => {
  test('360 px, Russian: give and revoke a seat, take one and see the plan, then the feature off', async () => {
    await e2e.asUser('seats-admin-ru', 'youth@trackside.test', async (page) => {
      // from the club's admin links on the home page
      await page
        .getByRole('navigation', { name: 'Управление: Лёгкоатлетический клуб «Юность»' })
        .getByRole('link', { name: 'Места' })
        .click();
      await page.getByRole('heading', { name: 'Места в планах', level: 1 }).waitFor();
      const card = page.locator(`li[data-pool="${pool}"]`);
      await card.getByRole('heading', { name: 'Пакет «База: 8 недель»' }).waitFor();
      await card.getByText('Лёгкоатлетический клуб «Старт»').waitFor();
      await card.getByText(/^1\s500,00\s₽$/).waitFor();
      await card.getByText('Открыт').waitFor();
      expect(await card.getByTestId('seats-taken').textContent()).toBe('Занято 0 из 20');

      // give runner@ a seat, picked from the club's members
      await card.getByLabel('Выдать место участнику').selectOption({ label: 'Роман Бегунов' });
      await card.getByRole('button', { name: 'Выдать место' }).click();
      await page.getByText('Роман Бегунов получает место.').waitFor();
      await expect.poll(() => card.getByTestId('seats-taken').textContent()).toBe('Занято 1 из 20');
      const claim = card.locator('li[data-claim]', { hasText: 'Роман Бегунов' });
      await claim.getByText(/выдано администратором · с \d/).waitFor();
      expect(await liveClaims()).toEqual([{ user_id: runner, assigned: true }]);
      expect(await fitsWidth(page)).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${shots}/seats-admin-ru.png`, fullPage: true });

      // revoking asks once more; «Отмена» changes nothing
      await claim.getByRole('button', { name: 'Отозвать место у Роман Бегунов' }).click();
      await claim.getByText(/Отозвать место у Роман Бегунов\? Его копия плана/).waitFor();
      await page.screenshot({ path: `${shots}/seats-admin-revoke-ru.png`, fullPage: true });
      await claim.getByRole('button', { name: 'Отмена' }).click();
      expect(await liveClaims()).toHaveLength(1);
      await claim.getByRole('button', { name: 'Отозвать место у Роман Бегунов' }).click();
      await claim.getByRole('button', { name: 'Да, отозвать' }).click();
      await page.getByText('Место Роман Бегунов отозвано и вернулось в пакет.').waitFor();
      await expect.poll(() => card.getByTestId('seats-taken').textContent()).toBe('Занято 0 из 20');
      await card.getByText('Места пока никто не занял.').waitFor();
      expect(await liveClaims()).toEqual([]);
    });

    // the member takes a seat and finds the plan's workout of the day at home
    await e2e.asUser('seats-member-ru', 'runner@trackside.test', async (page) => {
      await page
        .getByRole('navigation', { name: 'Мои занятия' })
        .getByRole('link', { name: 'Места в клубе' })
        .click();
      await page.getByRole('heading', { name: 'Места в клубе', level: 1 }).waitFor();
      await page.getByText('У вас пока нет места.').waitFor();
      const offer = page.locator(`li[data-pool="${pool}"]`);
      await offer.getByText('Свободно: 20').waitFor();
      await offer.getByRole('button', { name: 'Занять место в плане «База: 8 недель»' }).click();
      await page.getByText(/Место ваше: план «База: 8 недель»/).waitFor();
      const held = page.locator(`li[data-held="${pool}"]`);
      await held.getByText('База: 8 недель').waitFor();
      await held.getByText('Продавец: Лёгкоатлетический клуб «Старт»').waitFor();
      await page.getByText('В ваших клубах сейчас нет свободных мест.').waitFor();
      expect(await liveClaims()).toEqual([{ user_id: runner, assigned: false }]);
      expect(await fitsWidth(page)).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${shots}/seats-member-ru.png`, fullPage: true });

      await held.getByRole('link', { name: 'Тренировка на сегодня' }).click();
      await page
        .getByRole('heading', { name: 'Тренировка на сегодня' })
        .waitFor({ timeout: 30_000 });
      await page.getByText('План «База: 8 недель»').first().waitFor({ timeout: 30_000 });
      await page.screenshot({ path: `${shots}/seats-member-home-ru.png`, fullPage: true });
    });

    // the owner (a member too) opens /seats while seats are on; then they go off
    await e2e.asUser('seats-off-ru', 'youth@trackside.test', async (page) => {
      await page.goto(`${e2e.app.url}/seats`);
      const offer = page.locator(`li[data-pool="${pool}"]`);
      await offer.getByText('Свободно: 19').waitFor();
      await seatsOff(true);
      await offer.getByRole('button', { name: 'Занять место в плане «База: 8 недель»' }).click();
      await page.getByText('Эта возможность отключена для вашей организации.').waitFor();
      await page
        .getByTestId('seats-off')
        .getByText('Лёгкоатлетический клуб «Юность»: места в планах сейчас отключены.', {
          exact: false,
        })
        .waitFor();
      expect(await page.locator('li[data-pool]').count()).toBe(0);
      expect(await liveClaims()).toEqual([{ user_id: runner, assigned: false }]);

      await page.goto(`${e2e.app.url}/org/${youth}/seats`);
      await page.getByRole('heading', { name: 'Места в планах', level: 1 }).waitFor();
      await page.getByTestId('seats-off').waitFor();
      expect(await page.locator('li[data-pool]').count()).toBe(0);
      expect(await fitsWidth(page)).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${shots}/seats-off-ru.png`, fullPage: true });
    });

    // the member's seat is not shown while the feature is off either
    await e2e.asUser('seats-member-off-ru', 'runner@trackside.test', async (page) => {
      await page.goto(`${e2e.app.url}/seats`);
      await page.getByTestId('seats-off').waitFor();
      await page.getByText('У вас пока нет места.').waitFor();
    });
  });

  test('360 px, English: the pools, a claim refused once the feature is off, and the notice', async () => {
    await seatsOff(false);
    await e2e.page(
      'seats-en',
      async (page) => {
        await signInEnglish(page, 'youth@trackside.test');
        await page
          .getByRole('navigation', { name: 'Manage: Лёгкоатлетический клуб «Юность»' })
          .getByRole('link', { name: 'Seats' })
          .click();
        await page.getByRole('heading', { name: 'Plan seats', level: 1 }).waitFor();
        const card = page.locator(`li[data-pool="${pool}"]`);
        await card.getByRole('heading', { name: 'Pool “База: 8 недель”' }).waitFor();
        expect(await card.getByTestId('seats-taken').textContent()).toBe('1 of 20 taken');
        await card
          .locator('li[data-claim]', { hasText: 'Роман Бегунов' })
          .getByText(/took it · since/)
          .waitFor();
        await card.getByRole('button', { name: 'Revoke Роман Бегунов’s seat' }).waitFor();
        expect(await fitsWidth(page)).toBe(true);
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: `${shots}/seats-admin-en.png`, fullPage: true });

        await page.goto(`${e2e.app.url}/seats`);
        await page.getByRole('heading', { name: 'Club seats', level: 1 }).waitFor();
        const offer = page.locator(`li[data-pool="${pool}"]`);
        await offer.getByText('19 left').waitFor();
        await page.screenshot({ path: `${shots}/seats-member-en.png`, fullPage: true });
        await seatsOff(true);
        await offer
          .getByRole('button', { name: 'Take a seat in the plan “База: 8 недель”' })
          .click();
        await page.getByText('This feature is turned off for your organization.').waitFor();
        await page
          .getByTestId('seats-off')
          .getByText('Лёгкоатлетический клуб «Юность»: plan seats are turned off at the moment.', {
            exact: false,
          })
          .waitFor();
        expect(await page.locator('li[data-pool]').count()).toBe(0);

        await page.goto(`${e2e.app.url}/org/${youth}/seats`);
        await page
          .getByTestId('seats-off')
          .getByText(/plan seats are turned off/)
          .waitFor();
        expect(await fitsWidth(page)).toBe(true);
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: `${shots}/seats-off-en.png`, fullPage: true });
      },
      { locale: 'en-US' },
    );
    expect(await liveClaims()).toEqual([{ user_id: runner, assigned: false }]);
  });
});
