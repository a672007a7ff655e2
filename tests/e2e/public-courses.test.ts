/**
 * Courses on the coach's public page at 360 px, against the seeded local stack:
 * with JavaScript off, a visitor follows /volkov → «Онлайн-курсы» → the
 * email-gated course's own page, reads its free lesson, leaves an address in the
 * plain form and is told to check their email, and one email goes out; with
 * JavaScript on, a new reader follows the email's link into the app, signs in
 * with the code sent to that address (the account has no password) and reads the
 * course's lessons. In Russian and in English.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { useE2eStack } from './e2e-stack.ts';
import { phone, seriousViolations } from './page-helpers.ts';

const e2e = useE2eStack();
const shots = '/tmp/shots';
const GATED = 'db000000-0000-4000-8000-000000000003';
const PAID = 'db000000-0000-4000-8000-000000000001';

describe('courses on the public page', () => {
  test('with JavaScript off: the list, a course page, its preview and the email form', async () => {
    mkdirSync(shots, { recursive: true });
    for (const locale of ['ru-RU', 'en-GB'] as const) {
      const ru = locale === 'ru-RU';
      const context = await e2e.newContext({ viewport: phone, locale, javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await page.goto(`${e2e.app.url}/volkov`);
        const list = page.getByRole('region', { name: ru ? 'Онлайн-курсы' : 'Online courses' });
        // a sold course goes straight to checkout; the others to their page
        const buy = list.getByRole('link', {
          name: new RegExp(`^${ru ? 'Купить' : 'Buy'}\\s*: Техника бега`),
        });
        expect(await buy.getAttribute('href')).toBe(
          '/checkout/d7000000-0000-4000-8000-000000000004',
        );
        await list.getByRole('link', { name: 'Питание в день старта', exact: true }).click();
        await page.waitForURL(`**/volkov/courses/${GATED}**`);
        await page.getByRole('heading', { name: 'Питание в день старта', level: 1 }).waitFor();
        // the free lesson is readable here; the other only listed
        await page.getByText('Ужин — привычный', { exact: false }).waitFor();
        expect(await page.getByText('Завтрак за 3 часа', { exact: false }).count()).toBe(0);
        await page.screenshot({
          path: join(shots, `public-course-${ru ? 'ru' : 'en'}.png`),
          fullPage: true,
        });

        const address = `reader.${ru ? 'ru' : 'en'}@example.test`;
        await page.getByLabel('Email').fill(address);
        await page.getByRole('button', { name: ru ? 'Получить курс' : 'Get the course' }).click();
        await page
          .getByRole('status')
          .filter({ hasText: ru ? 'Мы отправили письмо' : 'We sent you an email' })
          .waitFor();
        await page.screenshot({
          path: join(shots, `public-course-sent-${ru ? 'ru' : 'en'}.png`),
          fullPage: true,
        });
        // one email, in the page's language, for the address; email-dispatch sends it
        await e2e.app.dispatchEmails();
        const sent = await e2e.app.rows<{ locale: string; course: string; status: string }>(
          `select locale, payload ->> 'courseId' as course, status from private.email_outbox
            where kind = 'course_access' and to_email = $1`,
          [address],
        );
        expect(sent).toEqual([{ locale: ru ? 'ru' : 'en', course: GATED, status: 'sent' }]);
      } finally {
        await context.close();
      }
    }
    const rows = await e2e.app.rows<{ email: string; source: string }>(
      `select u.email, e.source from public.course_enrollments e join auth.users u on u.id = e.user_id
        where e.course_id = $1 order by u.email`,
      [GATED],
    );
    expect(rows).toEqual([
      { email: 'reader.en@example.test', source: 'email' },
      { email: 'reader.ru@example.test', source: 'email' },
    ]);
  }, 240_000);

  test('the email leads into the app: a code signs the new reader in and the lessons open', async () => {
    const address = 'new.reader@example.test';
    /** the newest mail to the address whose subject matches (the local mailbox, by address) */
    const mail = async (subject: RegExp): Promise<string> => {
      for (let i = 0; i < 50; i++) {
        await e2e.app.dispatchEmails();
        const res = await fetch(
          `${e2e.app.apiUrl}/functions/v1/email-dispatch/local/mailbox?to=${encodeURIComponent(address)}`,
          { headers: { authorization: `Bearer ${e2e.app.anonKey}` } },
        );
        const { messages } = (await res.json()) as {
          messages: { subject: string; text: string }[];
        };
        const found = messages.find((m) => subject.test(m.subject));
        if (found) return found.text;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`no mail like ${subject} reached ${address}`);
    };
    await e2e.page('public-course-reader', async (page) => {
      await page.goto(`${e2e.app.url}/volkov/courses/${GATED}`);
      await page.getByLabel('Email').fill(address);
      await page.getByRole('button', { name: 'Получить курс' }).click();
      await page.getByRole('status').filter({ hasText: 'Мы отправили письмо' }).waitFor();

      const link = /(http\S+\/courses\/\S+)/.exec(await mail(/^Курс «Питание/))?.[1] ?? '';
      expect(link).toBe(`${e2e.app.url}/courses/${GATED}?email=${encodeURIComponent(address)}`);
      await page.goto(link);
      // the app's sign-in, with the address filled in and a code to ask for
      await page.getByRole('heading', { name: 'Вход по коду' }).waitFor();
      expect(await page.getByLabel('Email').inputValue()).toBe(address);
      await page.getByRole('button', { name: 'Прислать код' }).click();
      const code = /\b(\d{6})\b/.exec(await mail(/Код для входа/))?.[1] ?? '';
      await page.getByLabel('Код из письма').fill(code);
      await page.getByRole('button', { name: 'Войти', exact: true }).click();
      // signed in where the link pointed: the course, both lessons open
      await page.getByRole('heading', { name: 'Питание в день старта' }).waitFor();
      const lessons = page.getByRole('list', { name: 'Уроки' });
      await lessons.getByRole('link', { name: '2. Утро старта' }).click();
      await page.getByText('Завтрак за 3 часа', { exact: false }).waitFor();
      await page.screenshot({ path: join(shots, 'public-course-reader-ru.png'), fullPage: true });
    });
  }, 240_000);

  test('axe finds nothing serious on a course page', async () => {
    for (const locale of ['ru-RU', 'en-GB']) {
      await e2e.page(
        `course-axe-${locale}`,
        async (page) => {
          await page.goto(`${e2e.app.url}/volkov/courses/${PAID}`);
          await page
            .getByRole('heading', { name: 'Техника бега для начинающих', level: 1 })
            .waitFor();
          expect(await seriousViolations(page)).toEqual([]);
        },
        { locale, viewport: phone },
      );
    }
  }, 120_000);
});
