/**
 * Results and rank suggestions (issue 17): a coach enters a competition result
 * offline on the athlete's page, sees the ЕВСК rank it suggests (from the norms
 * already on the device) with what conferring it still needs, and syncs; the
 * athlete sees the result and its suggestion on their own page. The built PWA
 * against the seeded local stack, at 360 px, in Russian and English.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { useE2eStack } from './e2e-stack.ts';
import { demoPassword, seriousViolations, signInAt, syncStatus } from './page-helpers.ts';

/** Петров Иван, «Начинающие», linked to athlete@trackside.test */
const petrov = 'd4000000-0000-4000-8000-000000000001';
const shots = '/tmp/shots';
mkdirSync(shots, { recursive: true });

const e2e = useE2eStack();

describe('results: a result entered offline gets its rank suggestion', () => {
  test('the coach enters a result offline, sees the suggestion, syncs; the athlete sees it', async () => {
    await e2e.page('results-coach', async (page, context) => {
      await signInAt(page, e2e.app.url, 'coach@trackside.test');
      await page.goto(`${e2e.app.url}/roster/${petrov}`);
      await page.getByRole('heading', { name: 'Петров Иван' }).waitFor();
      const results = page.getByRole('region', { name: 'Результаты соревнований' });
      // the seeded personal best over 60 m indoor meets the I юн norm of the cited table
      await results.getByText('Выполнен норматив I юношеского разряда').waitFor();
      await results
        .getByText('на дату соревнований нет действующей редакции норм')
        .first()
        .waitFor();
      await results
        .getByRole('heading', { name: 'Результаты соревнований' })
        .scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, 'results-section-ru.png') });
      await expect.poll(() => syncStatus(page)).toContain('Все изменения отправлены');
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));

      await context.setOffline(true);
      await page.reload();
      await results.getByRole('button', { name: 'Добавить результат' }).click();
      const form = results.getByRole('form', { name: 'Добавить результат' });
      await form.getByLabel('Дата').fill('2019-06-15');
      await form.getByLabel('Соревнования').fill('Открытое первенство района');
      await form.getByLabel('Уровень').selectOption('city');
      await form.getByLabel('Дисциплина').selectOption('100m');
      // a time that is no time: the message sits by the field, nothing is queued
      await form.getByLabel('Результат', { exact: false }).first().fill('быстро');
      await form.getByRole('button', { name: 'Записать результат' }).click();
      await form.getByText('Время пишется так: 11.94 или 1:58.30').waitFor();
      expect(await syncStatus(page)).toContain('Все изменения отправлены');

      await form.getByLabel('Результат', { exact: false }).first().fill('10,94');
      await form.getByLabel('автоматический').check();
      await form.getByLabel('на стадионе').check();
      await form.getByRole('button', { name: 'Записать результат' }).click();
      await results.getByText('Результат сохранён').waitFor();
      const entered = results
        .getByRole('listitem')
        .filter({ hasText: 'Открытое первенство района' })
        .first();
      await entered.getByText('Выполнен норматив КМС').waitFor();
      await entered
        .getByText(
          'для присвоения нужны соревнования не ниже регионального уровня, уже имеющийся I спортивный разряд',
        )
        .waitFor();
      await entered.getByText('Личный рекорд').waitFor();
      await expect.poll(() => syncStatus(page)).toContain('Не отправлено: 1 изменение');
      await entered.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, 'results-coach-offline-ru.png') });
      expect(await seriousViolations(page)).toEqual([]);

      await context.setOffline(false);
      await expect
        .poll(() => syncStatus(page), { timeout: 20_000 })
        .toContain('Все изменения отправлены');
      const rows = await e2e.app.rows<{ value: string; timing: string; level: string }>(
        `select value::text, timing, level from public.competition_results
          where athlete_id = $1 and competition = 'Открытое первенство района'`,
        [petrov],
      );
      expect(rows).toEqual([{ value: '10.94', timing: 'auto', level: 'city' }]);
    });

    await e2e.page('results-athlete', async (page) => {
      await signInAt(page, e2e.app.url, 'athlete@trackside.test');
      await page.goto(`${e2e.app.url}/me`);
      const results = page.getByRole('region', { name: 'Результаты соревнований' });
      const entered = results
        .getByRole('listitem')
        .filter({ hasText: 'Открытое первенство района' })
        .first();
      await entered.getByText('Выполнен норматив КМС').waitFor({ timeout: 20_000 });
      await entered.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, 'results-athlete-ru.png') });
      expect(await seriousViolations(page)).toEqual([]);
    });
  });

  test('in English the suggestion and its conditions read in English', async () => {
    await e2e.page(
      'results-en',
      async (page) => {
        await page.goto(`${e2e.app.url}/sign-in`);
        await page.getByLabel('Email').fill('coach@trackside.test');
        await page.getByLabel('Password', { exact: true }).fill(demoPassword);
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await page.getByRole('heading', { name: 'My organizations' }).waitFor();
        await page.goto(`${e2e.app.url}/roster/${petrov}`);
        const results = page.getByRole('region', { name: 'Competition results' });
        await results.getByText('Meets the I youth rank norm').waitFor();
        await results.getByText('No rank can be suggested:').first().waitFor();
        await results.getByRole('button', { name: 'Add a result' }).click();
        const form = results.getByRole('form', { name: 'Add a result' });
        await form.getByRole('button', { name: 'Save result' }).click();
        await form.getByText('Competition name: 1 to 200 characters').waitFor();
        await page.screenshot({ path: join(shots, 'results-form-en.png') });
        await form.getByRole('button', { name: 'Cancel' }).click();
        await results.getByText('Meets the I youth rank norm').scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(shots, 'results-list-en.png') });
        expect(await seriousViolations(page)).toEqual([]);
      },
      { locale: 'en-US' },
    );
  });
});
