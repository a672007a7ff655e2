/**
 * A new athlete joins the club the app shows (issue 13), at 360 px against the
 * seeded local stack: the demo coach, who coaches in «Старт» and «Стрела», with
 * «Старт» current is offered «Старт»'s groups only, starts with the group the
 * roster showed and the current season, and finds the athlete in the roster and
 * on the server in «Старт»; with «Стрела» current, only «Стрела»'s group. An
 * admin viewing «Спринт» starts with «Спринт», not the first group by name.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useE2eStack } from './e2e-stack.ts';
import { seriousViolations, shots, syncStatus } from './page-helpers.ts';
import { beginners, seededSeason } from './seed-facts.ts';

const e2e = useE2eStack();

const start = 'd1000000-0000-4000-8000-000000000001';
const sprint = 'd2000000-0000-4000-8000-000000000002';
const stayers = 'ad200000-0000-4000-8000-000000000001';

/** the new-athlete form's group choices, as shown */
async function groupChoices(page: Page): Promise<string[]> {
  const options = await page.locator('select[name=group_id] option').allTextContents();
  return options.map((o) => o.trim());
}

describe('a new athlete joins the current club', () => {
  test('a coach of two clubs is offered the current club’s groups, and the athlete stays in its roster', async () => {
    await e2e.asUser('athlete-club-coach', 'coach@trackside.test', async (page) => {
      await page.getByRole('link', { name: 'Спортсмены моих групп' }).click();
      const list = page.getByRole('list', { name: 'Спортсмены' });
      await list.getByText('Смирнова Анна').waitFor();

      await page.getByRole('link', { name: 'Добавить спортсмена' }).click();
      await page.getByRole('heading', { name: 'Новый спортсмен' }).waitFor();
      await page.getByText('Организация: Лёгкоатлетический клуб «Старт»').waitFor();
      // «Стайеры» are «Стрела»'s: not on offer while «Старт» is current
      expect(await groupChoices(page)).toEqual(['Начинающие']);
      await expect.poll(() => page.locator('select[name=group_id]').inputValue()).toBe(beginners);
      // the current season on the club's calendar (the page runs on the seed's clock)
      const season = await seededSeason(e2e.app);
      await expect.poll(() => page.locator('input[name=season]').inputValue()).toBe(season);
      await page.screenshot({ path: join(shots, 'athlete-club-new.png'), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByLabel('Имя и фамилия').fill('Орлова Вера');
      await page.getByRole('button', { name: 'Создать', exact: true }).click();
      await page.getByRole('heading', { name: 'Орлова Вера' }).waitFor();
      await page.getByRole('link', { name: 'К списку' }).click();
      await list.getByText('Орлова Вера').waitFor();

      await expect
        .poll(() => syncStatus(page), { timeout: 20_000 })
        .toContain('Все изменения отправлены');
      const stored = await e2e.app.rows(
        `select org_id::text, group_id::text, season from public.athletes where name = 'Орлова Вера'`,
      );
      expect(stored).toEqual([{ org_id: start, group_id: beginners, season }]);
      // after the sync too, the athlete is in the roster of the club it was added to
      await page.reload();
      await list.getByText('Орлова Вера').waitFor();

      // «Стрела» current: its group only
      await page.getByLabel('Организация', { exact: true }).selectOption({ label: 'Стрела' });
      await list.getByText('Зайцева Ульяна').waitFor();
      await page.getByRole('link', { name: 'Добавить спортсмена' }).click();
      await page.getByText('Организация: Спортивный клуб «Стрела»').waitFor();
      await expect.poll(() => groupChoices(page)).toEqual(['Стайеры']);
      await expect.poll(() => page.locator('select[name=group_id]').inputValue()).toBe(stayers);
    });
  });

  test('an admin viewing a group starts the new athlete in that group', async () => {
    await e2e.asUser('athlete-club-admin', 'admin@trackside.test', async (page) => {
      await page.goto(`${e2e.app.url}/roster`);
      const list = page.getByRole('list', { name: 'Спортсмены' });
      await list.getByText('Смирнова Анна').waitFor();
      await page.getByLabel('Группа').selectOption({ label: 'Спринт' });

      await page.getByRole('link', { name: 'Добавить спортсмена' }).click();
      await page.getByRole('heading', { name: 'Новый спортсмен' }).waitFor();
      // an admin may leave the athlete ungrouped; the club's groups, none of «Стрела»
      expect(await groupChoices(page)).toEqual(['Без группы', 'Начинающие', 'Спринт']);
      await expect.poll(() => page.locator('select[name=group_id]').inputValue()).toBe(sprint);
      const season = await seededSeason(e2e.app);
      await expect.poll(() => page.locator('input[name=season]').inputValue()).toBe(season);

      await page.getByLabel('Имя и фамилия').fill('Лебедев Марк');
      await page.getByRole('button', { name: 'Создать', exact: true }).click();
      await page.getByRole('heading', { name: 'Лебедев Марк' }).waitFor();
      await page.getByRole('link', { name: 'К списку' }).click();
      await list.getByText('Лебедев Марк').waitFor();
      await expect
        .poll(() => syncStatus(page), { timeout: 20_000 })
        .toContain('Все изменения отправлены');
      const stored = await e2e.app.rows(
        `select org_id::text, group_id::text, season from public.athletes where name = 'Лебедев Марк'`,
      );
      expect(stored).toEqual([{ org_id: start, group_id: sprint, season }]);
    });
  });
});
