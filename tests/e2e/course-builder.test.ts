/**
 * The coach's course builder end to end at 360 px: the demo coach builds a
 * course — a text lesson, a free preview lesson, a quiz with a pass mark, an
 * audio lesson with an uploaded file — moves a lesson and publishes it; then the
 * demo athlete enrols, fails and passes the quiz and plays the audio from a
 * signed link of `course-media`. The quiz's answers never reach a synced row.
 * In Russian, then the builder and the player in English.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useE2eStack } from './e2e-stack.ts';
import { demoPassword, seriousViolations } from './page-helpers.ts';

const e2e = useE2eStack();
const shots = '/tmp/shots';

/** one second of 8 kHz 8-bit mono silence: the smallest file a browser plays */
function silentWav(): Buffer {
  const samples = 8000;
  const b = Buffer.alloc(44 + samples);
  b.write('RIFF', 0, 'ascii');
  b.writeUInt32LE(36 + samples, 4);
  b.write('WAVE', 8, 'ascii');
  b.write('fmt ', 12, 'ascii');
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20); // PCM
  b.writeUInt16LE(1, 22); // mono
  b.writeUInt32LE(8000, 24);
  b.writeUInt32LE(8000, 28);
  b.writeUInt16LE(1, 32);
  b.writeUInt16LE(8, 34);
  b.write('data', 36, 'ascii');
  b.writeUInt32LE(samples, 40);
  b.fill(128, 44); // 8-bit silence is the midpoint
  return b;
}

async function addLesson(
  page: Page,
  lesson: { title: string; body: string; preview?: boolean; drip?: string },
): Promise<void> {
  await page.getByRole('link', { name: 'Добавить урок' }).click();
  await page.getByRole('heading', { name: 'Новый урок' }).waitFor();
  await page.getByLabel('Название урока').fill(lesson.title);
  await page.getByLabel('Текст урока').fill(lesson.body);
  if (lesson.preview) await page.getByLabel('Открыт всем (пробный урок)').check();
  if (lesson.drip) await page.getByLabel('Откроется через, дней').fill(lesson.drip);
}

async function saveLesson(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Сохранить урок' }).click();
  await page.getByRole('heading', { name: /^Курс: / }).waitFor();
}

/** the course's id, from the builder's address */
function courseIdOf(page: Page): string {
  const m = /\/courses\/([0-9a-f-]{36})\/edit/.exec(page.url());
  if (!m?.[1]) throw new Error(`not a builder address: ${page.url()}`);
  return m[1];
}

async function waitForPlayableMedia(page: Page): Promise<{ src: string; duration: number }> {
  const media = page.locator('lesson-media audio');
  await media.waitFor();
  // HAVE_METADATA: the signed link answered with a playable file
  await expect
    .poll(() => media.evaluate((el: HTMLAudioElement) => el.readyState), { timeout: 20_000 })
    .toBeGreaterThanOrEqual(1);
  return media.evaluate((el: HTMLAudioElement) => ({ src: el.currentSrc, duration: el.duration }));
}

