/**
 * What a new user tripped over on the admin and sync screens (issue 13), at 360 px:
 * /sync says how many changes still wait and that the device is offline rather than
 * «Все изменения приняты сервером», and names a refused change by its athlete
 * without the word «Таблица» (in Russian and English); the members page shows
 * emails, finds people by name or email, shows a role once and explains a refusal
 * in the user's language only; the Moyklass refresh names the athletes without an
 * id, and an athlete's page shows their subscription.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { useE2eStack } from './e2e-stack.ts';
import { demoPassword, seriousViolations, shots, syncStatus } from './page-helpers.ts';
import { beginners, clubDate, seededSeason } from './seed-facts.ts';

const start = 'd1000000-0000-4000-8000-000000000001';
/** Петров Иван, Смирнова Анна and Кузнецов Артём, group «Начинающие» (the demo coach's) */
const petrov = 'd4000000-0000-4000-8000-000000000001';
const anna = 'd4000000-0000-4000-8000-000000000002';
const kuznetsov = 'd4000000-0000-4000-8000-000000000003';

const e2e = useE2eStack();

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `admin-${name}.png`), fullPage: true });
}

const words = {
  'ru-RU': {
    password: 'Пароль',
    signIn: 'Войти',
    home: 'Мои организации',
    sent: 'Все изменения отправлены',
    pending: (n: number) => `Не отправлено: ${n}`,
    schedule: 'Расписание',
    notes: 'Заметки',
    save: 'Сохранить',
    refusedCount: /Отклонено сервером: 1/,
    refused: 'Отклонено сервером',
    waiting: 'Ждут отправки: 2 изменения',
    offline: 'Нет сети: отправим, как только связь появится.',
    kind: 'Спортсмен',
    technical: 'Таблица',
    allAccepted: 'Все изменения приняты сервером.',
    schedules: ['Вс 09:00', 'Пн 17:00, Ср 17:00'],
  },
  'en-US': {
    password: 'Password',
    signIn: 'Sign in',
    home: 'My organizations',
    sent: 'All changes sent',
    pending: (n: number) => `Not sent: ${n}`,
    schedule: 'Schedule',
    notes: 'Notes',
    save: 'Save',
    refusedCount: /Refused by the server: 1/,
    refused: 'Refused by the server',
    waiting: 'Waiting to be sent: 2 changes',
    offline: 'Offline: they will be sent as soon as there is a connection.',
    kind: 'Athlete',
    technical: 'Table',
    allAccepted: 'The server has accepted every change.',
    schedules: ['Вс 09:00', 'Пн 16:00, Ср 16:00'],
  },
} as const;

describe('/sync at 360 px', () => {
  beforeAll(async () => {
    // a rule the client does not know, so only the server can refuse the edit
    await e2e.app.exec(
      `alter table public.athletes add constraint e2e_admin_no_sunday_nine
         check (schedule is distinct from 'Вс 09:00') not valid`,
    );
  });

  for (const [locale, w] of Object.entries(words)) {
    test(`says what waits offline and names the refused athlete (${locale})`, async () => {
      await e2e.page(
        `sync-${locale}`,
        async (page, context) => {
          await page.goto(`${e2e.app.url}/sign-in`);
          await page.getByLabel('Email').fill('coach@trackside.test');
          await page.getByLabel(w.password, { exact: true }).fill(demoPassword);
          await page.getByRole('button', { name: w.signIn, exact: true }).click();
          await page.getByRole('heading', { name: w.home }).waitFor();
          await expect.poll(() => syncStatus(page), { timeout: 30_000 }).toContain(w.sent);
          await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));

          // online: a schedule the server refuses
          await page.goto(`${e2e.app.url}/roster/${petrov}`);
          await page.getByLabel(w.schedule).fill(w.schedules[0]);
          await page.getByRole('button', { name: w.save }).click();
          await page
            .getByRole('link', { name: w.refusedCount })
            .first()
            .waitFor({ timeout: 30_000 });

          // offline: two edits wait on the device
          await context.setOffline(true);
          await page.goto(`${e2e.app.url}/roster/${anna}`);
          await page.getByLabel(w.schedule).fill(w.schedules[1]);
          await page.getByRole('button', { name: w.save }).click();
          await expect.poll(() => syncStatus(page)).toContain(w.pending(1));
          await page.goto(`${e2e.app.url}/roster/${kuznetsov}`);
          await page.getByLabel(w.notes).fill('После сборов');
          await page.getByRole('button', { name: w.save }).click();
          await expect.poll(() => syncStatus(page)).toContain(w.pending(2));

          await page.goto(`${e2e.app.url}/sync`);
          const status = page.getByRole('status').filter({ hasText: w.waiting });
          await status.waitFor();
          expect(await status.textContent()).toContain(w.offline);
          expect(await page.getByText(w.allAccepted).count()).toBe(0);
          const refused = page.getByRole('list', { name: w.refused });
          await refused.getByRole('link', { name: 'Петров Иван' }).waitFor();
          await refused.getByText(w.kind, { exact: true }).waitFor();
          expect(await page.getByText(w.technical, { exact: true }).count()).toBe(0);
          expect(await seriousViolations(page)).toEqual([]);
          await shot(page, `sync-${locale}`);
        },
        { locale },
      );
    }, 120_000);
  }
});

