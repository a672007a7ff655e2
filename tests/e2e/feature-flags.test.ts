/**
 * The platform's feature flags pages at 360 px, in Russian and in English,
 * against the seeded local stack: platform@trackside.test opens «Флаги функций»
 * from the platform's card, is told what is wrong with a bad key and a taken one,
 * turns `running_clubs` off for the demo club «Лёгкоатлетический клуб «Старт»»
 * with an override found by name, sets a rollout for everyone else (and is told a
 * rollout over 100 is not one), and checks the club: the table says the flag is
 * off because of the override, and for «Стрела» what its bucket decides. In
 * English: a rule per kind with a rollout, a new flag retired after the
 * confirmation, and the check again.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { flagBucket } from '../../src/domain/flag-bucket.ts';
import { useE2eStack } from './e2e-stack.ts';
import { demoPassword, fitsWidth, seriousViolations, shots } from './page-helpers.ts';

const e2e = useE2eStack();

const START = 'Лёгкоатлетический клуб «Старт»';
const STRELA_ID = 'ad100000-0000-4000-8000-000000000001';

/** the check table's row for a flag: value, why and bucket as read */
async function checkRow(page: Page, key: string): Promise<string[]> {
  const row = page.getByTestId('flag-check').locator(`tr[data-key="${key}"] td`);
  return (await row.allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
}

describe('the feature flags pages', () => {
  test('360 px, Russian: refusals, an override for «Старт», a rollout, and the check', async () => {
    await e2e.asUser('flags-ru', 'platform@trackside.test', async (page) => {
      await page.getByRole('link', { name: 'Флаги функций' }).click();
      await page.getByRole('heading', { name: 'Флаги функций', level: 1 }).waitFor();
      await expect.poll(() => page.getByTestId('flag').count()).toBe(3);

      // a new flag: the key's shape is checked before anything is sent, a taken key by the server
      await page.getByLabel('Ключ', { exact: true }).fill('Bad-Key');
      await page.getByRole('button', { name: 'Добавить флаг' }).click();
      await page
        .getByText('Ключ — строчные латинские буквы, цифры и «_»', { exact: false })
        .waitFor();
      await page.getByLabel('Ключ', { exact: true }).fill('coaches');
      await page.getByRole('button', { name: 'Добавить флаг' }).click();
      await page
        .getByText('Такой ключ уже есть (или был у выведенного флага)', { exact: false })
        .waitFor();
      expect(await fitsWidth(page)).toBe(true);

      // running_clubs, off for «Старт» only
      await page.getByRole('link', { name: 'Изменить флаг running_clubs' }).click();
      await page.getByRole('heading', { name: 'running_clubs', level: 1 }).waitFor();
      await page.getByLabel('Название организации', { exact: false }).fill('старт');
      await page.getByRole('button', { name: 'Найти' }).click();
      await page.getByRole('button', { name: START }).click();
      await page.getByText(`Выбрана организация «${START}» (Клуб).`).waitFor();
      expect(await page.getByLabel('Включён для выбранной организации').isChecked()).toBe(false);
      await page.getByLabel('Заметка (почему)').fill('Клуб попросил подождать');
      await page.getByRole('button', { name: 'Добавить настройку' }).click();
      await page.getByText(`Настройка для «${START}» добавлена.`).waitFor();
      const override = page.getByTestId('override');
      await override.getByText(START).waitFor();
      expect(await override.getByLabel('Включён').isChecked()).toBe(false);

      // a rollout for the rest: over 100 is refused on the page, 30 is kept
      const rollout = page.locator('#default-rollout');
      await rollout.fill('150');
      await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
      await page.getByText('Раскатка — целое число от 0 до 100 или пусто.').waitFor();
      await rollout.fill('30');
      await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
      await page.getByTestId('flag-message').getByText('Сохранено.').waitFor();
      await expect.poll(() => rollout.inputValue()).toBe('30');
      expect(await fitsWidth(page)).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${shots}/feature-flag-ru.png`, fullPage: true });

      // the check: «Старт» is off because of its override, the others at their defaults
      await page.getByRole('link', { name: 'Проверить организацию' }).click();
      await page.getByRole('heading', { name: 'Проверить организацию', level: 1 }).waitFor();
      await page.getByLabel('Название организации', { exact: false }).fill('Старт');
      await page.getByRole('button', { name: 'Найти' }).click();
      await page.getByRole('button', { name: START }).click();
      await page.getByText(`Флаги для «${START}» (Клуб)`).waitFor();
      const [valueWhy, bucket] = await checkRow(page, 'running_clubs');
      expect(valueWhy).toBe('Выключен Так настроено для этой организации TARGETING_MATCH');
      expect(Number(bucket)).toBe(
        flagBucket('running_clubs', 'd1000000-0000-4000-8000-000000000001'),
      );
      expect((await checkRow(page, 'coaches'))[0]).toBe(
        'Включён Значение флага по умолчанию DEFAULT',
      );
      expect(await fitsWidth(page)).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${shots}/feature-flags-check-ru.png`, fullPage: true });

      // «Стрела» has no override: its bucket decides against the 30 % rollout
      await page.getByRole('button', { name: 'Выбрать другую' }).click();
      await page.getByLabel('Название организации', { exact: false }).fill('стрела');
      await page.getByRole('button', { name: 'Найти' }).click();
      await page.getByRole('button', { name: 'Спортивный клуб «Стрела»' }).click();
      await page.getByText('Флаги для «Спортивный клуб «Стрела»» (Клуб)').waitFor();
      const strela = flagBucket('running_clubs', STRELA_ID);
      expect(await checkRow(page, 'running_clubs')).toEqual(
        strela < 30
          ? ['Включён Раскатка: организация попала в долю SPLIT', String(strela)]
          : ['Выключен Раскатка: организация не попала в долю SPLIT', String(strela)],
      );
    });

    const stored = await e2e.app.rows<{ enabled: boolean; note: string; rollout: number }>(
      `select o.enabled, o.note, f.rollout_percent as rollout
         from public.feature_flag_overrides o join public.feature_flags f on f.key = o.flag_key
        where o.flag_key = 'running_clubs' and o.org_id = 'd1000000-0000-4000-8000-000000000001'`,
    );
    expect(stored).toEqual([{ enabled: false, note: 'Клуб попросил подождать', rollout: 30 }]);
  });

  test('360 px, English: a rule with a rollout, a flag retired for good, the check', async () => {
    await e2e.page(
      'flags-en',
      async (page) => {
        await page.goto(`${e2e.app.url}/sign-in`);
        await page.getByLabel('Email').fill('platform@trackside.test');
        await page.getByLabel('Password', { exact: true }).fill(demoPassword);
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await page.getByRole('heading', { name: 'My organizations' }).waitFor();
        await page.getByRole('link', { name: 'Feature flags' }).click();
        await page.getByRole('heading', { name: 'Feature flags', level: 1 }).waitFor();

        // a rule for races: on for half of them
        await page.getByRole('link', { name: 'Change flag coaches' }).click();
        await page.getByRole('heading', { name: 'coaches', level: 1 }).waitFor();
        await page.getByLabel('Organization kind', { exact: true }).selectOption('race');
        await page.locator('#new-rule-rollout').fill('50 %');
        await page.getByRole('button', { name: 'Add rule' }).click();
        await page.getByTestId('flag-message').getByText('Rule for kind “Race” added.').waitFor();
        const race = page.getByRole('group', { name: 'Race' });
        await expect.poll(() => race.getByLabel('Rollout, %').inputValue()).toBe('50');
        expect(await race.getByLabel('On', { exact: true }).isChecked()).toBe(true);
        expect(await fitsWidth(page)).toBe(true);

        // a new flag, retired: its key is taken for good
        await page.getByRole('link', { name: 'All flags', exact: true }).click();
        await page.getByLabel('Key', { exact: true }).fill('e2e_leaderboards');
        await page.getByLabel('Description').fill('Challenge leaderboards (e2e)');
        await page.getByRole('button', { name: 'Add flag' }).click();
        await page.getByText('Flag e2e_leaderboards added.').waitFor();
        await page.getByRole('link', { name: 'Change flag e2e_leaderboards' }).click();
        await page.getByRole('button', { name: 'Retire this flag…' }).click();
        await page
          .getByText('The key e2e_leaderboards can never be used again', { exact: false })
          .waitFor();
        await page.getByRole('button', { name: 'Yes, retire it for good' }).click();
        await page.getByText('Flag e2e_leaderboards retired.').waitFor();
        await page.getByText('This flag was retired on', { exact: false }).waitFor();
        expect(await page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
        await page.getByRole('link', { name: 'All flags', exact: true }).click();
        await page.getByLabel('Key', { exact: true }).fill('e2e_leaderboards');
        await page.getByRole('button', { name: 'Add flag' }).click();
        await page
          .getByText('That key exists (or belonged to a retired flag)', { exact: false })
          .waitFor();
        expect(await fitsWidth(page)).toBe(true);
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: `${shots}/feature-flags-en.png`, fullPage: true });

        // the check in English: «Старт» still off by its override, the retired flag off for it too
        await page.getByRole('link', { name: 'Check an organization' }).click();
        await page.getByLabel('Organization name', { exact: false }).fill('СТАРТ');
        await page.getByRole('button', { name: 'Find' }).click();
        await page.getByRole('button', { name: START }).click();
        await page.getByText(`Flags for “${START}” (Club)`).waitFor();
        expect((await checkRow(page, 'running_clubs'))[0]).toBe(
          'Off Set for this organization TARGETING_MATCH',
        );
        expect((await checkRow(page, 'e2e_leaderboards'))[0]).toBe(
          'Off The flag is retired DISABLED',
        );
        expect(await fitsWidth(page)).toBe(true);
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: `${shots}/feature-flags-check-en.png`, fullPage: true });
      },
      { locale: 'en-GB' },
    );

    const rules = await e2e.app.rows<{ org_kind: string; rollout_percent: number }>(
      `select org_kind, rollout_percent from public.feature_flag_rules where flag_key = 'coaches'`,
    );
    expect(rules).toEqual([{ org_kind: 'race', rollout_percent: 50 }]);
    const retired = await e2e.app.rows<{ retired: boolean }>(
      `select retired_at is not null as retired from public.feature_flags where key = 'e2e_leaderboards'`,
    );
    expect(retired).toEqual([{ retired: true }]);
  });
});
