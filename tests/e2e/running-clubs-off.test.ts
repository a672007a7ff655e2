/**
 * The proof at 360 px, through the pages only: the platform's admin turns
 * `running_clubs` off for «Юность» on the flag's page; then the club's pages say
 * so (seats, dashboard, challenges) and their RPCs refuse with feature_disabled,
 * while the race organizer's pages, another feature, are untouched.
 */
import { describe, expect, test } from 'vitest';
import { useE2eStack } from './e2e-stack.ts';
import { demoPassword, fitsWidth, seriousViolations } from './page-helpers.ts';

const e2e = useE2eStack();
const YOUTH = 'Лёгкоатлетический клуб «Юность»';
const youthId = 'fa100000-0000-4000-8000-000000000003';
const pool = 'a7400000-0000-4000-8000-000000000001';

describe('running_clubs off for one club', () => {
  test('a platform admin turns it off on the page; the club pages and their RPCs refuse', async () => {
    await e2e.asUser('running-off-platform', 'platform@trackside.test', async (page) => {
      await page.getByRole('link', { name: 'Флаги функций' }).click();
      await page.getByRole('link', { name: 'Изменить флаг running_clubs' }).click();
      await page.getByRole('heading', { name: 'running_clubs', level: 1 }).waitFor();
      await page.getByLabel('Название организации', { exact: false }).fill('юность');
      await page.getByRole('button', { name: 'Найти' }).click();
      await page.getByRole('button', { name: YOUTH }).click();
      await page.getByText(`Выбрана организация «${YOUTH}» (Клуб).`).waitFor();
      expect(await page.getByLabel('Включён для выбранной организации').isChecked()).toBe(false);
      await page.getByLabel('Заметка (почему)').fill('Клуб на паузе');
      await page.getByRole('button', { name: 'Добавить настройку' }).click();
      await page.getByText(`Настройка для «${YOUTH}» добавлена.`).waitFor();
    });
    expect(
      await e2e.app.rows<{ enabled: boolean }>(
        `select enabled from public.feature_flag_overrides
          where flag_key = 'running_clubs' and org_id = $1`,
        [youthId],
      ),
    ).toEqual([{ enabled: false }]);

    await e2e.asUser('running-off-owner', 'youth@trackside.test', async (page) => {
      await page.goto(`${e2e.app.url}/org/${youthId}/seats`);
      await page.getByRole('heading', { name: 'Места в планах', level: 1 }).waitFor();
      await page.getByTestId('seats-off').waitFor();
      expect(await page.locator('li[data-pool]').count()).toBe(0);

      await page.goto(`${e2e.app.url}/org/${youthId}/club`);
      await page
        .getByText(`${YOUTH}: возможности беговых клубов сейчас отключены.`, { exact: false })
        .waitFor();
      expect(await fitsWidth(page)).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
    });

    // the RPCs themselves refuse, for the owner's own session
    const { apiUrl, anonKey } = e2e.app;
    const signedIn = await fetch(`${apiUrl}/auth/v1/token?grant_type=password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', apikey: anonKey },
      body: JSON.stringify({ email: 'youth@trackside.test', password: demoPassword }),
    });
    const { access_token: token } = (await signedIn.json()) as { access_token: string };
    const hintOf = async (name: string, body: object): Promise<string> => {
      const r = await fetch(`${apiUrl}/rest/v1/rpc/${name}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          apikey: anonKey,
          authorization: `Bearer ${token}`,
        },
        body: JSON.stringify(body),
      });
      const json = (await r.json()) as { hint?: string };
      return json.hint ?? String(r.status);
    };
    const refused = [
      await hintOf('club_dashboard', { p_club: youthId }),
      await hintOf('assign_seat', { p_pool: pool, p_user: 'fa000000-0000-4000-8000-000000000004' }),
    ];
    expect(refused).toEqual(['feature_disabled', 'feature_disabled']);
  });
});
