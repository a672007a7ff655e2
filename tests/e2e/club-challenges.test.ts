/**
 * Running clubs' dashboard and challenges at 360 px, in Russian and in English,
 * against the seeded local stack: «Юность» holds 20 seats of «Старт»'s plan and
 * runs «Декабрьская сотня», which runner@ has joined. Its owner (youth@) opens
 * the club's dashboard from the club's card and sets a new challenge there
 * (a wrong form first); runner@ joins it from the club's card, sees themself on
 * the leaderboard, and youth@ sees them too; runner@ leaves the leaderboard and
 * is gone from youth@'s, while still seeing their own progress. In English the
 * same pages, and then running_clubs turned off for «Юность» (an override row, as
 * the platform's admins would write it): the pages say so instead of an empty list.
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
const seeded = 'a7500000-0000-4000-8000-000000000001';
const runner = 'fa000000-0000-4000-8000-000000000004';

async function clubsOff(off: boolean): Promise<void> {
  await e2e.app.exec(
    off
      ? `insert into public.feature_flag_overrides (flag_key, org_id, enabled, note)
           values ('running_clubs', '${youth}', false, 'e2e: running clubs off for «Юность»')`
      : `delete from public.feature_flag_overrides where flag_key = 'running_clubs' and org_id = '${youth}'`,
  );
}

async function entries(title: string): Promise<{ user_id: string; on_leaderboard: boolean }[]> {
  return e2e.app.rows(
    `select e.user_id::text, e.on_leaderboard from public.club_challenge_participants e
       join public.club_challenges c on c.id = e.challenge_id
      where c.title = $1 and e.deleted_at is null order by e.joined_at`,
    [title],
  );
}

async function signInEnglish(page: Page, email: string): Promise<void> {
  await page.goto(`${e2e.app.url}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: 'My organizations' }).waitFor();
}

/** the board's rows as «place name amount» */
async function board(page: Page): Promise<string[]> {
  const rows = page.getByTestId('leaderboard').locator('ol.board li');
  return (await rows.allTextContents()).map((r) => r.replace(/\s+/g, ' ').trim());
}