describe('a coach builds a course and a learner takes it at 360 px', () => {
  let courseId = '';

  test('built, published, taken (ru)', async () => {
    mkdirSync(shots, { recursive: true });
    await e2e.asUser('builder-ru', 'coach@trackside.test', async (page) => {
      await page.goto(`${e2e.app.url}/courses`);
      await page.getByRole('heading', { name: 'Мои курсы как тренера' }).waitFor();
      await page.getByRole('link', { name: 'Новый курс' }).click();
      await page.getByRole('heading', { name: 'Новый курс' }).waitFor();

      // a bad title is refused where it is typed
      await page.getByRole('button', { name: 'Сохранить курс' }).click();
      await page.getByText('Введите название, до 200 знаков.').waitFor();

      await page.getByLabel('Название', { exact: true }).fill('Бег с нуля: проверка');
      await page.getByLabel('Описание').fill('Три урока и тест.');
      await page.getByLabel('Доступ').selectOption('free');
      await page.getByRole('button', { name: 'Сохранить курс' }).click();
      await page.getByRole('heading', { name: 'Курс: Бег с нуля: проверка' }).waitFor();
      courseId = courseIdOf(page);

      // a cover, uploaded to course-media under the course's folder
      await page.locator('#cover-file').setInputFiles({
        name: 'cover.png',
        mimeType: 'image/png',
        buffer: Buffer.from(
          'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
          'base64',
        ),
      });
      await page.getByText('Обложка загружена.').waitFor();
      await page.getByRole('img', { name: 'Обложка курса' }).waitFor();

      await addLesson(page, {
        title: 'Зачем бегать',
        body: 'Бег — это просто.\n\nНачните с ходьбы.',
      });
      await saveLesson(page);
      await addLesson(page, {
        title: 'Пробный урок',
        body: 'Этот урок открыт всем.',
        preview: true,
      });
      await saveLesson(page);

      // the quiz: two questions, the pass mark 100 % (one wrong answer fails)
      await addLesson(page, { title: 'Проверка знаний', body: 'Ответьте на вопросы.' });
      await page.getByRole('button', { name: 'Добавить вопрос' }).click();
      await page.getByRole('button', { name: 'Сохранить урок' }).click();
      await page.getByText('Исправьте отмеченные поля.').waitFor();
      await page.getByText('Введите вопрос, до 1000 знаков.').waitFor();
      const q1 = page.getByRole('group', { name: 'Вопрос 1' });
      await q1.getByLabel('Текст вопроса').fill('С чего начать?');
      await q1.getByLabel('Вопрос 1, Вариант 1').fill('С марафона');
      await q1.getByLabel('Вопрос 1, Вариант 2').fill('С ходьбы');
      await q1.getByLabel('Верный: Вариант 2').check();
      await page.getByRole('button', { name: 'Добавить вопрос' }).click();
      const q2 = page.getByRole('group', { name: 'Вопрос 2' });
      await q2.getByLabel('Текст вопроса').fill('Сколько раз в неделю?');
      await q2.getByLabel('Вопрос 2, Вариант 1').fill('Каждый день');
      await q2.getByLabel('Вопрос 2, Вариант 2').fill('Три раза');
      await q2.getByRole('button', { name: 'Добавить вариант' }).click();
      await q2.getByLabel('Вопрос 2, Вариант 3').fill('Никогда');
      await q2.getByLabel('Верный: Вариант 2').check();
      await page.getByLabel('Проходной балл, %').fill('100');
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(shots, 'builder-quiz-ru.png'), fullPage: true });
      await saveLesson(page);

      // the audio lesson, with a file uploaded to course-media
      await addLesson(page, { title: 'Дыхание на бегу', body: 'Послушайте запись.' });
      await page.getByLabel('Вид урока').selectOption('audio');
      await page.locator('#lesson-media').setInputFiles({
        name: 'breathing.wav',
        mimeType: 'audio/wav',
        buffer: silentWav(),
      });
      await page.getByText('Файл загружен. Сохраните урок.').waitFor();
      await page.getByText('Загружен: breathing.wav').waitFor();
      await page.screenshot({ path: join(shots, 'builder-audio-ru.png'), fullPage: true });
      await saveLesson(page);

      // order: the audio goes before the quiz
      const lessons = page.getByRole('list', { name: 'Уроки' });
      await lessons.getByText('4. Дыхание на бегу').waitFor();
      await page.getByRole('button', { name: 'Выше: Дыхание на бегу' }).click();
      await lessons.getByText('3. Дыхание на бегу').waitFor();
      await lessons.getByText('4. Проверка знаний').waitFor();

      // publish
      await page.getByLabel('Опубликован: ученики клуба видят курс').check();
      await page.getByRole('button', { name: 'Сохранить курс' }).click();
      await page.getByText('Курс сохранён.').waitFor();
      await expect
        .poll(
          async () =>
            (
              await e2e.app.rows<{ published: boolean; pending: string }>(
                `select c.published from public.courses c where c.id = $1`,
                [courseId],
              )
            )[0]?.published,
          { timeout: 20_000 },
        )
        .toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(shots, 'builder-course-ru.png'), fullPage: true });
    });

    // what the server holds: the order, the media, the answers only in the private table
    const rows = await e2e.app.rows<{
      title: string;
      position: number;
      kind: string;
      is_preview: boolean;
      media: boolean;
      quiz: string | null;
      pass_mark: number | null;
      answers: number[] | null;
    }>(
      `select l.title, l.position, l.kind, l.is_preview, l.media_path is not null as media,
              l.quiz::text as quiz, l.pass_mark, k.answers
         from public.course_lessons l left join private.course_quiz_keys k on k.lesson_id = l.id
        where l.course_id = $1 and l.deleted_at is null order by l.position`,
      [courseId],
    );
    expect(rows.map((r) => [r.position, r.title, r.kind, r.is_preview, r.media])).toEqual([
      [1, 'Зачем бегать', 'text', false, false],
      [2, 'Пробный урок', 'text', true, false],
      [3, 'Дыхание на бегу', 'audio', false, true],
      [4, 'Проверка знаний', 'text', false, false],
    ]);
    const quiz = rows[3];
    expect(quiz?.pass_mark).toBe(100);
    expect(quiz?.answers).toEqual([1, 1]);
    expect(quiz?.quiz).not.toMatch(/answer/);
    const objects = await e2e.app.rows<{ name: string }>(
      `select name from storage.objects where bucket_id = 'course-media' and name like $1`,
      [`${courseId}/%`],
    );
    expect(objects.map((o) => o.name)).toHaveLength(2);
    expect(objects.map((o) => o.name)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/-breathing\.wav$/),
        expect.stringMatching(/-cover\.png$/),
      ]),
    );
    const cover = await e2e.app.rows<{ cover_path: string }>(
      `select cover_path from public.courses where id = $1`,
      [courseId],
    );
    expect(cover[0]?.cover_path).toMatch(new RegExp(`^${courseId}/\\d+-cover\\.png$`));

    await e2e.asUser('builder-learner-ru', 'athlete@trackside.test', async (page) => {
      await page.goto(`${e2e.app.url}/courses/${courseId}`);
      await page.getByRole('heading', { name: 'Бег с нуля: проверка' }).waitFor();
      await page.getByRole('button', { name: 'Записаться на курс' }).click();
      await page.getByText('Вы записаны на курс.').waitFor();
      const lessons = page.getByRole('list', { name: 'Уроки' });

      await lessons.getByRole('link', { name: '4. Проверка знаний' }).click();
      await page.getByRole('heading', { name: 'Тест' }).waitFor();
      const choose = (n: number, option: string) =>
        page
          .locator('fieldset')
          .nth(n - 1)
          .getByLabel(option, { exact: true })
          .check();
      await choose(1, 'С ходьбы');
      await choose(2, 'Каждый день');
      await page.getByRole('button', { name: 'Проверить ответы' }).click();
      await page.getByText('Пока 50%, нужно 100%.', { exact: false }).waitFor();
      await choose(2, 'Три раза');
      await page.getByRole('button', { name: 'Проверить ответы' }).click();
      await page.getByText('Тест пройден: 100%', { exact: false }).waitFor();

      await page.getByRole('link', { name: 'К курсу' }).click();
      await lessons.getByRole('link', { name: '3. Дыхание на бегу' }).click();
      await page.getByRole('heading', { name: 'Дыхание на бегу' }).waitFor();
      const played = await waitForPlayableMedia(page);
      expect(played.src).toMatch(
        /\/storage\/v1\/object\/sign\/course-media\/.+-breathing\.wav\?token=/,
      );
      expect(played.duration).toBeCloseTo(1, 1);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(shots, 'builder-learner-audio-ru.png'), fullPage: true });
    });
  }, 300_000);

  test('in English: the builder and the player', async () => {
    mkdirSync(shots, { recursive: true });
    expect(courseId).not.toBe('');
    const signInEn = async (page: Page, email: string) => {
      await page.goto(`${e2e.app.url}/sign-in`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password', { exact: true }).fill(demoPassword);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('link', { name: 'My courses' }).waitFor();
    };
    await e2e.page(
      'builder-en',
      async (page) => {
        await signInEn(page, 'coach@trackside.test');
        await page.goto(`${e2e.app.url}/courses`);
        await page.getByRole('heading', { name: 'Courses I teach' }).waitFor();
        await page
          .getByRole('list', { name: 'Courses I teach' })
          .getByRole('link', { name: /Бег с нуля: проверка/ })
          .click();
        await page.getByRole('heading', { name: 'Course: Бег с нуля: проверка' }).waitFor();
        await page.getByRole('list', { name: 'Lessons' }).getByText('4. Проверка знаний').waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: join(shots, 'builder-course-en.png'), fullPage: true });
        await page.getByRole('link', { name: 'Edit: Проверка знаний' }).click();
        await page.getByRole('heading', { name: 'Quiz' }).waitFor();
        // the right answers come back from the server for the coach
        await expect
          .poll(() =>
            page
              .getByRole('group', { name: 'Question 2' })
              .getByLabel('Right: Option 2')
              .isChecked(),
          )
          .toBe(true);
        await page.screenshot({ path: join(shots, 'builder-quiz-en.png'), fullPage: true });

        // paid: the price and two sessions with it (the course + booking combo)
        await page.getByRole('link', { name: 'Back to the course' }).click();
        await page.getByLabel('Access').selectOption('paid');
        await page.getByRole('button', { name: 'Save the course' }).click();
        await page.getByText('No price yet: the course cannot be bought.').waitFor();
        await page.getByLabel('Price', { exact: true }).fill('1990');
        await page.getByLabel('Sessions included (optional)').fill('2');
        await page.getByRole('button', { name: 'Save the price' }).click();
        await page.getByText('Give both the number of sessions and how long they last').waitFor();
        await page.getByLabel('Sessions valid for, days').fill('30');
        await page.getByRole('button', { name: 'Save the price' }).click();
        await page.getByText('Price saved. The course can be bought.').waitFor();
        await page.getByText(/^Now: /).waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: join(shots, 'builder-price-en.png'), fullPage: true });

        // offline: the edit is kept on the device and reaches the server when back online
        await page.context().setOffline(true);
        await page
          .getByText('Offline. The course and its lessons are saved on this device')
          .waitFor();
        await page.getByLabel('Summary').fill('Three lessons and a quiz, edited offline.');
        await page.getByRole('button', { name: 'Save the course' }).click();
        await page.getByText('Course saved on this device; it reaches the server').waitFor();
        await page.context().setOffline(false);
        await expect
          .poll(
            async () =>
              (
                await e2e.app.rows<{ summary: string }>(
                  `select summary from public.courses where id = $1`,
                  [courseId],
                )
              )[0]?.summary,
            { timeout: 30_000 },
          )
          .toBe('Three lessons and a quiz, edited offline.');

        // a lesson deleted: gone from the list, a tombstone on the server
        page.once('dialog', (d) => void d.accept());
        await page.getByRole('button', { name: 'Delete: Пробный урок' }).click();
        await page.getByText('Lesson deleted.').waitFor();
        await page.getByRole('list', { name: 'Lessons' }).getByText('3. Проверка знаний').waitFor();
        await expect
          .poll(
            async () =>
              (
                await e2e.app.rows<{ gone: boolean }>(
                  `select deleted_at is not null as gone from public.course_lessons
                    where course_id = $1 and title = 'Пробный урок'`,
                  [courseId],
                )
              )[0]?.gone,
            { timeout: 30_000 },
          )
          .toBe(true);

        const products = await e2e.app.rows<{
          kind: string;
          price_minor: number;
          credits: number;
          valid_days: number;
          active: boolean;
        }>(
          `select kind, price_minor, credits, valid_days, active from public.products where course_id = $1`,
          [courseId],
        );
        expect(products).toEqual([
          { kind: 'course', price_minor: 199000, credits: 2, valid_days: 30, active: true },
        ]);
      },
      { locale: 'en-US' },
    );
    await e2e.page(
      'builder-learner-en',
      async (page) => {
        await signInEn(page, 'athlete@trackside.test');
        await page.goto(`${e2e.app.url}/courses/${courseId}`);
        await page
          .getByRole('list', { name: 'Lessons' })
          .getByRole('link', { name: '2. Дыхание на бегу' })
          .click();
        const played = await waitForPlayableMedia(page);
        expect(played.src).toContain('/storage/v1/object/sign/course-media/');
        await page.screenshot({
          path: join(shots, 'builder-learner-audio-en.png'),
          fullPage: true,
        });
      },
      { locale: 'en-US' },
    );
  }, 240_000);
});
