/**
 * A learner's mini-course end to end at 360 px: the demo athlete buys the demo
 * coach's «Техника бега для начинающих» from the course's page (the public
 * checkout, the local test checkout's payment, the signed webhook, whose paid
 * purchase enrols), reads the first lesson, reads it again offline, fails and
 * then passes the quiz that opens the next lesson; the dripped lesson shows when
 * it opens. In Russian and in English.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useE2eStack } from './e2e-stack.ts';
import { demoPassword, seriousViolations } from './page-helpers.ts';

const e2e = useE2eStack();
const shots = '/tmp/shots';
const athlete = 'd0000000-0000-4000-8000-000000000004';
const course = 'db000000-0000-4000-8000-000000000001';
const quizLesson = 'dc000000-0000-4000-8000-000000000002';

/** the English test alone: the athlete's paid purchase, as the Russian one made it through checkout */
async function enrol(): Promise<void> {
  await e2e.app.exec(`
    insert into public.purchases (org_id, user_id, product_id, kind, product_name, credits, valid_days,
        amount_minor, currency, status, paid_at)
    select 'd1000000-0000-4000-8000-000000000001', '${athlete}', 'd7000000-0000-4000-8000-000000000004',
      'course', 'Курс «Техника бега для начинающих»', 1, 60, 199000, 'RUB', 'paid', now()
     where not exists (select from public.course_enrollments where user_id = '${athlete}')`);
}

/** picks the option with this text in the question of this number (1-based) */
async function choose(page: Page, question: number, option: string): Promise<void> {
  await page
    .locator('fieldset')
    .nth(question - 1)
    .getByLabel(option, { exact: true })
    .check();
}