describe('running clubs’ dashboard and challenges', () => {
  test('360 px, Russian: the dashboard, a new challenge, joining, the leaderboard and opting out', async () => {
    await e2e.asUser('club-admin-ru', 'youth@trackside.test', async (page) => {
      // from the club's admin links on the home page
      await page
        .getByRole('navigation', { name: 'Управление: Лёгкоатлетический клуб «Юность»' })
        .getByRole('link', { name: 'Клуб' })
        .click();
      await page.getByRole('heading', { name: 'Сводка клуба', level: 1 }).waitFor();
      const members = page.getByTestId('dash-members');
      await members.getByText('Всего: 2').waitFor();
      await members.getByText('Роман Бегунов').waitFor();
      await page.getByTestId('dash-seats').getByText('Занято 0 из 20').first().waitFor();
      await page
        .getByTestId('dash-seats')
        .getByText(/«База: 8 недель» — Лёгкоатлетический клуб «Старт»/)
        .waitFor();
      await page
        .getByTestId('dash-purchases')
        .getByText('Через места клуба пока ничего не куплено.')
        .waitFor();
      await page.getByTestId('dash-activity').getByText('меньше 5 чел.').waitFor();
      expect(await page.getByRole('link', { name: 'Аналитика клуба' }).getAttribute('href')).toBe(
        `/org/${youth}/analytics`,
      );
      expect(await fitsWidth(page)).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${shots}/club-dashboard-ru.png`, fullPage: true });

      await page.getByRole('link', { name: 'Челленджи клуба' }).click();
      await page.getByRole('heading', { name: 'Челленджи', level: 1 }).waitFor();
      const seededCard = page.locator(`li[data-challenge="${seeded}"]`);
      await seededCard.getByRole('heading', { name: 'Декабрьская сотня' }).waitFor();
      await seededCard.getByText(/Цель: 100 км/).waitFor();

      // a wrong form is said field by field and sends nothing
      const form = page.locator('form');
      await form.getByLabel('Цель (необязательно)').fill('0');
      await form.getByRole('button', { name: 'Создать челлендж' }).click();
      await form.getByText('Название: от 1 до 120 символов, без невидимых знаков.').waitFor();
      await form.getByText('Цель — целое число от 1 до 100 000 или пусто.').waitFor();
      await page.screenshot({ path: `${shots}/club-challenge-form-errors-ru.png`, fullPage: true });

      await form.getByLabel('Название').fill('Зимний спринт');
      await form.getByLabel('Что считаем').selectOption({ label: 'Занятия' });
      await form.getByLabel('Цель (необязательно)').fill('12');
      await form.getByRole('button', { name: 'Создать челлендж' }).click();
      await page.getByText('Челлендж «Зимний спринт» создан.').waitFor();
      const created = page.locator('li[data-challenge]', { hasText: 'Зимний спринт' });
      await created.getByText(/Цель: 12 зан\./).waitFor({ timeout: 30_000 });
      await created.getByText('Идёт').waitFor();
      expect(await fitsWidth(page)).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${shots}/club-challenges-admin-ru.png`, fullPage: true });
    });

    // the member joins from the club's card and sees themself on the board
    await e2e.asUser('club-member-ru', 'runner@trackside.test', async (page) => {
      await page.getByRole('link', { name: /^Челленджи/ }).click();
      await page.getByRole('heading', { name: 'Челленджи', level: 1 }).waitFor();
      await page.locator(`li[data-challenge="${seeded}"]`).getByText('Вы участвуете').waitFor();
      await page.getByRole('link', { name: 'Открыть челлендж «Зимний спринт»' }).click();
      await page.getByRole('heading', { name: 'Зимний спринт', level: 1 }).waitFor();
      await page.getByText('Вы пока не участвуете.').waitFor();
      await page.getByRole('button', { name: 'Присоединиться', exact: true }).click();
      await page.getByText('Вы в челлендже.').waitFor();
      await page.getByTestId('my-progress').getByText('0 зан.').waitFor();
      await page.getByText('В таблице: 1').waitFor();
      expect(await board(page)).toEqual(['1 Роман Бегунов (вы) 0 зан.']);
      expect(await entries('Зимний спринт')).toEqual([{ user_id: runner, on_leaderboard: true }]);
      expect(await fitsWidth(page)).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${shots}/club-challenge-member-ru.png`, fullPage: true });

      // the challenges and my entries are on the device: the list shows offline
      await page.getByRole('link', { name: 'Все челленджи' }).click();
      const joined = page.locator('li[data-challenge]', { hasText: 'Зимний спринт' });
      await joined.getByText('Вы участвуете').waitFor({ timeout: 30_000 });
      await page.context().setOffline(true);
      await page.getByText('Нет сети: список показан с устройства').waitFor();
      await page.getByRole('link', { name: 'Открыть челлендж «Декабрьская сотня»' }).click();
      await page.getByRole('heading', { name: 'Декабрьская сотня', level: 1 }).waitFor();
      await page.getByText(/Нет сети: эти данные хранятся на сервере/).waitFor();
      await page.getByRole('link', { name: 'Все челленджи' }).click();
      await joined.getByText('Вы участвуете').waitFor();
      await page.locator(`li[data-challenge="${seeded}"]`).getByText('Вы участвуете').waitFor();
      await page.screenshot({ path: `${shots}/club-challenges-offline-ru.png`, fullPage: true });
      await page.context().setOffline(false);
    });

    const openAsAdmin = async (page: Page) => {
      await page.goto(`${e2e.app.url}/org/${youth}/challenges`);
      await page.getByRole('link', { name: 'Открыть челлендж «Зимний спринт»' }).click();
      await page.getByRole('heading', { name: 'Зимний спринт', level: 1 }).waitFor();
    };
    await e2e.asUser('club-admin-board-ru', 'youth@trackside.test', async (page) => {
      await openAsAdmin(page);
      await page.getByText('В таблице: 1').waitFor();
      expect(await board(page)).toEqual(['1 Роман Бегунов 0 зан.']);
    });

    // the member leaves the leaderboard: their progress stays theirs
    await e2e.asUser('club-member-hidden-ru', 'runner@trackside.test', async (page) => {
      await page.goto(`${e2e.app.url}/org/${youth}/challenges`);
      await page.getByRole('link', { name: 'Открыть челлендж «Зимний спринт»' }).click();
      await page.getByText('В таблице: 1').waitFor();
      await page.getByLabel('Показывать меня в таблице лидеров').uncheck();
      await page
        .getByText('Вас больше нет в таблице лидеров. Ваш прогресс виден только вам.')
        .waitFor();
      await page.getByText('В таблице: 0').waitFor();
      await page.getByText('В таблице пока никого нет.').waitFor();
      await page.getByTestId('my-progress').getByText('0 зан.').waitFor();
      expect(await page.getByLabel('Показывать меня в таблице лидеров').isChecked()).toBe(false);
      expect(await entries('Зимний спринт')).toEqual([{ user_id: runner, on_leaderboard: false }]);
      await page.screenshot({ path: `${shots}/club-challenge-hidden-ru.png`, fullPage: true });
    });

    await e2e.asUser('club-admin-gone-ru', 'youth@trackside.test', async (page) => {
      await openAsAdmin(page);
      await page.getByText('В таблице: 0').waitFor();
      await page.getByText('В таблице пока никого нет.').waitFor();
      expect(await page.getByTestId('leaderboard').getByText('Роман Бегунов').count()).toBe(0);
      expect(await fitsWidth(page)).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${shots}/club-challenge-admin-gone-ru.png`, fullPage: true });
    });
  });

  test('360 px, English: the dashboard, the seeded challenge, opting out, then the feature off', async () => {
    await e2e.page(
      'club-en',
      async (page) => {
        await signInEnglish(page, 'runner@trackside.test');
        await page.getByRole('link', { name: /^Challenges/ }).click();
        await page.getByRole('heading', { name: 'Challenges', level: 1 }).waitFor();
        await page.getByRole('link', { name: 'Open the challenge “Декабрьская сотня”' }).click();
        await page.getByRole('heading', { name: 'Декабрьская сотня', level: 1 }).waitFor();
        await page.getByTestId('my-progress').getByText('0 km').waitFor();
        await page.getByTestId('my-progress').getByText('0% of the target').waitFor();
        await page.getByText('On the board: 1').waitFor();
        expect(await board(page)).toEqual(['1 Роман Бегунов (you) 0 km']);
        expect(await fitsWidth(page)).toBe(true);
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: `${shots}/club-challenge-member-en.png`, fullPage: true });
        await page.getByLabel('Show me on the leaderboard').uncheck();
        await page.getByText('You are off the leaderboard. Only you see your progress.').waitFor();
        await page.getByText('Nobody on the leaderboard yet.').waitFor();
      },
      { locale: 'en-US' },
    );
    expect(await entries('Декабрьская сотня')).toEqual([
      { user_id: runner, on_leaderboard: false },
    ]);

    await e2e.page(
      'club-admin-en',
      async (page) => {
        await signInEnglish(page, 'youth@trackside.test');
        await page
          .getByRole('navigation', { name: 'Manage: Лёгкоатлетический клуб «Юность»' })
          .getByRole('link', { name: 'Club' })
          .click();
        await page.getByRole('heading', { name: 'Club dashboard', level: 1 }).waitFor();
        await page.getByTestId('dash-seats').getByText('0 of 20 taken').first().waitFor();
        await page.getByTestId('dash-activity').getByText('under 5 people').waitFor();
        expect(await fitsWidth(page)).toBe(true);
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: `${shots}/club-dashboard-en.png`, fullPage: true });

        await page.getByRole('link', { name: 'Club challenges' }).click();
        await page.getByRole('link', { name: 'Open the challenge “Декабрьская сотня”' }).click();
        await page.getByText('On the board: 0').waitFor();
        await page.getByText('Nobody on the leaderboard yet.').waitFor();
        await page.screenshot({ path: `${shots}/club-challenge-admin-en.png`, fullPage: true });

        // running_clubs off for the club: the pages say so, and the server refuses
        await clubsOff(true);
        await page.goto(`${e2e.app.url}/org/${youth}/club`);
        await page
          .getByTestId('clubs-off')
          .getByText(/running club features are turned off/)
          .waitFor();
        await page.goto(`${e2e.app.url}/org/${youth}/challenges`);
        await page
          .getByTestId('clubs-off')
          .getByText(/running club features are turned off/)
          .waitFor();
        expect(await page.locator('form').count()).toBe(0);
        expect(await fitsWidth(page)).toBe(true);
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: `${shots}/club-off-en.png`, fullPage: true });
      },
      { locale: 'en-US' },
    );
    await clubsOff(false);
  });
});
