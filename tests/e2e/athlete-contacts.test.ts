/**
 * Athletes, what people used to Spond or Moyklass expect (issue 13): a guardian's
 * contact, a phone and a birth date on the athlete for the staff only, edited
 * offline; and moving several athletes to another group at once, offline too.
 * The built PWA against the seeded local stack, at 360 px.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useE2eStack } from './e2e-stack.ts';
import { seriousViolations, shots, signInAt, syncStatus } from './page-helpers.ts';
import { beginners } from './seed-facts.ts';

/** Петров Иван, «Начинающие», linked to athlete@trackside.test */
const petrov = 'd4000000-0000-4000-8000-000000000001';
/** the account linked to him */
const athleteUser = 'd0000000-0000-4000-8000-000000000004';
/** «Спринт» */
const sprint = 'd2000000-0000-4000-8000-000000000002';

const e2e = useE2eStack();

/** rows a user's device holds of a store, read from IndexedDB itself (-1: no such store) */
function storedRows(page: Page, userId: string, store: string): Promise<number> {
  return page.evaluate(
    ([name, table]) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(table)) {
            db.close();
            resolve(-1);
            return;
          }
          const count = db.transaction(table).objectStore(table).count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
          count.onerror = () => reject(count.error ?? new Error('count failed'));
        };
      }),
    [`trackside-user-${userId}`, store] as const,
  );
}

