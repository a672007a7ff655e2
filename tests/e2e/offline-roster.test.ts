/**
 * The coach's roster offline, end to end at 360 px: the built PWA against the
 * seeded local stack. An edit made offline survives a reload, shows as pending
 * and reaches the database once the network is back.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useE2eStack } from './e2e-stack.ts';
import { phone, seriousViolations, shots, signInAt, syncStatus } from './page-helpers.ts';

const demoCoach = { email: 'coach@trackside.test', password: 'trackside-demo' };
/** Смирнова Анна, group «Начинающие» (the demo coach's) */
const anna = 'd4000000-0000-4000-8000-000000000002';

const e2e = useE2eStack();

describe('coach roster offline at 360 px', () => {
  test('an offline schedule edit is pending, survives reloads and syncs when online', async () => {
    const context = await e2e.newContext({ viewport: phone, locale: 'ru-RU' });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('[page]', error.message));
    try {
      await page.goto(`${e2e.app.url}/sign-in`);
      await page.getByLabel('Email').fill(demoCoach.email);
      await page.getByLabel('Пароль', { exact: true }).fill(demoCoach.password);
      await page.getByRole('button', { name: 'Войти', exact: true }).click();
      await page.getByRole('link', { name: 'Спортсмены моих групп' }).click();
      await page.getByRole('heading', { name: 'Спортсмены' }).waitFor();

      // the coach's group only: «Начинающие», not «Спринт»
      const list = page.getByRole('list', { name: 'Спортсмены' });
      await list.getByText('Смирнова Анна').waitFor();
      expect(await list.getByText('Волков Егор').count()).toBe(0);
      await list.getByText('🕐 Пн 18:00').first().waitFor();
      await list.getByText('📝 Самозапись').first().waitFor();
      await page.screenshot({ path: join(shots, 'roster-coach.png'), fullPage: true });
      // one group of athletes: no group filter to trip over
      expect(await page.getByLabel('Группа').count()).toBe(0);
      await page.getByLabel('Поиск по имени').fill('попова');
      await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
      await list.getByText('Попова Мария').waitFor();
      await page.getByLabel('Поиск по имени').fill('');

      expect(await seriousViolations(page)).toEqual([]);

      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      await context.setOffline(true);
      await page.reload();
      await list.getByText('Смирнова Анна').click();
      await page.getByRole('heading', { name: 'Смирнова Анна' }).waitFor();
      const schedule = page.getByLabel('Расписание');

      // an invalid schedule: the message sits next to the field, nothing is queued
      await schedule.fill('Понедельник вечером');
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await page.getByText('Неверный формат расписания').waitFor();
      await page.screenshot({ path: join(shots, 'athlete-invalid.png'), fullPage: true });
      expect(await syncStatus(page)).toContain('Все изменения отправлены');

      await schedule.fill('Вт 18:00, Чт 18:00');
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await expect.poll(() => syncStatus(page)).toContain('Не отправлено: 1 изменение');
      await page.screenshot({ path: join(shots, 'athlete-pending.png'), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);

      // still offline, the edit is read back from the device
      await page.reload();
      await expect
        .poll(() => page.getByLabel('Расписание').inputValue())
        .toBe('Вт 18:00, Чт 18:00');
      expect(await syncStatus(page)).toContain('Не отправлено: 1 изменение');
      await page.getByRole('link', { name: 'К списку' }).click();
      await list.getByText('🕐 Вт 18:00').waitFor();
      await page.screenshot({ path: join(shots, 'roster-offline-pending.png'), fullPage: true });

      // signing out now would lose the edit: the app asks first, and staying keeps it
      await page.getByRole('link', { name: 'Trackside' }).click();
      let asked = '';
      // a confirm() blocks the click until answered, so answer it from the event
      page.once('dialog', (dialog) => {
        asked = dialog.message();
        void dialog.dismiss();
      });
      await page.getByRole('button', { name: 'Выйти' }).click();
      await expect.poll(() => asked).toContain('1 изменение ещё не отправлено');
      await page.getByRole('link', { name: 'Спортсмены моих групп' }).click();
      await list.getByText('🕐 Вт 18:00').waitFor();
      expect(await syncStatus(page)).toContain('Не отправлено: 1 изменение');

      await context.setOffline(false);
      await expect
        .poll(() => syncStatus(page), { timeout: 20_000 })
        .toContain('Все изменения отправлены');
      expect(await e2e.app.athleteSchedule(anna)).toBe('Вт 18:00, Чт 18:00');
      await page.screenshot({ path: join(shots, 'roster-synced.png'), fullPage: true });
    } catch (error) {
      await page
        .screenshot({ path: join(shots, 'failed-offline-roster.png'), fullPage: true })
        .catch(() => {});
      throw error;
    } finally {
      await context.close();
    }
  });

  test('a change the server refuses is listed with its reason and retried edited', async () => {
    const petrov = 'd4000000-0000-4000-8000-000000000001';
    // a rule the client does not know, so only the server can refuse the edit
    await e2e.app.exec(
      `alter table public.athletes add constraint e2e_no_sunday_nine
         check (schedule is distinct from 'Вс 09:00') not valid`,
    );
    const context = await e2e.newContext({ viewport: phone, locale: 'ru-RU' });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('[page]', error.message));
    try {
      await page.goto(`${e2e.app.url}/sign-in`);
      await page.getByLabel('Email').fill(demoCoach.email);
      await page.getByLabel('Пароль', { exact: true }).fill(demoCoach.password);
      await page.getByRole('button', { name: 'Войти', exact: true }).click();
      await page.getByRole('link', { name: 'Спортсмены моих групп' }).click();
      await page.getByRole('list', { name: 'Спортсмены' }).getByText('Петров Иван').waitFor();
      // the list still reorders while the first sync lands, so a tap on a card can
      // hit its neighbour: open Petrov's page by its address
      await page.goto(`${e2e.app.url}/roster/${petrov}`);
      await page.getByLabel('Расписание').fill('Вс 09:00');
      await page.getByRole('button', { name: 'Сохранить' }).click();

      const rejected = page.getByRole('link', { name: /Отклонено сервером: 1 изменение/ });
      await rejected.click({ timeout: 30_000 });
      await page.getByRole('heading', { name: 'Несинхронизированные изменения' }).waitFor();
      const item = page.getByRole('list', { name: 'Отклонено сервером' });
      // named by the athlete, so the coach knows whose edit it was
      await item.getByRole('link', { name: 'Петров Иван' }).waitFor();
      await item.getByText('Сервер не принял значение').waitFor();
      await page.screenshot({ path: join(shots, 'sync-rejected.png'), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);

      await item.getByLabel('Расписание').fill('Вс 10:00');
      await item.getByRole('button', { name: 'Повторить' }).click();
      await page.getByText('Все изменения приняты сервером.').waitFor();
      await expect
        .poll(() => syncStatus(page), { timeout: 20_000 })
        .toContain('Все изменения отправлены');
      expect(await e2e.app.athleteSchedule(petrov)).toBe('Вс 10:00');
    } catch (error) {
      await page
        .screenshot({ path: join(shots, 'failed-sync-rejected.png'), fullPage: true })
        .catch(() => {});
      throw error;
    } finally {
      await context.close();
    }
  });

  test('online but the server unreachable: the bar says so, keeps the edit, and a tap retries', async () => {
    const mikhailov = 'd4000000-0000-4000-8000-000000000007';
    await e2e.page('sync-failing', async (page) => {
      await signInAt(page, e2e.app.url, demoCoach.email);
      await page.goto(`${e2e.app.url}/roster/${mikhailov}`);
      await expect.poll(() => page.getByLabel('Расписание').inputValue()).toBe('Сб 10:00');
      // a Wi-Fi that answers nothing: the browser says online, every API call fails
      let pushes = 0;
      await page.route(`${e2e.app.apiUrl}/**`, (route) => {
        const request = route.request();
        if (request.method() === 'POST' && request.url().includes('/rpc/sync_push')) pushes++;
        return route.abort('connectionfailed');
      });
      await page.getByLabel('Расписание').fill('Сб 11:00');
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await expect
        .poll(() => syncStatus(page), { timeout: 30_000 })
        .toMatch(/Сервер не отвечает, повторим в \d\d:\d\d/);
      // the failing pull can be reported before the saved edit is counted
      await expect
        .poll(() => syncStatus(page), { timeout: 10_000 })
        .toContain('Не отправлено: 1 изменение');
      const retry = page.getByRole('button', { name: 'Повторить синхронизацию сейчас' });
      await page.screenshot({ path: join(shots, 'sync-failing.png'), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);

      // five failed attempts in, the backoff waits 8–16 s before the next one
      await expect.poll(() => pushes, { timeout: 40_000 }).toBeGreaterThanOrEqual(5);
      // the server is back: a tap sends the edit well before that
      await page.unroute(`${e2e.app.apiUrl}/**`);
      await retry.click();
      await expect
        .poll(() => syncStatus(page), { timeout: 5_000 })
        .toContain('Все изменения отправлены');
      expect(await retry.count()).toBe(0);
      expect(await e2e.app.athleteSchedule(mikhailov)).toBe('Сб 11:00');
    });
  });

  test('two coaches change one schedule offline: the earlier one is told, sees both values and puts theirs back', async () => {
    const sokolova = 'd4000000-0000-4000-8000-000000000006';
    const editOffline = async (page: Page, schedule: string) => {
      await page.goto(`${e2e.app.url}/roster/${sokolova}`);
      await expect
        .poll(() => page.getByLabel('Расписание').inputValue())
        .toBe('Пн 18:00, Ср 19:00');
      await page.context().setOffline(true);
      await page.getByLabel('Расписание').fill(schedule);
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await expect.poll(() => syncStatus(page)).toContain('Не отправлено: 1 изменение');
    };
    const sent = (page: Page) =>
      expect
        .poll(() => syncStatus(page), { timeout: 30_000 })
        .toContain('Все изменения отправлены');
    await e2e.page('superseded-coach', async (coach) => {
      await e2e.page('superseded-assistant', async (assistant) => {
        await signInAt(coach, e2e.app.url, demoCoach.email);
        await signInAt(assistant, e2e.app.url, 'assistant@trackside.test');
        await editOffline(coach, 'Пн 19:00');
        await editOffline(assistant, 'Вт 19:00, Чт 19:00');
        // the coach's change reaches the server first, the assistant's later wins
        await coach.context().setOffline(false);
        await sent(coach);
        await assistant.context().setOffline(false);
        await sent(assistant);
        expect(await e2e.app.athleteSchedule(sokolova)).toBe('Вт 19:00, Чт 19:00');

        // the coach's next sync brings the news: the badge counts it and names it
        await coach.reload();
        const told = coach.getByRole('link', { name: /Изменено кем-то другим: 1 изменение/ });
        await told.click({ timeout: 30_000 });
        const item = coach.getByRole('list', { name: 'Изменено кем-то другим' });
        await item.getByRole('link', { name: 'Соколова Елизавета' }).waitFor();
        await item.getByText('Ваше значение: Пн 19:00').waitFor();
        // and who: the group's second coach
        await item.getByText('Сохранено сейчас (Сергей Орлов): Вт 19:00, Чт 19:00').waitFor();
        await coach.screenshot({ path: join(shots, 'sync-superseded.png'), fullPage: true });
        expect(await seriousViolations(coach)).toEqual([]);

        await item.getByRole('button', { name: 'Вернуть моё' }).click();
        await coach.getByText('Все изменения приняты сервером.').waitFor();
        await sent(coach);
        expect(await e2e.app.athleteSchedule(sokolova)).toBe('Пн 19:00');
      });
    });
  });
});
