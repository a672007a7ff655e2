/**
 * The coach's plan builder (issue 17): a coach builds a small template offline at
 * 360 px — a workout with a pace, one with a heart-rate zone, a week copied onto
 * the next — and assigns it to «Начинающие» offline; back online the outbox sends
 * the template, its workouts and then the assignment, and the server has made one
 * copy per athlete of the group. The compliance table shows them. In English: the
 * seeded eight-week template.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { useE2eStack } from './e2e-stack.ts';
import { seriousViolations, signInAt, syncStatus } from './page-helpers.ts';
import { beginners } from './seed-facts.ts';

const shots = '/tmp/shots';
/** the seeded template «База: 8 недель» */
const seededTemplate = 'a7000000-0000-4000-8000-000000000001';

const e2e = useE2eStack();

describe('plans: the coach builds and assigns offline', () => {
  test('a template built and assigned to a group offline has its copies on the server after sync', async () => {
    mkdirSync(shots, { recursive: true });
    await e2e.page('plans-builder', async (page, context) => {
      await signInAt(page, e2e.app.url, 'coach@trackside.test');
      await page.getByRole('link', { name: 'Планы тренировок' }).click();
      await page.getByRole('heading', { name: 'Планы тренировок' }).waitFor();
      await page.getByText('База: 8 недель').first().waitFor();
      await expect.poll(() => syncStatus(page)).toContain('Все изменения отправлены');
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));

      await context.setOffline(true);
      await page.reload();
      await page.getByLabel('Название').fill('Тест: 2 недели');
      await page.getByLabel('Недель').fill('2');
      await page.getByRole('button', { name: 'Создать шаблон' }).click();
      await page.getByRole('heading', { name: 'Тест: 2 недели' }).waitFor();
      const planId = new URL(page.url()).pathname.split('/').pop() ?? '';

      const day1 = page.locator('li.day[data-day="1"]');
      await day1.getByRole('button', { name: '+ Добавить тренировку' }).click();
      await day1.getByLabel('Длительность, мин').fill('30');
      await day1.getByLabel('Интенсивность').selectOption('pace');
      // a pace that is not mm:ss is refused by the field, nothing is queued
      await day1.getByLabel('Темп, мм:сс на км').fill('5.30');
      await day1.getByRole('button', { name: 'Сохранить тренировку' }).click();
      await day1.getByText('Темп — мм:сс на километр').waitFor();
      await day1.getByLabel('Темп, мм:сс на км').fill('5:30');
      await day1.getByRole('button', { name: 'Сохранить тренировку' }).click();
      await day1.getByText('Бег · 30 мин · темп 5:30/км').waitFor();

      const day3 = page.locator('li.day[data-day="3"]');
      await day3.getByRole('button', { name: '+ Добавить тренировку' }).click();
      await day3.getByLabel('Тип').selectOption('intervals');
      await day3.getByLabel('Название (необязательно)').fill('5 × 400 м');
      await day3.getByLabel('Дистанция, м').fill('2000');
      await day3.getByLabel('Интенсивность').selectOption('hr_zone');
      await day3.getByLabel('Зона (1–5)').fill('4');
      await day3.getByRole('button', { name: 'Сохранить тренировку' }).click();
      await day3.getByText('Интервалы · 5 × 400 м · 2 км · зона 4').waitFor();

      await page.getByLabel('Скопировать неделю в').selectOption({ label: 'Неделя 2 из 2' });
      await page.getByRole('button', { name: 'Скопировать', exact: true }).click();
      await page.getByText('Неделя 1 скопирована в неделю 2.').waitFor();
      await page.screenshot({ path: join(shots, 'plans-builder-week-ru.png'), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByLabel('Кому').selectOption({ label: 'Начинающие' });
      await page.getByRole('button', { name: 'Назначить', exact: true }).click();
      await page.getByText('Назначено. Копии появятся после синхронизации.').waitFor();
      // the template, four workouts and the assignment wait in the outbox
      await expect.poll(() => syncStatus(page)).toContain('Не отправлено: 6 изменений');
      await page.screenshot({ path: join(shots, 'plans-builder-assigned-ru.png'), fullPage: true });

      await context.setOffline(false);
      await expect
        .poll(() => syncStatus(page), { timeout: 30_000 })
        .toContain('Все изменения отправлены');
      const group = await e2e.app.rows<{ n: number }>(
        `select count(*)::int as n from public.athletes
          where group_id = $1 and status = 'active' and deleted_at is null`,
        [beginners],
      );
      const copies = await e2e.app.rows<{ athlete_id: string; workouts: number; start: string }>(
        `select p.athlete_id::text, p.start_date::text as start,
                (select count(*)::int from public.plan_workouts w
                  where w.plan_id = p.id and w.deleted_at is null) as workouts
           from public.training_plans p
          where p.source_plan_id = $1 and p.kind = 'athlete'`,
        [planId],
      );
      expect(group[0]?.n).toBeGreaterThan(0);
      expect(copies).toHaveLength(group[0]?.n ?? -1);
      expect(copies.every((c) => c.workouts === 4)).toBe(true);

      // the copies sync down and fill the compliance table
      const table = page.getByRole('region', { name: 'Выполнение' });
      await table.getByRole('link', { name: 'Петров Иван' }).waitFor({ timeout: 30_000 });
      await table.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, 'plans-builder-compliance-ru.png') });
    });
  });

  test('in English: the seeded eight-week template and its compliance', async () => {
    await e2e.page(
      'plans-builder-en',
      async (page) => {
        await page.goto(`${e2e.app.url}/sign-in`);
        await page.getByLabel('Email').fill('coach@trackside.test');
        await page.getByLabel('Password', { exact: true }).fill('trackside-demo');
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await page.waitForURL((u) => u.pathname !== '/sign-in');
        await page.goto(`${e2e.app.url}/plans/${seededTemplate}`);
        await page.getByRole('heading', { name: 'База: 8 недель' }).waitFor();
        await page.getByRole('combobox', { name: 'Week', exact: true }).waitFor();
        const table = page.getByRole('region', { name: 'Compliance' });
        await table.getByRole('link', { name: 'Петров Иван' }).waitFor({ timeout: 30_000 });
        await page.screenshot({ path: join(shots, 'plans-builder-en.png'), fullPage: true });
        expect(await seriousViolations(page)).toEqual([]);
      },
      { locale: 'en-US' },
    );
  });

  test('a coach takes an athlete one-to-one; over the limit the refusal is said plainly', async () => {
    const petrov = 'd4000000-0000-4000-8000-000000000001';
    const smirnova = 'd4000000-0000-4000-8000-000000000002';
    const coach = 'd0000000-0000-4000-8000-000000000002';
    await e2e.page('plans-builder-coaches', async (page) => {
      await signInAt(page, e2e.app.url, 'coach@trackside.test');
      await page.goto(`${e2e.app.url}/roster/${petrov}`);
      const section = page.getByRole('region', { name: 'Индивидуально' });
      await section.getByText('Индивидуальных тренеров нет.').waitFor();
      await section.getByLabel('Формат').selectOption('consulting');
      await section.getByLabel('Комментарий').fill('Консультации по технике бега');
      await section.getByRole('button', { name: 'Взять индивидуально' }).click();
      await section.getByText('Игорь Волков — Консультации').waitFor();
      await expect
        .poll(() => syncStatus(page), { timeout: 20_000 })
        .toContain('Все изменения отправлены');
      const rows = await e2e.app.rows<{ kind: string; status: string }>(
        'select kind, status from public.coach_athletes where athlete_id = $1 and coach_id = $2',
        [petrov, coach],
      );
      expect(rows).toEqual([{ kind: 'consulting', status: 'active' }]);
      await section.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, 'plans-builder-coaches-ru.png') });

      // a limit of one: the next athlete is refused by the server, and the page says why
      await e2e.app.rows(
        `update public.coach_settings set max_athletes = 1
          where coach_id = $1 and org_id = 'd1000000-0000-4000-8000-000000000001' returning id`,
        [coach],
      );
      await page.goto(`${e2e.app.url}/roster/${smirnova}`);
      await section.getByText('Индивидуальных тренеров нет.').waitFor();
      await section.getByRole('button', { name: 'Взять индивидуально' }).click();
      await section
        .getByText('Не принято: у тренера уже 1 индивидуальных спортсменов')
        .waitFor({ timeout: 30_000 });
      await section.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, 'plans-builder-coaches-refused-ru.png') });
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
});