describe('athletes: staff-only contacts and moving several at once', () => {
  test('a coach fills in contacts offline; they sync, and the athlete never sees them', async () => {
    await e2e.page('athlete-contacts', async (page, context) => {
      await signInAt(page, e2e.app.url, 'coach@trackside.test');
      await page.goto(`${e2e.app.url}/roster/${petrov}`);
      await page.getByRole('heading', { name: 'Петров Иван' }).waitFor();
      const contacts = page.getByRole('region', { name: 'Контакты' });
      await contacts.getByText('Видят только тренеры группы и администраторы клуба').waitFor();
      await expect.poll(() => syncStatus(page)).toContain('Все изменения отправлены');
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));

      await context.setOffline(true);
      await page.reload();
      await contacts.getByLabel('Имя родителя или опекуна').fill('Петрова Ольга');
      // a phone that is no phone: the message sits by the field, nothing is queued
      await contacts.getByLabel('Телефон родителя').fill('позвонить маме');
      await contacts.getByRole('button', { name: 'Записать контакты' }).click();
      await contacts.getByText('Телефон: цифры, можно «+» в начале').waitFor();
      expect(await syncStatus(page)).toContain('Все изменения отправлены');

      await contacts.getByLabel('Телефон родителя').fill('+7 916 123-45-67');
      await contacts.getByLabel('Почта родителя').fill('olga.petrova@example.ru');
      await contacts.getByLabel('Телефон спортсмена').fill('8 (926) 765-43-21');
      await contacts.getByLabel('Дата рождения').fill('2012-05-17');
      await contacts.getByRole('button', { name: 'Записать контакты' }).click();
      await contacts.getByText('Контакты сохранены').waitFor();
      await expect.poll(() => syncStatus(page)).toContain('Не отправлено: 1 изменение');
      await contacts.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, 'athletes-contacts-offline.png'), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);

      // read back from the device, still offline
      await page.reload();
      await expect
        .poll(() => contacts.getByLabel('Телефон родителя').inputValue())
        .toBe('+7 916 123-45-67');

      await context.setOffline(false);
      await expect
        .poll(() => syncStatus(page), { timeout: 20_000 })
        .toContain('Все изменения отправлены');
      const rows = await e2e.app.rows<{
        guardian_name: string;
        guardian_phone: string;
        guardian_email: string;
        phone: string;
        birth_date: string;
      }>(
        `select guardian_name, guardian_phone, guardian_email, phone, birth_date::text
           from public.athlete_contacts where id = $1`,
        [petrov],
      );
      expect(rows).toEqual([
        {
          guardian_name: 'Петрова Ольга',
          guardian_phone: '+7 916 123-45-67',
          guardian_email: 'olga.petrova@example.ru',
          phone: '8 (926) 765-43-21',
          birth_date: '2012-05-17',
        },
      ]);
    });

    // the athlete's own login: nothing of it on the page, nor on the device
    await e2e.page('athlete-contacts-hidden', async (page) => {
      await signInAt(page, e2e.app.url, 'athlete@trackside.test');
      await page.goto(`${e2e.app.url}/me`);
      await expect
        .poll(() => syncStatus(page), { timeout: 20_000 })
        .toContain('Все изменения отправлены');
      expect(await page.getByText('Петрова Ольга').count()).toBe(0);
      await page.goto(`${e2e.app.url}/roster/${petrov}`);
      await page.getByRole('heading', { name: 'Петров Иван' }).waitFor();
      expect(await page.getByRole('region', { name: 'Контакты' }).count()).toBe(0);
      expect(await page.getByText('+7 916 123-45-67').count()).toBe(0);
      expect(await storedRows(page, athleteUser, 'athlete_contacts')).toBe(0);
    });
  });

  test('an admin moves three athletes to another group offline; each move syncs', async () => {
    const moving = ['Морозова Варвара', 'Михайлов Никита', 'Новикова Полина'];
    await e2e.page('athletes-group-move', async (page, context) => {
      await signInAt(page, e2e.app.url, 'admin@trackside.test');
      await page.goto(`${e2e.app.url}/roster`);
      const list = page.getByRole('list', { name: 'Спортсмены' });
      await list.getByText('Морозова Варвара').waitFor();
      await expect.poll(() => syncStatus(page)).toContain('Все изменения отправлены');
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));

      await context.setOffline(true);
      await page.reload();
      await page.getByRole('button', { name: 'Выбрать несколько' }).click();
      for (const name of moving) await page.getByLabel(`Выбрать: ${name}`).check();
      await page.getByText('Выбрано: 3').waitFor();
      await page
        .getByRole('combobox', { name: 'Перевести в группу' })
        .selectOption({ label: 'Спринт' });
      await page.screenshot({ path: join(shots, 'athletes-group-move-ru.png'), fullPage: false });
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Перевести (3)' }).click();
      await page.getByText('Переведено в «Спринт»: 3.').waitFor();
      await page.getByText('Выбрано: 0').waitFor();
      // one queued change per athlete
      await expect.poll(() => syncStatus(page)).toContain('Не отправлено: 3 изменения');
      await page.screenshot({ path: join(shots, 'athletes-group-moved-ru.png'), fullPage: false });

      await context.setOffline(false);
      await expect
        .poll(() => syncStatus(page), { timeout: 20_000 })
        .toContain('Все изменения отправлены');
      const rows = await e2e.app.rows<{ name: string; group_id: string }>(
        `select name, group_id::text from public.athletes where name = any ($1) order by name`,
        [moving],
      );
      expect(rows.map((r) => r.group_id)).toEqual([sprint, sprint, sprint]);
      const left = await e2e.app.rows<{ n: number }>(
        'select count(*)::int as n from public.athletes where group_id = $1 and deleted_at is null',
        [beginners],
      );
      expect(left[0]?.n).toBe(7);
    });
  });

  test('in English: the contacts section and the select mode', async () => {
    await e2e.page(
      'athletes-en',
      async (page) => {
        await page.goto(`${e2e.app.url}/sign-in`);
        await page.getByLabel('Email').fill('coach@trackside.test');
        await page.getByLabel('Password', { exact: true }).fill('trackside-demo');
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        // signed in once the app leaves the form; a navigation before that would race it
        await page.waitForURL((u) => u.pathname !== '/sign-in');
        await page.goto(`${e2e.app.url}/roster/${petrov}`);
        const contacts = page.getByRole('region', { name: 'Contacts' });
        await contacts.getByLabel("Parent's phone").waitFor();
        // the first test filled these in: a name with no way to reach them is refused
        await contacts.getByLabel("Parent's or guardian's name").fill('Olga');
        await contacts.getByLabel("Parent's phone").fill('');
        await contacts.getByLabel("Parent's email").fill('');
        await contacts.getByRole('button', { name: 'Update contacts' }).click();
        await contacts.getByText("Enter the parent's phone or email").waitFor();
        await contacts.scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(shots, 'athletes-contacts-en.png'), fullPage: true });

        await page.goto(`${e2e.app.url}/roster`);
        await page.getByRole('button', { name: 'Select several' }).click();
        await page.getByText('Selected: 0').waitFor();
        await page.getByRole('combobox', { name: 'Move to group' }).waitFor();
        await page.screenshot({ path: join(shots, 'athletes-group-move-en.png'), fullPage: false });
        expect(await seriousViolations(page)).toEqual([]);
      },
      { locale: 'en-US' },
    );
  });
});
