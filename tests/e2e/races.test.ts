/**
 * Races at 360 px, in Russian and in English, against the seeded local stack:
 * «Белые ночи» (race@) publishes a new race, attaches a plan product and a
 * sponsor's banner (a bad image address refused first); athlete@ opens the seeded
 * half marathon from /races, sees the banner (its view counted) and taps it (its
 * click counted in analytics.placement_days), buys the plan with the partner code
 * filled in (−15 %), pays in the local test checkout and comes back to the race
 * page, where their plan shows week 1's workouts and week 2 «откроется …». A
 * visitor who is not signed in is sent to sign in first. With race_partnerships
 * off for the organizer both pages say so. In English the organizer's figures
 * hide a distance of one participant («fewer than 5»).
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useE2eStack } from './e2e-stack.ts';
import { demoPassword, fitsWidth, seriousViolations } from './page-helpers.ts';

const e2e = useE2eStack();
const shots = '/tmp/races-shots';
mkdirSync(shots, { recursive: true });

const organizer = 'ba100000-0000-4000-8000-000000000001';
const race = 'ba300000-0000-4000-8000-000000000001';
const raceBanner = 'ba800000-0000-4000-8000-000000000001';
const spareProduct = 'ba600000-0000-4000-8000-000000000002';
const athleteUser = 'd0000000-0000-4000-8000-000000000004';

const spaces = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');
/** the text as one line, every run of white space one space */
const flat = (s: string | null) => spaces(s).replace(/\s+/g, ' ').trim();