describe('members at 360 px', () => {
  test('an admin sees emails, finds a member and reads a refusal in Russian only', async () => {
    await e2e.asUser('members-ru', 'admin@trackside.test', async (page) => {
      await page.goto(`${e2e.app.url}/org/${start}/members`);
      const members = page.getByRole('list', { name: 'Участники' });
      const owner = members.getByRole('listitem').filter({ hasText: 'Ольга Смирнова' });
      await owner.getByText('admin@trackside.test').waitFor();
      // the role once: the select, no chip beside it
      expect(await owner.locator('.pill').count()).toBe(0);
      expect(await owner.getByLabel('Роль').inputValue()).toBe('owner');

      const search = page.getByLabel('Найти по имени или email');
      await search.fill('COACH@trackside');
      await expect.poll(() => members.getByRole('listitem').count()).toBe(1);
      await members.getByText('coach@trackside.test', { exact: true }).waitFor();
      await search.fill('смирн');
      await owner.waitFor();
      await search.fill('нет-такого');
      await page.getByText('Никого не нашлось: проверьте написание.').waitFor();
      await search.fill('');

      await owner.getByLabel('Роль').selectOption('admin');
      await owner.getByRole('button', { name: 'Изменить роль' }).click();
      const refusal = owner.getByRole('alert');
      await refusal.filter({ hasText: 'должен остаться хотя бы один владелец' }).waitFor();
      expect(await refusal.textContent()).not.toMatch(/[A-Za-z]{3}/);
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'members-ru');
    });
  });

  test('in English the emails and the search read in English', async () => {
    await e2e.page(
      'members-en',
      async (page) => {
        await page.goto(`${e2e.app.url}/sign-in`);
        await page.getByLabel('Email').fill('admin@trackside.test');
        await page.getByLabel('Password', { exact: true }).fill(demoPassword);
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await page.getByRole('heading', { name: 'My organizations' }).waitFor();
        await page.goto(`${e2e.app.url}/org/${start}/members`);
        const members = page.getByRole('list', { name: 'Members' });
        await members.getByText('admin@trackside.test').waitFor();
        await page.getByLabel('Find by name or email').fill('coach@');
        await page.getByText(/^\s*Showing 1 of \d+\s*$/).waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await shot(page, 'members-en');
      },
      { locale: 'en-US' },
    );
  });
});

describe('Moyklass at 360 px', () => {
  test('the refresh names who has no Moyklass id; the athlete page shows the subscription', async () => {
    await e2e.asUser('moyklass', 'coach@trackside.test', async (page) => {
      await page.goto(`${e2e.app.url}/roster`);
      await page.getByRole('list', { name: 'Спортсмены' }).getByText('Петров Иван').waitFor();
      await page.getByRole('button', { name: 'Обновить из «Мой Класс»' }).click();
      const unlinked = page.getByRole('list', { name: 'Без ID «Мой Класс»' });
      await unlinked.waitFor({ timeout: 30_000 });
      const expected = await e2e.app.rows<{ name: string }>(
        `select a.name from public.athletes a
          where a.org_id = $1 and a.deleted_at is null and a.moyklass_user_id is null
            and a.group_id in (select c.group_id from public.training_group_coaches c
                                 join auth.users u on u.id = c.user_id
                                where u.email = 'coach@trackside.test' and c.deleted_at is null)`,
        [start],
      );
      expect(expected.length).toBeGreaterThan(0);
      const listed = await unlinked.getByRole('link').allTextContents();
      expect(listed.map((n) => n.trim()).sort()).toEqual(expected.map((r) => r.name).sort());
      await page.getByText(`Без ID «Мой Класс»: ${expected.length}.`, { exact: false }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'moyklass-unlinked');

      // Petrov holds 64 visits and used 21 (supabase/local/demo-moyklass.ts)
      await page.goto(`${e2e.app.url}/roster/${petrov}`);
      const card = page.getByRole('region', { name: /Абонемент «Мой Класс», сезон/ });
      await card.getByText('Осталось занятий: 43').waitFor({ timeout: 30_000 });
      await card.getByText(/Действует\. До \d\d\.05\.\d{4}/).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'moyklass-athlete');
    });
  });
});

