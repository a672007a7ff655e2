/**
 * Typed schedules at 360 px, in Russian and in English: what a coach types the
 * way people type it (`пн 8.00`, `Mon 18:00`, `самозапись`, no space after the
 * comma) is saved in seed 001's form, online and offline → sync; `Пн 25:00` is
 * refused with a message and nothing queued; a lenient value an older app
 * queued is applied, not refused; English shows English day names and stores
 * Russian; turning Самозапись on and off again keeps the times.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useE2eStack } from './e2e-stack.ts';
import { demoPassword, seriousViolations, shots, syncStatus } from './page-helpers.ts';

const e2e = useE2eStack();

/** Смирнова Анна and Попова Мария, group «Начинающие» (the demo coach's) */
const anna = 'd4000000-0000-4000-8000-000000000002';
const popova = 'd4000000-0000-4000-8000-000000000004';

const words = {
  ru: {
    password: 'Пароль',
    signIn: 'Войти',
    home: 'Мои организации',
    schedule: 'Расписание',
    save: 'Сохранить',
    saved: 'Сохранено.',
    sent: 'Все изменения отправлены',
    pending: 'Не отправлено: 1 изменение',
    picker: 'Добавить день и время',
    day: 'День',
    time: 'Время',
    add: 'Добавить время',
    self: 'Самозапись: спортсмен записывается сам',
    wrongTime: 'Неверное время: часы от 0 до 23',
    unknownDay: 'Неизвестный день недели',
    list: 'Спортсмены',
    back: 'К списку',
  },
  en: {
    password: 'Password',
    signIn: 'Sign in',
    home: 'My organizations',
    schedule: 'Schedule',
    save: 'Save',
    saved: 'Saved.',
    sent: 'All changes sent',
    pending: 'Not sent: 1 change',
    picker: 'Add a day and time',
    day: 'Day',
    time: 'Time',
    add: 'Add the time',
    self: 'Self-booking: the athlete books sessions themselves',
    wrongTime: 'Wrong time: hours 0 to 23',
    unknownDay: 'Unknown weekday',
    list: 'Athletes',
    back: 'Back to the list',
  },
} as const;
type Words = (typeof words)[keyof typeof words];

async function signIn(page: Page, w: Words): Promise<void> {
  await page.goto(`${e2e.app.url}/sign-in`);
  await page.getByLabel('Email').fill('coach@trackside.test');
  await page.getByLabel(w.password, { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: w.signIn, exact: true }).click();
  await page.getByRole('heading', { name: w.home }).waitFor();
  await expect.poll(() => syncStatus(page), { timeout: 30_000 }).toContain(w.sent);
}

/** rewrites the schedule of every queued edit on the device, as an older app queued it */
async function queueAsOlderClient(page: Page, schedule: string): Promise<void> {
  await page.evaluate(
    async ({ prefix, value }) => {
      const names = (await indexedDB.databases()).map((d) => d.name ?? '');
      const name = names.find((n) => n.startsWith(prefix)) ?? '';
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('sync_outbox', 'readwrite');
          const store = tx.objectStore('sync_outbox');
          const all = store.getAll();
          all.onsuccess = () => {
            for (const e of all.result as { fields: Record<string, unknown> }[]) {
              if (typeof e.fields['schedule'] === 'string') {
                store.put({ ...e, fields: { ...e.fields, schedule: value } });
              }
            }
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      });
    },
    { prefix: 'trackside-user-', value: schedule },
  );
}

function stored(id: string): Promise<string | null> {
  return e2e.app.athleteSchedule(id);
}

/** types a schedule, saves, and waits for the field to show it as stored */
async function saveTyped(page: Page, w: Words, typed: string, shown: string): Promise<void> {
  const field = page.getByLabel(w.schedule);
  await field.fill(typed);
  await page.getByRole('button', { name: w.save, exact: true }).click();
  await page.getByText(w.saved).waitFor();
  await expect.poll(() => field.inputValue()).toBe(shown);
}

