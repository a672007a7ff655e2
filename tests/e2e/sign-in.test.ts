/**
 * The shell end to end, in the system Chromium at phone width (360×740): the
 * built PWA (with its service worker) served against the local stack seeded with
 * the demo club. Screenshots land in test-results/.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { runtimeConfigStorageKey } from '../../src/data/runtime-config.ts';
import { useE2eStack } from './e2e-stack.ts';
import { seriousViolations, shots, signIn } from './page-helpers.ts';

const demoCoach = { email: 'coach@trackside.test', password: 'trackside-demo' };

const e2e = useE2eStack();

/** a fresh phone-sized profile in the given browser language */
function inPage(
  name: string,
  fn: (page: Page, context: BrowserContext) => Promise<void>,
  locale = 'ru-RU',
): Promise<void> {
  return e2e.page(name, fn, { locale });
}

describe('sign-in and organizations at 360 px', () => {
  test('a wrong password shows the server’s message next to the form', async () => {
    await inPage('wrong-password', async (page) => {
      // signed out, the home URL shows the sign-in form in place
      await page.goto(e2e.app.url);
      await page.getByRole('heading', { name: 'Вход' }).waitFor();
      await signIn(page, demoCoach.email, 'not-the-password');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('Invalid login credentials');
      await page.screenshot({ path: join(shots, 'sign-in-wrong-password.png'), fullPage: true });
      // still on the sign-in page, nothing stored
      expect(new URL(page.url()).pathname).toBe('/');
      expect(await page.getByRole('heading', { name: 'Вход' }).count()).toBe(1);
    });
  });

  test('the demo coach signs in and sees their club and role', async () => {
    await inPage('demo-coach', async (page) => {
      await page.goto(`${e2e.app.url}/sign-in`);
      await page.getByRole('heading', { name: 'Вход' }).waitFor();
      await page.screenshot({ path: join(shots, 'sign-in.png'), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);

      await signIn(page, demoCoach.email, demoCoach.password);
      await page.getByRole('heading', { name: 'Мои организации' }).waitFor();
      // /sign-in hands over to the home page once signed in
      expect(new URL(page.url()).pathname).toBe('/');
      const clubs = await e2e.app.organizationsOf(demoCoach.email);
      expect(clubs.length).toBeGreaterThan(0);
      const list = page.getByRole('list', { name: 'Мои организации' });
      for (const club of clubs) {
        const item = list.getByRole('listitem').filter({ hasText: club.name });
        await item.waitFor();
        expect(await item.textContent()).toContain(roleNames[club.role]);
      }
      await page.screenshot({ path: join(shots, 'home-coach.png'), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);

      // sign-out returns to /sign-in and leaves nothing of this user behind; the
      // API's address (runtime-config.ts) stays: it is the server's, not the user's,
      // and the next start without network needs it
      await page.getByRole('button', { name: 'Выйти' }).click();
      await page.getByRole('heading', { name: 'Вход' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      const leftovers = await page.evaluate(
        (kept) =>
          Object.keys(localStorage).filter((key) => /trackside|sb-/.test(key) && key !== kept),
        runtimeConfigStorageKey,
      );
      expect(leftovers).toEqual([]);
    });
  });

  test('a new user signs up, creates an organization, and the shell opens offline', async () => {
    const stamp = Date.now().toString(36);
    const email = `runner-${stamp}@example.test`;
    const orgName = `Бегущий город ${stamp}`;
    await inPage('sign-up-offline', async (page, context) => {
      // a deep link from a cold start: sign-in shows in place, then the page it pointed to
      await page.goto(`${e2e.app.url}/organizations/new`);
      await page.getByRole('button', { name: 'Нет аккаунта? Зарегистрироваться' }).click();
      await page.getByRole('heading', { name: 'Регистрация' }).waitFor();
      await page.getByLabel('Имя и фамилия').fill('Анна Бегунова');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Пароль', { exact: true }).fill('short');
      await page.getByRole('button', { name: 'Зарегистрироваться', exact: true }).click();
      // a validation message right by the field, before anything is sent
      await page.getByText('Пароль должен быть не короче 6 символов').waitFor();
      await page.screenshot({ path: join(shots, 'sign-up-validation.png'), fullPage: true });
      await page.getByLabel('Пароль', { exact: true }).fill('long-enough-password');
      await page.getByLabel('Пароль', { exact: true }).press('Enter');

      // signed up and in: the deep link's page shows
      await page.getByRole('heading', { name: 'Новая организация' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/organizations/new');
      await page.getByLabel('Название').fill(orgName);
      // the slug is suggested from the Russian name
      expect(await page.getByLabel('Короткий адрес').inputValue()).toBe(
        `begushchiy-gorod-${stamp}`,
      );
      await page.getByLabel('Тип').selectOption('club');
      await page.getByLabel('Часовой пояс').selectOption('Europe/Moscow');
      await page.screenshot({ path: join(shots, 'create-organization.png'), fullPage: true });
      await page.getByRole('button', { name: 'Создать', exact: true }).click();

      await page.getByRole('heading', { name: 'Мои организации' }).waitFor();
      const item = page.getByRole('listitem').filter({ hasText: orgName });
      await item.waitFor();
      expect(await item.textContent()).toContain('Владелец');
      await page.screenshot({ path: join(shots, 'home-new-owner.png'), fullPage: true });

      // the service worker has precached the shell
      const swReady = await page.evaluate(() =>
        Promise.race([
          navigator.serviceWorker.ready.then(() => true),
          new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 20_000)),
        ]),
      );
      expect(swReady, 'the service worker never activated').toBe(true);
      // the shell is precached (index.html for navigations); the worker itself never is
      const precached = await page.evaluate(async () => {
        const urls: string[] = [];
        for (const name of await caches.keys()) {
          for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
        }
        return urls.map((url) => new URL(url).pathname);
      });
      expect(precached).toContain('/index.html');
      expect(precached).toContain('/manifest.webmanifest');
      expect(precached.some((path) => path.startsWith('/assets/home-page'))).toBe(true);
      expect(precached).not.toContain('/sw.js');
      await context.setOffline(true);
      const response = await page.reload();
      expect(response?.fromServiceWorker()).toBe(true);
      await page.getByRole('heading', { name: 'Мои организации' }).waitFor();
      await page.getByText('Нет сети').waitFor();
      // the last list loaded is still there, marked as possibly out of date
      await page.getByRole('listitem').filter({ hasText: orgName }).waitFor();
      await page.getByText('Вы офлайн: показаны последние загруженные данные.').waitFor();
      await page.screenshot({ path: join(shots, 'home-offline.png'), fullPage: true });

      // and a deep link never visited before opens offline too (navigation fallback)
      const invite = await page.goto(`${e2e.app.url}/invite/abc123`);
      expect(invite?.fromServiceWorker()).toBe(true);
      await page.getByRole('heading', { name: 'Приглашение' }).waitFor();
      expect(await page.getByLabel('Код или ссылка приглашения').inputValue()).toBe('abc123');
      await page.screenshot({ path: join(shots, 'invite-offline.png'), fullPage: true });
    });
    // one journey through a signed-up user; PGlite on a busy machine is slow
  }, 240_000);

  test('an invitation link survives sign-up and joins the club', async () => {
    const token = await e2e.app.invitationToken('JUMP-FAST');
    const [club] = await e2e.app.organizationsOf('admin@trackside.test');
    const stamp = Date.now().toString(36);
    await inPage('invitation', async (page) => {
      await page.goto(`${e2e.app.url}/invite/${token}`);
      // signed out: the sign-in form shows in place, the link stays in the address bar
      await page.getByRole('button', { name: 'Нет аккаунта? Зарегистрироваться' }).click();
      await page.getByLabel('Имя и фамилия').fill('Иван Прыгунов');
      await page.getByLabel('Email').fill(`jumper-${stamp}@example.test`);
      await page.getByLabel('Пароль', { exact: true }).fill('long-enough-password');
      await page.getByRole('button', { name: 'Зарегистрироваться', exact: true }).click();

      await page.getByRole('heading', { name: 'Приглашение' }).waitFor();
      const code = page.getByLabel('Код или ссылка приглашения');
      expect(await code.inputValue()).toBe(token);
      // a wrong code first: the server's reason, translated, beside the form
      await code.fill('NOPE-NOPE');
      await page.getByRole('button', { name: 'Принять' }).click();
      await page.getByRole('alert').filter({ hasText: 'invitation not found' }).waitFor();
      await page.screenshot({ path: join(shots, 'invitation-not-found.png'), fullPage: true });
      // a pasted link works as well as a bare code
      await code.fill(`${e2e.app.url}/invite/${token}`);
      await page.getByRole('button', { name: 'Принять' }).click();

      await page.getByRole('heading', { name: 'Мои организации' }).waitFor();
      const item = page.getByRole('listitem').filter({ hasText: club?.name ?? '?' });
      await item.waitFor();
      expect(await item.textContent()).toContain('Спортсмен');
    });
  });

  test('an English browser gets English; the language switch changes it and keeps it', async () => {
    await inPage(
      'language',
      async (page) => {
        await page.goto(`${e2e.app.url}/sign-in`);
        await page.getByRole('heading', { name: 'Sign in' }).waitFor();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
        // the tab title too, though the shell reads it before the English catalogue arrives
        await expect.poll(() => page.title()).toBe('Sign in · Trackside');
        // validation speaks English too
        await page.getByLabel('Email').fill('not-an-email');
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await page.getByText('Enter an email, e.g. coach@example.com').waitFor();
        await page.screenshot({ path: join(shots, 'sign-in-english.png'), fullPage: true });
        expect(await seriousViolations(page)).toEqual([]);

        await Promise.all([
          page.waitForEvent('load'),
          page.getByRole('button', { name: 'Русский' }).click(),
        ]);
        await page.getByRole('heading', { name: 'Вход' }).waitFor();
        await page.reload();
        await page.getByRole('heading', { name: 'Вход' }).waitFor();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
        await signIn(page, demoCoach.email, demoCoach.password);
        await page.getByRole('heading', { name: 'Мои организации' }).waitFor();
        await page.getByRole('button', { name: 'English' }).waitFor();
      },
      'en-US',
    );
  });

  test('a new deploy offers “reload” and only switches when asked', async () => {
    await inPage('update-prompt', async (page) => {
      await page.goto(e2e.app.url);
      await page.getByRole('heading', { name: 'Вход' }).waitFor();
      // the first visit installs the worker; from the next load on it controls the page
      await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active !== null);
      await page.reload();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

      // a deploy: any byte change to sw.js makes the browser install it as a new version
      appendFileSync(join(e2e.app.outDir, 'sw.js'), `\n// deploy ${Date.now()}\n`);
      await page.reload();
      const prompt = page.getByText('Доступна новая версия');
      await prompt.waitFor();
      await page.screenshot({ path: join(shots, 'update-prompt.png'), fullPage: true });

      // the waiting worker takes over and the page reloads into it
      await Promise.all([
        page.waitForEvent('load'),
        page.getByRole('button', { name: 'Обновить' }).click(),
      ]);
      await page.getByRole('heading', { name: 'Вход' }).waitFor();
      expect(await prompt.count()).toBe(0);
      const registration = await page.evaluate(async () => {
        const r = await navigator.serviceWorker.ready;
        return {
          waiting: r.waiting !== null,
          controlled: navigator.serviceWorker.controller !== null,
        };
      });
      expect(registration).toEqual({ waiting: false, controlled: true });
    });
  });
});

const roleNames: Record<string, string> = {
  owner: 'Владелец',
  admin: 'Администратор',
  coach: 'Тренер',
  athlete: 'Спортсмен',
  member: 'Участник',
};