describe('invitations at 360 px', () => {
  for (const [locale, w] of Object.entries({
    'ru-RU': {
      password: 'Пароль',
      signIn: 'Войти',
      home: 'Мои организации',
      role: 'Роль',
      create: 'Создать приглашение',
      link: 'Ссылка',
      share: 'Поделиться',
      qr: 'QR-код ссылки приглашения',
    },
    'en-US': {
      password: 'Password',
      signIn: 'Sign in',
      home: 'My organizations',
      role: 'Role',
      create: 'Create invitation',
      link: 'Link',
      share: 'Share',
      qr: 'QR code of the invitation link',
    },
  })) {
    test(`a new invitation goes to the share sheet and shows its QR code (${locale})`, async () => {
      await e2e.page(
        `invitation-${locale}`,
        async (page) => {
          // the share sheet of a phone: Chromium on Linux has none, so one is stood in
          await page.addInitScript(() => {
            const shared: ShareData[] = [];
            Object.assign(window, { shared });
            Object.defineProperty(navigator, 'share', {
              value: (data: ShareData) => {
                shared.push(data);
                return Promise.resolve();
              },
            });
          });
          await page.goto(`${e2e.app.url}/sign-in`);
          await page.getByLabel('Email').fill('admin@trackside.test');
          await page.getByLabel(w.password, { exact: true }).fill(demoPassword);
          await page.getByRole('button', { name: w.signIn, exact: true }).click();
          await page.getByRole('heading', { name: w.home }).waitFor();
          await page.goto(`${e2e.app.url}/org/${start}/invitations`);
          await page.getByLabel(w.role).selectOption('athlete');
          await page.getByRole('button', { name: w.create }).click();
          const link = await page.getByLabel(w.link, { exact: true }).inputValue();
          expect(link).toContain('/invite/');
          await page.getByRole('img', { name: w.qr }).waitFor();
          await page.getByRole('button', { name: w.share }).first().click();
          await expect
            .poll(() =>
              page.evaluate(
                () => (window as unknown as { shared: ShareData[] }).shared.at(-1)?.url,
              ),
            )
            .toBe(link);
          expect(await seriousViolations(page)).toEqual([]);
          await shot(page, `invitation-${locale}`);
        },
        { locale },
      );
    });
  }
});

describe('the attendance export', () => {
  test('writes present as a plain «+» and gives no column to a session still ahead', async () => {
    await e2e.asUser('export', 'coach@trackside.test', async (page) => {
      const season = await seededSeason(e2e.app);
      const today = await clubDate(e2e.app, e2e.now);
      await page.goto(`${e2e.app.url}/today`);
      const [csv] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: `Посещаемость ${season} в CSV` }).click(),
      ]);
      const text = readFileSync((await csv.path()) ?? '', 'utf8');
      expect(text).not.toContain("'+");
      expect(text).toMatch(/;\+(;|\r\n)/);
      // the header's session dates (dd.mm.yyyy[ hh:mm]) are all today or before
      const header = text.slice(1, text.indexOf('\r\n')).split(';');
      const dates = header
        .map((h) => /^(\d\d)\.(\d\d)\.(\d{4})/.exec(h))
        .flatMap((m) => (m ? [`${m[3]}-${m[2]}-${m[1]}`] : []));
      expect(dates.length).toBeGreaterThan(0);
      expect(dates.filter((d) => d > today)).toEqual([]);
      // the seed has sessions after today in this season: they are left out, not blank
      const ahead = await e2e.app.rows<{ n: number }>(
        `select count(*)::int as n from public.training_sessions
          where kind = 'group' and status <> 'cancelled' and local_date > $1::date
            and group_id = $2`,
        [today, beginners],
      );
      expect(ahead[0]?.n ?? 0).toBeGreaterThan(0);
    });
  });
});