describe('a learner reads a course at 360 px', () => {
  test('bought, read offline, quiz failed then passed (ru)', async () => {
    mkdirSync(shots, { recursive: true });
    await e2e.asUser('course-ru', 'athlete@trackside.test', async (page) => {
      // not enrolled yet: the preview is open, the rest waits for the payment
      await page.goto(`${e2e.app.url}/courses/${course}`);
      await page.getByRole('heading', { name: 'Техника бега для начинающих' }).waitFor();
      await page.getByRole('link', { name: 'Купить курс' }).click();
      await page.waitForURL(/\/checkout\/d7000000-0000-4000-8000-000000000004/);
      await page.getByLabel('Ваше имя').fill('Анна Смирнова');
      await page.getByLabel('Эл. почта').fill('athlete@trackside.test');
      await page.getByRole('button', { name: /Перейти к оплате/ }).click();
      await page.getByRole('heading', { name: 'Тестовая оплата' }).waitFor();
      await page.getByRole('button', { name: 'Оплатить', exact: true }).click();
      await page.getByRole('heading', { name: 'Спасибо, оплата прошла' }).waitFor();
      const enrolled = await e2e.app.rows<{ source: string; status: string }>(
        `select source, status from public.course_enrollments where user_id = $1 and course_id = $2`,
        [athlete, course],
      );
      expect(enrolled).toEqual([{ source: 'purchase', status: 'active' }]);
      await page.goto(e2e.app.url);

      await page.getByRole('link', { name: 'Мои курсы' }).click();
      await page.getByRole('heading', { name: 'Курсы', exact: true }).waitFor();
      await page
        .getByRole('list', { name: 'Курсы клуба' })
        .getByText('Разминка перед стартом')
        .waitFor();
      await page.screenshot({ path: join(shots, 'course-list-ru.png'), fullPage: true });
      await page
        .getByRole('list', { name: 'Мои курсы' })
        .getByText('Техника бега для начинающих')
        .click();
      await page.getByRole('heading', { name: 'Техника бега для начинающих' }).waitFor();
      const lessons = page.getByRole('list', { name: 'Уроки' });
      await lessons.getByText('Откроется после предыдущих уроков').first().waitFor();
      await lessons.getByText(/^Откроется .*\d/).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(shots, 'course-outline-ru.png'), fullPage: true });

      await lessons.getByRole('link', { name: '1. Стойка и наклон корпуса' }).click();
      await page.getByText('Бегите «высоко»').waitFor();
      await page.getByRole('button', { name: 'Урок пройден' }).click();
      await page.getByText('Урок отмечен пройденным.').waitFor();

      // offline, the lesson is read from the device
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      await page.context().setOffline(true);
      await page.reload();
      await page.getByText('Бегите «высоко»').waitFor();
      await page.screenshot({ path: join(shots, 'course-offline-ru.png'), fullPage: true });
      await page.context().setOffline(false);

      // the quiz lesson opens once the first is done (it reaches the device with a sync)
      await page.goto(`${e2e.app.url}/courses/${course}`);
      await lessons.getByRole('link', { name: '2. Работа рук' }).click();
      await page.getByRole('heading', { name: 'Тест' }).waitFor();
      await choose(page, 1, 'Прямая рука');
      await choose(page, 2, 'Поперёк корпуса');
      await choose(page, 3, 'Руки');
      await page.getByRole('button', { name: 'Проверить ответы' }).click();
      await page.getByText('Пока 33%, нужно 67%.', { exact: false }).waitFor();
      await page.screenshot({ path: join(shots, 'course-quiz-failed-ru.png'), fullPage: true });
      await choose(page, 1, 'Примерно 90°');
      await choose(page, 2, 'Вперёд-назад вдоль корпуса');
      await page.getByRole('button', { name: 'Проверить ответы' }).click();
      await page.getByText('Тест пройден: 100%', { exact: false }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(shots, 'course-quiz-passed-ru.png'), fullPage: true });

      await page.getByRole('link', { name: 'К курсу' }).click();
      await lessons.getByRole('link', { name: '3. Каденс: сколько шагов в минуту' }).waitFor();

      // a free course of the club: one tap enrols, and its lesson opens
      await page.getByRole('link', { name: 'Все курсы' }).click();
      await page
        .getByRole('list', { name: 'Курсы клуба' })
        .getByText('Разминка перед стартом')
        .click();
      await lessons.getByText('Откроется после записи').waitFor();
      await page.getByRole('button', { name: 'Записаться на курс' }).click();
      await page.getByText('Вы записаны на курс.').waitFor();
      await lessons.getByRole('link', { name: '1. Суставная разминка' }).click();
      await page.getByText('Сверху вниз', { exact: false }).waitFor();
    });
    const progress = await e2e.app.rows<{ best_score: number; attempts: number }>(
      `select g.best_score, g.attempts from public.lesson_progress g
        where g.user_id = $1 and g.lesson_id = $2`,
      [athlete, quizLesson],
    );
    expect(progress).toEqual([{ best_score: 100, attempts: 2 }]);
  }, 240_000);

  test('in English the outline reads in English', async () => {
    mkdirSync(shots, { recursive: true });
    await enrol();
    await e2e.page(
      'course-en',
      async (page) => {
        await page.goto(`${e2e.app.url}/sign-in`);
        await page.getByLabel('Email').fill('athlete@trackside.test');
        await page.getByLabel('Password', { exact: true }).fill(demoPassword);
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await page.getByRole('link', { name: 'My courses' }).click();
        await page.getByRole('list', { name: 'My courses' }).getByText('Техника бега').click();
        const lessons = page.getByRole('list', { name: 'Lessons' });
        await lessons.getByText(/^Opens .*\d/).waitFor();
        await page.getByText(/Lessons done: \d of 4/).waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: join(shots, 'course-outline-en.png'), fullPage: true });
        await lessons.getByRole('link', { name: '2. Работа рук' }).click();
        await page.getByRole('heading', { name: 'Quiz' }).waitFor();
        await page.screenshot({ path: join(shots, 'course-quiz-en.png'), fullPage: true });
      },
      { locale: 'en-US' },
    );
  }, 240_000);
});
