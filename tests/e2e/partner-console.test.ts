/**
 * The reseller console at 360 px in Russian and on a desktop in English,
 * against the seeded local stack: the demo reseller (partner@trackside.test)
 * lists its clients, creates one (the club and its owner invitation exist
 * afterwards), opens it, acts for it with a reason and lands on the club's
 * roster under the shell's banner, stops there, and finds
 * the creation and the acting session in its audit log.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useE2eStack } from './e2e-stack.ts';
import { demoPassword, fitsWidth, seriousViolations, signIn } from './page-helpers.ts';

const shots = '/tmp/shots';
const youth = 'fa100000-0000-4000-8000-000000000003';
const reseller = 'fa100000-0000-4000-8000-000000000002';
const partnerUser = 'fa000000-0000-4000-8000-000000000002';
const start = 'd1000000-0000-4000-8000-000000000001';

const e2e = useE2eStack();

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/console-${name}.png`, fullPage: true });
}

/** ends the acting session with the shell's banner; the banner goes */
async function stopActing(page: Page, label: string): Promise<void> {
  const stop = page.getByRole('button', { name: label, exact: true });
  await stop.click();
  await stop.waitFor({ state: 'detached' });
}

async function clubIdNamed(name: string): Promise<string> {
  const rows = await e2e.app.rows<{ id: string }>(
    `select id from public.organizations where name = $1`,
    [name],
  );
  expect(rows).toHaveLength(1);
  return rows[0]?.id ?? '';
}

