/**
 * People without a password, end to end in Chromium at 360 px: a guest buyer's
 * account (made through the Auth admin API with no password, as the Stripe
 * webhook makes it) signs in with the 6-digit code from the local mailbox, in
 * Russian and in English; a wrong code and being offline are said plainly; the
 * forgot-password path sets a password that then signs in. The code is read the
 * way a developer reads it: the local mailbox by address (like Inbucket).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useE2eStack } from './e2e-stack.ts';
import { seriousViolations, shots } from './page-helpers.ts';

const e2e = useE2eStack();
const shotsDir = process.env.AUTH_SHOTS_DIR ?? shots;

/** an account with no password, as a guest purchase makes it */
async function passwordlessUser(email: string, locale: 'ru' | 'en'): Promise<void> {
  const res = await fetch(`${e2e.app.apiUrl}/auth/v1/admin/users`, {
    method: 'POST',
    headers: {
      apikey: e2e.app.serviceKey,
      authorization: `Bearer ${e2e.app.serviceKey}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      email,
      email_confirm: true,
      user_metadata: { display_name: 'Гость', locale },
    }),
  });
  expect(res.status).toBe(200);
}

/** the newest mail to `to` in the local mailbox and the code and link in it */
async function latestCode(to: string): Promise<{ subject: string; code: string; link: string }> {
  for (let i = 0; i < 50; i++) {
    const res = await fetch(
      `${e2e.app.apiUrl}/functions/v1/email-dispatch/local/mailbox?to=${encodeURIComponent(to)}`,
      { headers: { authorization: `Bearer ${e2e.app.anonKey}` } },
    );
    const { messages } = (await res.json()) as { messages: { subject: string; text: string }[] };
    const mail = messages[0];
    const code = mail ? /\b(\d{6})\b/.exec(mail.text)?.[1] : undefined;
    const link = mail ? (/(http\S+\/auth\/v1\/verify\S*)/.exec(mail.text)?.[1] ?? '') : '';
    if (mail && code) return { subject: mail.subject, code, link };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no code mailed to ${to}`);
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(shotsDir, `auth-${name}.png`), fullPage: true });

describe('signing in without a password at 360 px', () => {
  test('a guest buyer opens /sign-in?email=… and signs in with the code (Russian)', async () => {
    const email = 'guest-ru@example.test';
    await passwordlessUser(email, 'ru');
    await e2e.page('code-ru', async (page) => {
      await page.goto(`${e2e.app.url}/sign-in?email=${encodeURIComponent(email)}`);
      await page.getByRole('heading', { name: 'Вход по коду' }).waitFor();
      expect(await page.getByLabel('Email').inputValue()).toBe(email);
      await shot(page, 'code-ru-email');
      await page.getByRole('button', { name: 'Прислать код' }).click();
      await page.getByLabel('Код из письма').waitFor();
      const { subject, code } = await latestCode(email);
      expect(subject).toBe(`Код для входа в Trackside: ${code}`);

      // a developer reads it on the local stack's /mailbox, signed out, by address
      const mailbox = await page.context().newPage();
      await mailbox.goto(`${e2e.app.url}/mailbox`);
      await mailbox.getByRole('heading', { name: 'Почтовый ящик' }).waitFor();
      await mailbox.getByLabel('Адрес').fill(email);
      await mailbox.getByRole('button', { name: 'Показать письма' }).click();
      await mailbox.getByRole('heading', { name: subject }).waitFor();
      expect(new URL(mailbox.url()).searchParams.get('to')).toBe(email);
      await shot(mailbox, 'mailbox-by-address');
      await mailbox.close();

      const input = page.getByLabel('Код из письма');
      expect(await input.getAttribute('inputmode')).toBe('numeric');
      expect(await input.getAttribute('autocomplete')).toBe('one-time-code');

      expect(await seriousViolations(page)).toEqual([]);
      // asking again at once is refused with the wait, and the code field stays
      await page.getByRole('button', { name: 'Прислать новый код' }).click();
      await page.getByText(/Новый код можно запросить через \d+ с\./).waitFor();

      await input.fill(code === '000000' ? '111111' : '000000');
      await page.getByRole('button', { name: 'Войти', exact: true }).click();
      await page.getByText('Код неверный или устарел').waitFor();
      await shot(page, 'code-ru-wrong');

      await input.fill(code);
      await page.getByRole('button', { name: 'Войти', exact: true }).click();
      await page.getByRole('heading', { name: 'Мои организации' }).waitFor();
      await shot(page, 'code-ru-signed-in');
    });
  });

  test('offline, the page says sign-in needs a connection and keeps the address', async () => {
    await e2e.page('code-offline', async (page, context) => {
      await page.goto(`${e2e.app.url}/sign-in`);
      await page.getByRole('button', { name: 'Войти по коду из письма' }).click();
      await page.getByLabel('Email').fill('someone@example.test');
      await context.setOffline(true);
      await page.getByRole('button', { name: 'Прислать код' }).click();
      await page.getByText('Для входа нужна связь с интернетом').waitFor();
      expect(await page.getByLabel('Email').inputValue()).toBe('someone@example.test');
      await shot(page, 'code-offline');
      await context.setOffline(false);
    });
  });

  test('an English speaker asks for a code from the sign-in page and signs in', async () => {
    const email = 'guest-en@example.test';
    await passwordlessUser(email, 'en');
    await e2e.page(
      'code-en',
      async (page) => {
        await page.goto(`${e2e.app.url}/sign-in`);
        await page.getByRole('heading', { name: 'Sign in', exact: true }).waitFor();
        await shot(page, 'sign-in-en');
        await page.getByRole('button', { name: 'Email me a sign-in code' }).click();
        await page.getByLabel('Email').fill(email);
        await page.getByRole('button', { name: 'Send the code' }).click();
        await page.getByLabel('Code from the email').waitFor();
        const { subject, code } = await latestCode(email);
        expect(subject).toBe(`Your Trackside sign-in code: ${code}`);
        await page.getByLabel('Code from the email').fill(code);
        await shot(page, 'code-en-code');
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await page.getByRole('heading', { name: 'My organizations' }).waitFor();
      },
      { locale: 'en-US' },
    );
  });

  test('the link in the email signs in too, and a used link says so', async () => {
    const email = 'guest-link@example.test';
    await passwordlessUser(email, 'ru');
    await e2e.page('link-ru', async (page) => {
      await page.goto(`${e2e.app.url}/sign-in?email=${encodeURIComponent(email)}`);
      await page.getByRole('button', { name: 'Прислать код' }).click();
      await page.getByLabel('Код из письма').waitFor();
      const { link } = await latestCode(email);
      expect(new URL(link).searchParams.get('redirect_to')).toBe(
        `${e2e.app.url}/sign-in?email=${encodeURIComponent(email)}`,
      );
      await page.goto(link);
      await page.getByRole('heading', { name: 'Мои организации' }).waitFor();
      // the tokens are gone from the address bar
      expect(page.url()).not.toContain('access_token');
      await page.getByRole('button', { name: 'Выйти' }).click();
      await page.getByRole('heading', { name: 'Вход' }).waitFor();
      await page.goto(link);
      await page.getByText('Ссылка из письма устарела или уже использована').waitFor();
      expect(await page.getByLabel('Email').inputValue()).toBe(email);
      await shot(page, 'link-used');
    });
  });

  test('«Забыли пароль?» sends a reset code; the new password then signs in', async () => {
    const email = 'guest-reset@example.test';
    await passwordlessUser(email, 'ru');
    await e2e.page('recovery-ru', async (page) => {
      await page.goto(`${e2e.app.url}/sign-in`);
      await page.getByRole('button', { name: 'Забыли пароль?' }).click();
      await page.getByRole('heading', { name: 'Сброс пароля' }).waitFor();
      await page.getByLabel('Email').fill(email);
      await page.getByRole('button', { name: 'Прислать код для сброса' }).click();
      await page.getByLabel('Код из письма').waitFor();
      const { subject, code } = await latestCode(email);
      expect(subject).toBe(`Сброс пароля в Trackside: код ${code}`);
      await page.getByLabel('Код из письма').fill(code);
      await page.getByLabel('Новый пароль').fill('guest-new-pass');
      await shot(page, 'recovery-ru');
      await page.getByRole('button', { name: 'Сохранить пароль и войти' }).click();
      await page.getByRole('heading', { name: 'Мои организации' }).waitFor();
      // the password was set: signing out and in again with it works
      await expect
        .poll(async () => {
          const res = await fetch(`${e2e.app.apiUrl}/auth/v1/token?grant_type=password`, {
            method: 'POST',
            headers: { apikey: e2e.app.anonKey, 'content-type': 'application/json' },
            body: JSON.stringify({ email, password: 'guest-new-pass' }),
          });
          return res.status;
        })
        .toBe(200);
      await page.getByRole('button', { name: 'Выйти' }).click();
      await page.getByRole('heading', { name: 'Вход' }).waitFor();
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Пароль', { exact: true }).fill('guest-new-pass');
      await page.getByRole('button', { name: 'Войти', exact: true }).click();
      await page.getByRole('heading', { name: 'Мои организации' }).waitFor();
    });
  });

  test('the reset link asks for the new password before signing in (English)', async () => {
    const email = 'guest-reset-link@example.test';
    await passwordlessUser(email, 'en');
    await e2e.page(
      'recovery-link-en',
      async (page) => {
        await page.goto(`${e2e.app.url}/sign-in`);
        await page.getByRole('button', { name: 'Forgot your password?' }).click();
        await page.getByLabel('Email').fill(email);
        await page.getByRole('button', { name: 'Send a reset code' }).click();
        await page.getByLabel('Code from the email').waitFor();
        const { subject, code, link } = await latestCode(email);
        expect(subject).toBe(`Reset your Trackside password: code ${code}`);
        await page.goto(link);
        await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
        expect(page.url()).not.toContain('access_token');
        await page.getByLabel('New password').fill('link-new-pass');
        await shot(page, 'recovery-link-en');
        await page.getByRole('button', { name: 'Save the password and sign in' }).click();
        await page.getByRole('heading', { name: 'My organizations' }).waitFor();
        await expect
          .poll(async () => {
            const res = await fetch(`${e2e.app.apiUrl}/auth/v1/token?grant_type=password`, {
              method: 'POST',
              headers: { apikey: e2e.app.anonKey, 'content-type': 'application/json' },
              body: JSON.stringify({ email, password: 'link-new-pass' }),
            });
            return res.status;
          })
          .toBe(200);
      },
      { locale: 'en-US' },
    );
  });
});
