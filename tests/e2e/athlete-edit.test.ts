/**
 * Managing athletes at 360 px against the seeded local stack: a coach adds an
 * athlete offline with the day-and-time picker, archives them, finds them under
 * the archive filter, and the server ends up with exactly that; an admin unlinks
 * and relinks an athlete's own account and sees past seasons' ranks.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { useE2eStack } from './e2e-stack.ts';
import { seriousViolations, shots, syncStatus } from './page-helpers.ts';
import { seededSeason, shiftSeason } from './seed-facts.ts';

const e2e = useE2eStack();

describe('managing athletes', () => {
  test('a coach adds an athlete offline with the picker, archives them, and the server agrees', async () => {
    await e2e.asUser('athlete-create', 'coach@trackside.test', async (page) => {
      await page.getByRole('link', { name: 'Спортсмены моих групп' }).click();
      await page.getByRole('list', { name: 'Спортсмены' }).getByText('Смирнова Анна').waitFor();
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      await page.context().setOffline(true);

      await page.getByRole('link', { name: 'Добавить спортсмена' }).click();
      await page.getByRole('heading', { name: 'Новый спортсмен' }).waitFor();
      // nothing typed: the name's message sits next to it and nothing is queued
      await page.getByRole('button', { name: 'Создать', exact: true }).click();
      await page.getByText('Введите имя, не длиннее 200 символов').waitFor();
      expect(await syncStatus(page)).toContain('Все изменения отправлены');

      await page.getByLabel('Имя и фамилия').fill('  Зайцева Ольга ');
      const picker = page.getByRole('group', { name: 'Добавить день и время' });
      await picker.getByLabel('День').selectOption('Чт');
      await picker.getByLabel('Время').fill('17:30');
      await picker.getByRole('button', { name: 'Добавить время' }).click();
      await picker.getByLabel('День').selectOption('Вт');
      await picker.getByRole('button', { name: 'Добавить время' }).click();
      // sorted Monday → Sunday, as the database stores it
      await expect
        .poll(() => page.getByLabel('Расписание').inputValue())
        .toBe('Вт 17:30, Чт 17:30');
      await picker.getByRole('button', { name: 'Убрать Чт 17:30' }).click();
      await expect.poll(() => page.getByLabel('Расписание').inputValue()).toBe('Вт 17:30');
      await page.getByLabel('Разряд на начало сезона').selectOption('II юношеский разряд');
      await page.getByLabel('Заметки').fill('Пришла из гимнастики');
      await page.screenshot({ path: join(shots, 'athlete-new.png'), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Создать', exact: true }).click();

      await page.getByRole('heading', { name: 'Зайцева Ольга' }).waitFor();
      await expect.poll(() => syncStatus(page)).toContain('Не отправлено: 1 изменение');
      await page.getByLabel('Статус').selectOption('archived');
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await page.getByText('Сохранено.').waitFor();
      await page.screenshot({ path: join(shots, 'athlete-edit.png'), fullPage: true });

      await page.getByRole('link', { name: 'К списку' }).click();
      const list = page.getByRole('list', { name: 'Спортсмены' });
      await list.getByText('Смирнова Анна').waitFor();
      expect(await list.getByText('Зайцева Ольга').count()).toBe(0);
      await page.getByLabel('Статус').selectOption('archived');
      await list.getByText('Зайцева Ольга').waitFor();
      await list.getByText('🕐 Вт 17:30').waitFor();

      await page.context().setOffline(false);
      await expect
        .poll(() => syncStatus(page), { timeout: 20_000 })
        .toContain('Все изменения отправлены');
      const stored = await e2e.app.rows<Record<string, unknown>>(
        `select name, status, schedule, rank_start, notes, group_id::text, season
           from public.athletes where name = 'Зайцева Ольга'`,
      );
      // the season is the current one: the page runs on the seed's clock, and the seed
      // put its groups and athletes in the season of its day
      const season = await seededSeason(e2e.app);
      expect(stored).toEqual([
        {
          name: 'Зайцева Ольга',
          status: 'archived',
          schedule: 'Вт 17:30',
          rank_start: 'II юношеский разряд',
          notes: 'Пришла из гимнастики',
          group_id: 'd2000000-0000-4000-8000-000000000001',
          season,
        },
      ]);
    });
  });

  test('an admin sees past seasons and unlinks and relinks an athlete’s account', async () => {
    const petrov = 'd4000000-0000-4000-8000-000000000001';
    const account = 'd0000000-0000-4000-8000-000000000004';
    await e2e.asUser('athlete-account', 'admin@trackside.test', async (page) => {
      await page.goto(`${e2e.app.url}/roster/${petrov}`);
      await page.getByRole('heading', { name: 'Петров Иван' }).waitFor();
      const history = page.getByRole('region', { name: 'Разряды прошлых сезонов' });
      await history.getByText(shiftSeason(await seededSeason(e2e.app), -1)).waitFor();
      await history.getByText('🥉 III юношеский').waitFor();
      await page.getByText('Связан с аккаунтом: Иван Петров').waitFor();
      await page.screenshot({ path: join(shots, 'athlete-admin.png'), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Отвязать' }).click();
      await page.getByText('Готово: аккаунт отвязан.').waitFor();
      await expect
        .poll(
          async () =>
            (await e2e.app.rows(`select user_id from public.athletes where id = $1`, [petrov]))[0],
        )
        .toEqual({ user_id: null });

      await page.getByLabel('Участник организации').selectOption(account);
      await page.getByRole('button', { name: 'Связать' }).click();
      await page.getByText('Готово: аккаунт связан.').waitFor();
      await page.getByText('Связан с аккаунтом: Иван Петров').waitFor({ timeout: 20_000 });
      const linked = await e2e.app.rows(`select user_id::text from public.athletes where id = $1`, [
        petrov,
      ]);
      expect(linked).toEqual([{ user_id: account }]);
    });
  });
});