/** the seed's day on Moscow's calendar, `days` later, as YYYY-MM-DD */
function seedDay(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(e2e.now);
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

async function placementCounts(id: string): Promise<{ views: number; clicks: number }> {
  const rows = await e2e.app.rows<{ views: number; clicks: number }>(
    `select coalesce(sum(views), 0)::int as views, coalesce(sum(clicks), 0)::int as clicks
       from analytics.placement_days where placement_id = $1`,
    [id],
  );
  return rows[0] ?? { views: 0, clicks: 0 };
}

async function racesOff(off: boolean): Promise<void> {
  await e2e.app.exec(
    off
      ? `insert into public.feature_flag_overrides (flag_key, org_id, enabled, note)
           values ('race_partnerships', '${organizer}', false, 'e2e: races off for «Белые ночи»')`
      : `delete from public.feature_flag_overrides
          where flag_key = 'race_partnerships' and org_id = '${organizer}'`,
  );
}

async function signInEnglish(page: Page, email: string): Promise<void> {
  await page.goto(`${e2e.app.url}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: 'My organizations' }).waitFor();
}

/** a sponsor's site is not on this machine: its tab gets a blank page */
async function stubSponsors(page: Page): Promise<void> {
  await page
    .context()
    .route(/^https:\/\//, (route) => route.fulfill({ status: 200, body: 'sponsor' }));
}

describe('races', () => {
  test('360 px, Russian: an organizer publishes a race; an athlete buys the seeded race’s plan with the partner code and sees week 1', async () => {
    const newDate = seedDay(60);
    await e2e.asUser('races-organizer-ru', 'race@trackside.test', async (page) => {
      await page
        .getByRole('navigation', { name: 'Управление: Белые ночи' })
        .getByRole('link', { name: 'Забеги' })
        .click();
      await page.getByRole('heading', { name: 'Забеги', level: 1 }).waitFor();
      await page
        .getByTestId('partner-discount')
        .getByText('код NIGHTS15, 15 %', { exact: false })
        .waitFor();
      const seeded = page.locator(`li[data-race="${race}"]`);
      await seeded.getByRole('heading', { name: 'Полумарафон „Белые ночи“' }).waitFor();
      await seeded.getByText('Опубликован').waitFor();
      await seeded.getByText('План к полумарафону „Белые ночи“').waitFor();
      // nobody has bought yet: the figures show no cell of fewer than 5 people
      await seeded.getByTestId('participants').getByText('меньше 5').first().waitFor();

      await page.getByRole('button', { name: 'Новый забег' }).click();
      const form = page.locator('form', { has: page.getByText('Новый забег', { exact: true }) });
      await form.getByLabel('Название').fill('Осенний забег „Белые ночи“');
      await form.getByLabel('Дата забега').fill(newDate);
      await form.getByLabel('Место').fill('Санкт-Петербург, Елагин остров');
      await form.getByLabel('Дистанции, км').fill('5; 10');
      await form.getByLabel('Статус').selectOption('published');
      await form.getByRole('button', { name: 'Сохранить' }).click();
      await page.getByText('Забег «Осенний забег „Белые ночи“» сохранён.').waitFor();
      const [created] = await e2e.app.rows<{ id: string; status: string; distances_m: number[] }>(
        `select id::text, status, distances_m from public.races
          where org_id = $1 and name = 'Осенний забег „Белые ночи“'`,
        [organizer],
      );
      expect(created).toMatchObject({ status: 'published', distances_m: [5000, 10000] });
      const card = page.locator(`li[data-race="${created?.id}"]`);
      await card.getByText('Опубликован').waitFor();

      // the plan: the organizer's product not yet sold for a race, for the 10 km
      await card.getByLabel('План (товар с тренировочным планом)').selectOption(spareProduct);
      await card.getByLabel('Дистанция').selectOption('10000');
      await card.getByRole('button', { name: 'Привязать план' }).click();
      await card.locator('li[data-race-plan]').getByText('План «12 недель к старту»').waitFor();
      await expect
        .poll(async () => flat(await card.locator('li[data-race-plan]').textContent()))
        .toContain('дистанция 10 км · 1 990,00 ₽');

      // a banner: an address that is not https is refused by the form, then one is added
      await card.locator('summary', { hasText: 'Добавить баннер' }).click();
      const banner = card.locator('form', { has: page.getByText('Где показывать') });
      await banner.getByLabel('Партнёр').fill('Спорт-Вода');
      await banner.getByLabel('Картинка 640×90, адрес https://…').fill('http://cdn.example/b.png');
      await banner.getByLabel('Ссылка, https://…').fill('https://sport-voda.example');
      await banner.getByRole('button', { name: 'Добавить баннер' }).click();
      await banner.getByText('Картинка: адрес https://, не длиннее 500 символов.').waitFor();
      await banner
        .getByLabel('Картинка 640×90, адрес https://…')
        .fill('https://cdn.sport-voda.example/banner.png');
      await banner.getByRole('button', { name: 'Добавить баннер' }).click();
      const added = card.locator('li[data-banner]');
      await added.getByText('Спорт-Вода · на странице забега').waitFor();
      await added.getByText('Показы: 0 · Переходы: 0').waitFor();
      expect(
        await e2e.app.rows(
          `select rp.product_id::text, rp.distance_m, pl.slot, pl.sponsor_name
             from public.race_plans rp join public.race_placements pl on pl.race_id = rp.race_id
            where rp.race_id = $1`,
          [created?.id],
        ),
      ).toEqual([
        {
          product_id: spareProduct,
          distance_m: 10000,
          slot: 'race_page',
          sponsor_name: 'Спорт-Вода',
        },
      ]);
      expect(await fitsWidth(page)).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${shots}/races-organizer-ru.png`, fullPage: true });
    });

    // a visitor who is not signed in reads the race and is asked to sign in to buy
    await e2e.page('races-visitor-ru', async (page) => {
      await page.goto(`${e2e.app.url}/races/${race}`);
      await page.getByRole('heading', { name: 'Полумарафон „Белые ночи“', level: 1 }).waitFor();
      const signIn = page.getByRole('link', { name: 'Войти, чтобы купить' });
      expect(await signIn.getAttribute('href')).toBe(
        `/sign-in?return=${encodeURIComponent(`/races/${race}`)}`,
      );
      await page.getByRole('heading', { name: 'Скидка 20 % на беговую обувь' }).waitFor();
      expect(spaces(await page.textContent('body'))).not.toContain('NIGHTS-RUN20');
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${shots}/races-visitor-ru.png`, fullPage: true });
    });

    await e2e.asUser('races-athlete-ru', 'athlete@trackside.test', async (page) => {
      await stubSponsors(page);
      // the home page links to the races (the list still settles as organizations load)
      const link = page
        .getByRole('navigation', { name: 'Мои занятия' })
        .getByRole('link', { name: 'Забеги', exact: true });
      expect(await link.getAttribute('href')).toBe('/races');
      await page.goto(`${e2e.app.url}/races`);
      await page.getByRole('heading', { name: 'Забеги', level: 1 }).waitFor();
      await page
        .locator(`li[data-race="${race}"]`)
        .getByText(/21,097 км/)
        .waitFor();
      await page.screenshot({ path: `${shots}/races-list-ru.png`, fullPage: true });
      const before = await placementCounts(raceBanner);
      await page.getByRole('link', { name: 'Открыть «Полумарафон „Белые ночи“»' }).click();
      await page.getByRole('heading', { name: 'Полумарафон „Белые ночи“', level: 1 }).waitFor();
      await page.getByText('Санкт-Петербург, Дворцовая площадь').waitFor();
      await page.getByText('Белые ночи', { exact: true }).waitFor();
      await page.getByText('10 км · 21,097 км').waitFor();

      // the banner: one view for the page load
      const shown = page.getByTestId('race-banner');
      await shown.waitFor();
      await expect
        .poll(async () => (await placementCounts(raceBanner)).views)
        .toBe(before.views + 1);

      // the plan: the partner's code filled in, the price 15 % off, when the plan starts
      const plan = page.locator('li[data-product]');
      expect(flat(await plan.getByTestId('plan-starts').textContent())).toMatch(
        /^начало плана: \d{1,2} \S+ \d{4}/,
      );
      expect(await page.getByLabel('Промокод').inputValue()).toBe('NIGHTS15');
      expect(flat(await plan.getByTestId('plan-price').textContent())).toMatch(
        /^2 990,00 ₽ ?2 541,50 ₽ со скидкой 15 %$/,
      );
      expect(await fitsWidth(page)).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${shots}/race-page-ru.png`, fullPage: true });

      // a tap on the banner opens the sponsor and is counted
      const popup = page.waitForEvent('popup');
      await shown.click();
      await (await popup).close();
      await expect
        .poll(async () => (await placementCounts(raceBanner)).clicks)
        .toBe(before.clicks + 1);

      // buying: the local test checkout names the discounted amount
      await plan.getByRole('button', { name: 'Купить план' }).click();
      await page.getByRole('heading', { name: 'Тестовая оплата' }).waitFor();
      expect(spaces(await page.textContent('body'))).toContain('2 541,50 ₽');
      await page.getByRole('button', { name: 'Оплатить', exact: true }).click();
      await page.waitForURL(new RegExp(`/races/${race}\\?checkout=success`));

      const mine = page.getByTestId('my-plan');
      await mine.waitFor({ timeout: 40_000 });
      const week1 = mine.locator('li[data-week="1"]');
      expect(await week1.getAttribute('data-state')).toBe('open');
      const week1Text = flat(await week1.textContent());
      expect(week1Text).toContain('Лёгкий бег · 40 мин');
      expect(week1Text).toContain('Длинная пробежка · 10 км');
      const week2 = mine.locator('li[data-week="2"]');
      expect(await week2.getAttribute('data-state')).toBe('locked');
      expect(flat(await week2.textContent())).toMatch(/^Неделя 2 откроется \d{1,2} \S+$/);
      expect(await week2.locator('[data-workout]').count()).toBe(0);
      expect(await mine.locator('[data-workout]').count()).toBe(4);
      expect(await mine.getByTestId('late-start').count()).toBe(0);
      await mine.getByText('NIGHTS-RUN20').waitFor();
      await mine.getByTestId('plan-banner').waitFor();
      expect(
        await e2e.app.rows(
          `select amount_minor, percent_off, status from public.purchases
            where user_id = $1 and product_id = 'ba600000-0000-4000-8000-000000000001'`,
          [athleteUser],
        ),
      ).toEqual([{ amount_minor: 254150, percent_off: 15, status: 'paid' }]);
      expect(await fitsWidth(page)).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${shots}/race-my-plan-ru.png`, fullPage: true });

      // the home page's link now names the participant's races
      await page.goto(`${e2e.app.url}/`);
      await page
        .getByRole('navigation', { name: 'Мои занятия' })
        .getByRole('link', { name: 'Мои забеги' })
        .waitFor({ timeout: 30_000 });
      expect(await page.getByRole('link', { name: 'Мои забеги' }).getAttribute('href')).toBe(
        '/races',
      );
      await page.goto(`${e2e.app.url}/races`);
      await page.getByRole('heading', { name: 'Мои забеги', level: 2 }).waitFor();
      await page.screenshot({ path: `${shots}/races-mine-ru.png`, fullPage: true });
    });

    // with race partnerships off for the organizer, both sides say so
    await racesOff(true);
    try {
      await e2e.page('races-off-visitor-ru', async (page) => {
        await page.goto(`${e2e.app.url}/races/${race}`);
        await page
          .getByTestId('races-off')
          .getByText('Забеги этого организатора сейчас отключены на платформе.', { exact: false })
          .waitFor();
        expect(await page.locator('li[data-product]').count()).toBe(0);
        await page.screenshot({ path: `${shots}/race-off-ru.png`, fullPage: true });
      });
      await e2e.asUser('races-off-organizer-ru', 'race@trackside.test', async (page) => {
        await page.goto(`${e2e.app.url}/org/${organizer}/races`);
        await page
          .getByTestId('races-off')
          .getByText('Белые ночи: забеги сейчас отключены на платформе.', { exact: false })
          .waitFor();
        expect(await page.locator('li[data-race]').count()).toBe(0);
        expect(await seriousViolations(page)).toEqual([]);
      });
    } finally {
      await racesOff(false);
    }
  });

  test('360 px, English: the organizer’s figures hide a cell under 5; the participant’s plan', async () => {
    await e2e.page(
      'races-organizer-en',
      async (page) => {
        await signInEnglish(page, 'race@trackside.test');
        await page
          .getByRole('navigation', { name: 'Manage: Белые ночи' })
          .getByRole('link', { name: 'Races' })
          .click();
        await page.getByRole('heading', { name: 'Races', level: 1 }).waitFor();
        await page
          .getByTestId('partner-discount')
          .getByText('code NIGHTS15, 15%', { exact: false })
          .waitFor();
        const seeded = page.locator(`li[data-race="${race}"]`);
        // one participant bought the plan (the Russian test): their distance and the total are hidden
        const table = seeded.getByTestId('participants');
        await table.waitFor();
        await table.getByRole('rowheader', { name: '21.097 km' }).waitFor();
        expect(await table.getByText('fewer than 5').count()).toBe(4);
        expect(spaces(await table.textContent())).not.toMatch(/Total\s*1/);
        await seeded.getByText(/Views: [1-9]\d* · Clicks: [1-9]/).waitFor();
        expect(await fitsWidth(page)).toBe(true);
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: `${shots}/races-organizer-en.png`, fullPage: true });
      },
      { locale: 'en-US' },
    );

    await e2e.page(
      'races-athlete-en',
      async (page) => {
        await signInEnglish(page, 'athlete@trackside.test');
        await page.goto(`${e2e.app.url}/races/${race}`);
        await page.getByRole('heading', { name: 'Полумарафон „Белые ночи“', level: 1 }).waitFor();
        const mine = page.getByTestId('my-plan');
        await mine.getByRole('heading', { name: 'My plan for the race' }).waitFor();
        await mine.locator('li[data-week="1"]').getByText('Week 1').waitFor();
        expect(flat(await mine.locator('li[data-week="2"]').textContent())).toMatch(
          /^Week 2 opens (\d{1,2} \S+|\S+ \d{1,2})$/,
        );
        expect(
          flat(await page.locator('li[data-product]').getByTestId('plan-starts').textContent()),
        ).toMatch(/^plan starts: \S+ \S+,? \d{4}$/);
        await mine.getByText('NIGHTS-RUN20').waitFor();
        expect(await fitsWidth(page)).toBe(true);
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: `${shots}/race-page-en.png`, fullPage: true });
      },
      { locale: 'en-US' },
    );
  });
});