describe('typed schedules', () => {
  test('in Russian: lenient input is stored canonical, online and offline; 25:00 is refused; Самозапись keeps the times', async () => {
    const w = words.ru;
    await e2e.page('schedules-ru', async (page, context) => {
      await signIn(page, w);
      await page.goto(`${e2e.app.url}/roster/${anna}`);
      const field = page.getByLabel(w.schedule);
      await expect.poll(() => field.inputValue()).toBe('Пн 18:00, Ср 18:00, Пт 17:30');

      // really wrong: a message next to the field, nothing queued, nothing stored
      await field.fill('Пн 25:00');
      await page.getByRole('button', { name: w.save, exact: true }).click();
      await page.getByText(w.wrongTime).waitFor();
      await field.fill('Пон 18:00');
      await page.getByRole('button', { name: w.save, exact: true }).click();
      await page.getByText(w.unknownDay).waitFor();
      await page.screenshot({ path: join(shots, 'schedules-refused-ru.png'), fullPage: true });
      expect(await syncStatus(page)).toContain(w.sent);
      expect(await stored(anna)).toBe('Пн 18:00, Ср 18:00, Пт 17:30');

      // as people type: stored in seed 001's form
      const cases: [string, string][] = [
        ['пн 18:00', 'Пн 18:00'],
        ['Пн 8:00', 'Пн 08:00'],
        ['Пн 18.00', 'Пн 18:00'],
        ['Пн 18:00,Ср 19:00', 'Пн 18:00, Ср 19:00'],
        ['  ср 19.00 ,  ПН   7:05 ', 'Пн 07:05, Ср 19:00'],
        ['самозапись', 'Самозапись'],
      ];
      for (const [typed, canonical] of cases) {
        await saveTyped(page, w, typed, canonical);
        await expect.poll(() => stored(anna), { timeout: 20_000 }).toBe(canonical);
      }
      await expect.poll(() => syncStatus(page), { timeout: 20_000 }).toContain(w.sent);

      // Самозапись on and off again gives back the times entered before
      await saveTyped(page, w, 'Вт 18:00, Чт 18:00', 'Вт 18:00, Чт 18:00');
      await expect.poll(() => stored(anna), { timeout: 20_000 }).toBe('Вт 18:00, Чт 18:00');
      const picker = page.getByRole('group', { name: w.picker });
      const self = picker.getByLabel(w.self);
      await self.check();
      await expect.poll(() => field.inputValue()).toBe('Самозапись');
      await self.uncheck();
      await expect.poll(() => field.inputValue()).toBe('Вт 18:00, Чт 18:00');
      // also for what was typed and not saved yet
      await field.fill('пт 7.30');
      await self.check();
      await expect.poll(() => field.inputValue()).toBe('Самозапись');
      await self.uncheck();
      await expect.poll(() => field.inputValue()).toBe('Пт 07:30');
      await page.screenshot({ path: join(shots, 'schedules-self-ru.png'), fullPage: true });

      // offline: queued already canonical, and the server agrees once synced
      await expect.poll(() => syncStatus(page), { timeout: 20_000 }).toContain(w.sent);
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      await context.setOffline(true);
      await saveTyped(page, w, 'сб 9.00;вт 18:30', 'Вт 18:30, Сб 09:00');
      await expect.poll(() => syncStatus(page)).toContain(w.pending);
      await page.getByRole('link', { name: w.back }).click();
      const list = page.getByRole('list', { name: w.list });
      await list.getByText('🕐 Сб 09:00').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await context.setOffline(false);
      await expect.poll(() => syncStatus(page), { timeout: 30_000 }).toContain(w.sent);
      expect(await stored(anna)).toBe('Вт 18:30, Сб 09:00');

      // what an older version of the app could have queued: a lenient schedule
      // (its form refused one, its /sync retry did not); the server stores it canonical
      await context.setOffline(true);
      await page.goto(`${e2e.app.url}/roster/${anna}`);
      await saveTyped(page, w, 'Пн 18:00', 'Пн 18:00');
      await expect.poll(() => syncStatus(page)).toContain(w.pending);
      await queueAsOlderClient(page, 'пн 8.00,ср 19.00');
      await context.setOffline(false);
      await expect.poll(() => stored(anna), { timeout: 30_000 }).toBe('Пн 08:00, Ср 19:00');
      await expect.poll(() => syncStatus(page), { timeout: 30_000 }).toContain(w.sent);
      expect(await syncStatus(page)).not.toContain('Отклонено');
    });
  });

  test('in English: English day names shown and accepted, Russian stored', async () => {
    const w = words.en;
    await e2e.page(
      'schedules-en',
      async (page, context) => {
        await signIn(page, w);
        await page.goto(`${e2e.app.url}/roster/${popova}`);
        const field = page.getByLabel(w.schedule);
        // the stored «Вт 17:00, Чт 17:00», in English
        await expect.poll(() => field.inputValue()).toBe('Tue 17:00, Thu 17:00');
        await page.getByText('E.g. Mon 18:00, Wed 19:00').waitFor();
        const picker = page.getByRole('group', { name: w.picker });
        await picker.getByRole('button', { name: 'Remove Tue 17:00' }).waitFor();
        expect(
          await picker
            .getByLabel(w.day)
            .locator('option')
            .evaluateAll((options) => options.map((o) => o.textContent?.trim())),
        ).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);

        await field.fill('Mon 25:00');
        await page.getByRole('button', { name: w.save, exact: true }).click();
        await page.getByText(w.wrongTime).waitFor();
        expect(await stored(popova)).toBe('Вт 17:00, Чт 17:00');

        const cases: [string, string, string][] = [
          ['Mon 18:00, Wed 19:00', 'Mon 18:00, Wed 19:00', 'Пн 18:00, Ср 19:00'],
          ['mon 18.00', 'Mon 18:00', 'Пн 18:00'],
          ['WED 7:00,fri 19.30', 'Wed 07:00, Fri 19:30', 'Ср 07:00, Пт 19:30'],
          ['Self-booking', 'Self-booking', 'Самозапись'],
          ['Пн 18:00, Ср 19:00', 'Mon 18:00, Wed 19:00', 'Пн 18:00, Ср 19:00'],
        ];
        for (const [typed, shown, canonical] of cases) {
          await saveTyped(page, w, typed, shown);
          await expect.poll(() => stored(popova), { timeout: 20_000 }).toBe(canonical);
        }

        // the picker adds in English, stores in Russian; Self-booking keeps the times
        await picker.getByLabel(w.day).selectOption({ label: 'Fri' });
        await picker.getByLabel(w.time).fill('07:30');
        await picker.getByRole('button', { name: w.add }).click();
        await expect.poll(() => field.inputValue()).toBe('Mon 18:00, Wed 19:00, Fri 07:30');
        const self = picker.getByLabel(w.self);
        await self.check();
        await expect.poll(() => field.inputValue()).toBe('Self-booking');
        await self.uncheck();
        await expect.poll(() => field.inputValue()).toBe('Mon 18:00, Wed 19:00, Fri 07:30');
        await page.screenshot({ path: join(shots, 'schedules-en.png'), fullPage: true });
        expect(await seriousViolations(page)).toEqual([]);

        // offline → sync
        await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
        await context.setOffline(true);
        await saveTyped(page, w, 'sun 10.00;Thu 19:15', 'Thu 19:15, Sun 10:00');
        await expect.poll(() => syncStatus(page)).toContain(w.pending);
        await page.getByRole('link', { name: w.back }).click();
        const list = page.getByRole('list', { name: w.list });
        await list.getByText('🕐 Sun 10:00').waitFor();
        await page.screenshot({ path: join(shots, 'schedules-roster-en.png'), fullPage: true });
        await context.setOffline(false);
        await expect.poll(() => syncStatus(page), { timeout: 30_000 }).toContain(w.sent);
        expect(await stored(popova)).toBe('Чт 19:15, Вс 10:00');
      },
      { locale: 'en-US' },
    );
  });
});
