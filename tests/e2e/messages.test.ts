/**
 * Issue 17's messages at 360 px against the seeded local stack: the coach posts an
 * announcement to «Начинающие» offline and it syncs; the athlete reads it offline
 * (the read syncs later); the coach sees it read; the athlete writes to the coach
 * («Напишите тренеру») offline, the message waits, then reaches the coach. In
 * English too. Screenshots go to /tmp/shots/messages-*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useE2eStack } from './e2e-stack.ts';
import { seriousViolations, signInAt, syncStatus } from './page-helpers.ts';

const dir = '/tmp/shots';
mkdirSync(dir, { recursive: true });
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(dir, `messages-${name}.png`), fullPage: true });

const e2e = useE2eStack();
const title = 'Забег в воскресенье';

async function synced(page: Page): Promise<void> {
  await expect
    .poll(() => syncStatus(page), { timeout: 30_000 })
    .toContain('Все изменения отправлены');
}

describe('messages at the track', () => {
  test(
    'an announcement posted offline is read offline and seen read; the athlete writes to the coach',
    { timeout: 300_000 },
    async () => {
      // the coach posts offline
      await e2e.page('messages-coach', async (page, context) => {
        await signInAt(page, e2e.app.url, 'coach@trackside.test');
        await page.getByRole('link', { name: 'Сообщения' }).click();
        await page.getByRole('heading', { name: 'Сообщения', level: 1 }).waitFor();
        await page.getByText('Тренировка в субботу на стадионе').waitFor();
        await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
        await context.setOffline(true);
        await page.reload();
        await page.getByRole('link', { name: 'Новое объявление' }).click();
        await page.getByLabel('Кому').selectOption({ label: 'Группа «Начинающие»' });
        await page.getByLabel('Заголовок').fill(title);
        await page.getByLabel('Текст').fill('Сбор в 9:30 у парка. Дистанция 5 км.');
        await page.getByRole('button', { name: 'Опубликовать' }).click();
        await page.getByRole('heading', { name: title, level: 1 }).waitFor();
        await page.getByText('Ждёт отправки').waitFor();
        await shot(page, 'coach-offline-ru');
        expect(await seriousViolations(page)).toEqual([]);
        await context.setOffline(false);
        await synced(page);
      });
      expect(
        await e2e.app.rows(
          `select a.title, u.email from public.announcements a join auth.users u on u.id = a.sender_id
            where a.title = $1`,
          [title],
        ),
      ).toEqual([{ title, email: 'coach@trackside.test' }]);

      // the athlete reads it offline, then writes to the coach offline
      await e2e.page('messages-athlete', async (page, context) => {
        await signInAt(page, e2e.app.url, 'athlete@trackside.test');
        const link = page.getByRole('link', { name: /Сообщения/ });
        await expect.poll(() => link.textContent()).toContain('непрочит.');
        await link.click();
        await page.getByRole('link', { name: new RegExp(title) }).waitFor();
        await shot(page, 'athlete-list-ru');
        await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
        await context.setOffline(true);
        await page.reload();
        await page.getByRole('link', { name: new RegExp(title) }).click();
        await page.getByRole('heading', { name: title, level: 1 }).waitFor();
        await page.getByText('Сбор в 9:30 у парка').waitFor();
        await shot(page, 'athlete-read-offline-ru');
        await expect.poll(() => syncStatus(page)).toContain('Не отправлено: 1 изменение');

        await page.goto(`${e2e.app.url}/messages`);
        await page.getByRole('link', { name: 'Написать: Игорь Волков' }).click();
        await page.getByText('можно мне завтра прийти на полчаса позже').waitFor();
        await page.getByPlaceholder('Сообщение').fill('Спасибо! В воскресенье буду.');
        await page.getByRole('button', { name: 'Отправить' }).click();
        await page.getByText('Спасибо! В воскресенье буду.').waitFor();
        await page.getByText(/Ждёт отправки/).waitFor();
        await shot(page, 'athlete-thread-offline-ru');
        expect(await seriousViolations(page)).toEqual([]);
        await context.setOffline(false);
        await synced(page);
      });
      expect(
        await e2e.app.rows(
          `select u.email from public.announcement_reads r
             join public.announcements a on a.id = r.announcement_id
             join auth.users u on u.id = r.user_id where a.title = $1`,
          [title],
        ),
      ).toEqual([{ email: 'athlete@trackside.test' }]);
      expect(
        await e2e.app.rows(
          `select u.email from public.conversation_messages m join auth.users u on u.id = m.sender_id
            where m.body = 'Спасибо! В воскресенье буду.'`,
        ),
      ).toEqual([{ email: 'athlete@trackside.test' }]);

      // the coach sees it read, and the athlete's message
      await e2e.asUser('messages-coach-sees', 'coach@trackside.test', async (page) => {
        await page.goto(`${e2e.app.url}/messages`);
        await page.getByRole('link', { name: new RegExp(title) }).click();
        await page.getByRole('heading', { name: 'Кто прочитал' }).waitFor();
        await page.getByText('Иван Петров').waitFor();
        await expect.poll(() => page.getByText(/Прочитали: 1 из \d+/).count()).toBe(1);
        await shot(page, 'coach-readers-ru');
        await page.goto(`${e2e.app.url}/messages`);
        await page.getByRole('link', { name: /Петров Иван/ }).click();
        await page.getByText('Спасибо! В воскресенье буду.').waitFor();
        await shot(page, 'coach-thread-ru');
        expect(await seriousViolations(page)).toEqual([]);
      });
    },
  );

  test('in English the messages read in English', async () => {
    await e2e.page(
      'messages-en',
      async (page) => {
        await page.goto(`${e2e.app.url}/sign-in`);
        await page.getByLabel('Email').fill('athlete@trackside.test');
        await page.getByLabel('Password', { exact: true }).fill('trackside-demo');
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await page.getByRole('heading', { name: 'My organizations' }).waitFor();
        await page.getByRole('link', { name: /Messages/ }).click();
        await page.getByRole('heading', { name: 'Messages', level: 1 }).waitFor();
        await page.getByRole('heading', { name: 'Write to your coach' }).waitFor();
        await page.getByText('Тренировка в субботу на стадионе').waitFor();
        await shot(page, 'athlete-list-en');
        await page.getByRole('link', { name: 'Write to Игорь Волков' }).click();
        await page.getByRole('button', { name: 'Send' }).waitFor();
        await shot(page, 'athlete-thread-en');
        expect(await seriousViolations(page)).toEqual([]);
      },
      { locale: 'en-US' },
    );
  });
});