describe('the reseller console', () => {
  test('in Russian at 360 px: create a client, act for it, see the audit', async () => {
    const name = 'Клуб «Ракета»';
    await e2e.page('console-ru', async (page) => {
      await page.goto(`${e2e.app.url}/sign-in`);
      await signIn(page, 'partner@trackside.test');
      await page.getByRole('heading', { name: 'Мои организации' }).waitFor();
      // from the reseller's card on the home page
      await page.getByRole('link', { name: 'Клиенты партнёра' }).click();
      await page.getByRole('heading', { name: 'Клиенты партнёра' }).waitFor();
      await page.getByRole('link', { name: 'Лёгкоатлетический клуб «Юность»' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      expect(await fitsWidth(page)).toBe(true);
      await shot(page, 'ru-list');

      await page.getByRole('link', { name: 'Новый клиент' }).click();
      await page.getByRole('heading', { name: 'Новый клиент' }).waitFor();
      await page.getByLabel('Название клуба').fill(name);
      await page.getByLabel('Контактное лицо').fill('Роман Ракетов');
      await page.getByLabel('Почта контакта').fill('raketa@example.test');
      // a bad address is named beside its field and nothing is created
      await page.getByLabel('Почта контакта').fill('raketa');
      await page.getByRole('button', { name: 'Создать клиента' }).click();
      await page.getByText('Укажите адрес почты').waitFor();
      await page.getByLabel('Почта контакта').fill('raketa@example.test');
      await page.getByRole('button', { name: 'Создать клиента' }).click();
      await page.getByRole('heading', { name }).waitFor();
      const clubId = await clubIdNamed(name);
      expect(page.url()).toContain(`/partner/clients/${clubId}`);
      const invitations = await e2e.app.rows<{ role: string }>(
        `select role from public.invitations where org_id = $1`,
        [clubId],
      );
      expect(invitations).toEqual([{ role: 'owner' }]);
      // the club did not allow changes: read-only, so no write box
      await page.getByText('Клуб не разрешил изменения').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      expect(await fitsWidth(page)).toBe(true);
      await shot(page, 'ru-client');

      await page.getByLabel('Причина').fill('коротко');
      await page.getByRole('button', { name: 'Начать' }).click();
      await page.getByText('Причина: не короче 10 символов.').waitFor();
      await page.getByLabel('Причина').fill('Проверить настройки клуба по просьбе директора');
      await page.getByRole('button', { name: 'Начать' }).click();
      await page.waitForURL(/\/roster$/);
      await page.getByRole('heading', { name: 'Спортсмены' }).first().waitFor();
      await page.getByText(`Вы действуете от имени клуба: ${name}`).waitFor();
      await shot(page, 'ru-acting');

      await stopActing(page, 'Завершить');
      await page.goto(`${e2e.app.url}/partner/audit`);
      await page.getByRole('heading', { name: 'Журнал действий' }).waitFor();
      const created = page.locator('tr[data-action="client.created"]', { hasText: name });
      await created.waitFor();
      await page.locator('tr[data-action="acting.start"]', { hasText: name }).waitFor();
      await page.locator('tr[data-action="acting.end"]', { hasText: name }).waitFor();
      await page.getByText('цепочка цела').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      expect(await fitsWidth(page)).toBe(true);
      await shot(page, 'ru-audit');
    });
  });

  test('in English on a desktop: create a client, act for the club with write access, see the audit', async () => {
    const name = 'Harbour Runners';
    await e2e.page(
      'console-en',
      async (page) => {
        await page.goto(`${e2e.app.url}/sign-in`);
        await page.getByLabel('Email').fill('partner@trackside.test');
        await page.getByLabel('Password', { exact: true }).fill(demoPassword);
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await page.getByRole('heading', { name: 'My organizations' }).waitFor();
        await page.goto(`${e2e.app.url}/partner/clients/new`);
        await page.getByRole('heading', { name: 'New client' }).waitFor();
        await page.getByLabel('Club name').fill(name);
        await page.getByLabel('Contact person').fill('Hannah Harbour');
        await page.getByLabel('Contact email').fill('hannah@example.test');
        await page.getByLabel('Club plan').selectOption('pro');
        await page.getByRole('button', { name: 'Create client' }).click();
        await page.getByRole('heading', { name }).waitFor();
        await shot(page, 'en-client');

        // the list finds it by search
        await page.getByRole('link', { name: 'Clients', exact: true }).click();
        await page.getByRole('heading', { name: 'Partner clients' }).waitFor();
        await page.getByLabel('Search').fill('harbour');
        await page.getByRole('button', { name: 'Show' }).click();
        await page.getByText('Clients in total: 1').waitFor();
        await shot(page, 'en-list');

        // «Юность» allows changes: the write box is offered
        await page.goto(`${e2e.app.url}/partner/clients/${youth}`);
        await page.getByRole('heading', { name: 'Лёгкоатлетический клуб «Юность»' }).waitFor();
        await page.getByLabel('Reason').fill('Fix the timetable as the director asked');
        await page.getByLabel('With write access').check();
        expect(await seriousViolations(page)).toEqual([]);
        await page.getByRole('button', { name: 'Start' }).click();
        await page.waitForURL(/\/roster$/);
        await page.getByRole('heading', { name: 'Athletes' }).first().waitFor();
        await stopActing(page, 'Stop');

        await page.goto(`${e2e.app.url}/partner/audit`);
        await page.getByRole('heading', { name: 'Audit log' }).waitFor();
        await page.locator('tr[data-action="client.created"]', { hasText: name }).waitFor();
        await page
          .locator('tr[data-action="acting.start"]', { hasText: 'Fix the timetable' })
          .first()
          .waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await shot(page, 'en-audit');
      },
      { locale: 'en-US', viewport: { width: 1280, height: 900 } },
    );
  });
  test('the club side at 360 px: the owner accepts a link, sees the partner, allows changes and revokes', async () => {
    // the reseller's link, as /partner/link makes it (the token is shown once)
    const [link] = await e2e.app.rows<{ token: string }>(
      `with me as materialized (
         select set_config('request.jwt.claims', json_build_object('sub', $1::text, 'role', 'authenticated')::text, true)
       )
       select public.partner_request_link($2, 6, true) as token from me`,
      [partnerUser, reseller],
    );
    const token = link?.token ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await e2e.asUser('console-club', 'admin@trackside.test', async (page) => {
      page.on('dialog', (dialog) => void dialog.accept());
      await page.goto(`${e2e.app.url}/partner/link/${token}`);
      await page
        .getByText('Партнёр «СпортСофт Партнёр» просит управлять вашим клубом 6 мес.')
        .waitFor();
      await page.getByText('Партнёр просит право вносить изменения.').waitFor();
      await page.getByLabel('Какой клуб').selectOption(start);
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'ru-accept');
      await page.getByRole('button', { name: 'Разрешить' }).click();
      await page.getByText('Готово: партнёр управляет клубом.').waitFor();
      await page.getByRole('link', { name: 'Открыть страницу партнёра клуба' }).click();

      await page.getByRole('heading', { name: 'Партнёр клуба' }).waitFor();
      await page
        .getByRole('heading', { name: 'Клубом управляет партнёр «СпортСофт Партнёр».' })
        .waitFor();
      const allow = page.getByLabel('Разрешить партнёру вносить изменения от имени клуба');
      expect(await allow.isChecked()).toBe(true);
      await allow.uncheck();
      await page.getByText('Сохранено.').waitFor();
      const [row] = await e2e.app.rows<{ allow_write: boolean }>(
        `select allow_write from public.partner_clients where client_org_id = $1`,
        [start],
      );
      expect(row?.allow_write).toBe(false);
      await page.locator('tr[data-action="client.linked"]').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      expect(await fitsWidth(page)).toBe(true);
      await shot(page, 'ru-club');

      await page.getByRole('button', { name: 'Отозвать доступ партнёра' }).click();
      await page.getByText('Доступ партнёра отозван.').waitFor();
      await page.getByText('Клубом не управляет ни один партнёр.').waitFor();
      await page.locator('tr[data-action="client.revoked"]').waitFor();
    });
  });
});
