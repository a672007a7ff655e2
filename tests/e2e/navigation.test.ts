/**
 * The shell's tab bar at 360 px against the seeded local stack: for a coach, an
 * athlete and a club admin, every main place is one tap from a deep page, the
 * current tab is marked, and the bar keeps working offline. Also the roster's
 * word to an athlete (it is for coaches) and the season page's warning when the
 * season to start is not due. Screenshots in Russian and English.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useE2eStack } from './e2e-stack.ts';
import { demoPassword, fitsWidth, seriousViolations } from './page-helpers.ts';
import { beginners, seededSeason, shiftSeason } from './seed-facts.ts';

const start = 'd1000000-0000-4000-8000-000000000001';
/** Смирнова Анна, of «Начинающие» */
const anna = 'd4000000-0000-4000-8000-000000000002';

const e2e = useE2eStack();

const tabBar = (page: Page) => page.getByRole('navigation', { name: 'Главные разделы' });

/** the path of the page now shown */
const pathOf = (page: Page) => new URL(page.url()).pathname;

/** the tab the bar marks as the current page, by its label */
async function currentTab(page: Page): Promise<string | null> {
  const current = tabBar(page).locator('a[aria-current="page"]');
  return (await current.count()) === 1 ? current.innerText() : null;
}

interface Tab {
  label: string;
  path: string;
}

/**
 * From `deep`, the bar shows `tabs`, and each of `tapped` (all of them unless
 * given) opens its place in one tap and is then marked current; the browser's
 * back button returns to `deep` for the next tab.
 */
async function everyTabInOneTap(
  page: Page,
  deep: string,
  tabs: readonly Tab[],
  tapped: readonly Tab[] = tabs,
): Promise<void> {
  await page.goto(`${e2e.app.url}${deep}`);
  // right after sign-in the role may still be on its way from the first sync, which
  // on a loaded machine takes longer than expect.poll's default second
  await expect
    .poll(async () => (await tabBar(page).getByRole('link').allInnerTexts()).map((t) => t.trim()), {
      timeout: 20_000,
    })
    .toEqual(tabs.map((t) => t.label));
  for (const tab of tapped) {
    expect(pathOf(page)).toBe(deep);
    await tabBar(page).getByRole('link', { name: tab.label, exact: true }).click();
    await expect.poll(() => pathOf(page)).toBe(tab.path);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await expect.poll(() => currentTab(page)).toBe(tab.label);
    await page.goBack();
  }
}

describe('tab bar', () => {
  test('a coach reaches Сегодня, Спортсмены, Календарь and Ещё in one tap, online and offline', async () => {
    await e2e.asUser('nav-coach', 'coach@trackside.test', async (page) => {
      const tabs = [
        { label: 'Сегодня', path: '/today' },
        { label: 'Спортсмены', path: '/roster' },
        { label: 'Календарь', path: '/calendar' },
        { label: 'Ещё', path: '/' },
      ];
      await everyTabInOneTap(page, `/roster/${anna}`, tabs);
      // a page under a tab marks that tab; a page reached through home marks «Ещё»
      await expect.poll(() => currentTab(page)).toBe('Спортсмены');
      expect(await seriousViolations(page)).toEqual([]);
      expect(await fitsWidth(page)).toBe(true);
      await page.screenshot({ path: '/tmp/shots/shell-coach-athlete-ru.png' });

      // the app bar stays on screen, with its sync chip, however far the page scrolls
      await page.goto(`${e2e.app.url}/today`);
      // the day's sessions drawn, so the page is long enough to scroll
      await page.locator('today-page .marks').first().waitFor();
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
      const bar = await page.locator('ts-app-bar').boundingBox();
      expect(bar?.y).toBe(0);
      expect(await page.locator('ts-sync-status').isVisible()).toBe(true);
      await page.screenshot({ path: '/tmp/shots/shell-today-scrolled-ru.png' });

      // «Пробное» and a pressed «✓ Не был» stay on one line, whole, at 360 px (pressed
      // by hand: whether a session can be marked yet depends on the hour)
      const marks = page.locator('today-page .marks').first();
      await marks
        .getByRole('button', { name: 'Не был' })
        .evaluate((b) => b.setAttribute('aria-pressed', 'true'));
      for (const button of await marks.getByRole('button').all()) {
        const fits = await button.evaluate(
          (b) => b.scrollWidth <= b.clientWidth && b.clientHeight < 60,
        );
        expect(fits, await button.innerText()).toBe(true);
      }
      await marks.scrollIntoViewIfNeeded();
      await page.screenshot({ path: '/tmp/shots/shell-today-marked-ru.png' });

      await page.goto(`${e2e.app.url}/season`);
      await page.getByRole('heading', { name: 'Новый сезон', level: 1 }).waitFor();
      await expect.poll(() => currentTab(page)).toBe('Ещё');

      // offline, from a cold start: the bar is there and every tab still opens
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      await page.context().setOffline(true);
      await everyTabInOneTap(page, `/roster/${anna}`, tabs);
      await page.context().setOffline(false);
    });
  }, 180_000);

  test('an athlete reaches their schedule, booking and bookings in one tap', async () => {
    await e2e.asUser('nav-athlete', 'athlete@trackside.test', async (page) => {
      const tabs = [
        { label: 'Расписание', path: '/me' },
        { label: 'Записаться', path: '/book' },
        { label: 'Записи', path: '/bookings' },
        { label: 'Ещё', path: '/' },
      ];
      await everyTabInOneTap(page, '/settings/email', tabs);
      await expect.poll(() => currentTab(page)).toBe('Ещё');
      expect(await seriousViolations(page)).toEqual([]);
      expect(await fitsWidth(page)).toBe(true);

      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      await page.context().setOffline(true);
      await everyTabInOneTap(page, '/settings/email', tabs, tabs.slice(0, 2));
      await page.context().setOffline(false);
    });
  }, 180_000);

  test("an admin reaches the day, the athletes and the club's pages in one tap", async () => {
    await e2e.asUser('nav-admin', 'admin@trackside.test', async (page) => {
      const tabs = [
        { label: 'Сегодня', path: '/today' },
        { label: 'Спортсмены', path: '/roster' },
        { label: 'Клуб', path: `/org/${start}/members` },
        { label: 'Ещё', path: '/' },
      ];
      const group = `/groups/${beginners}`;
      await everyTabInOneTap(page, group, tabs);
      // the club's group page belongs to «Клуб»
      await expect.poll(() => currentTab(page)).toBe('Клуб');
      expect(await seriousViolations(page)).toEqual([]);
      expect(await fitsWidth(page)).toBe(true);
      await page.screenshot({ path: '/tmp/shots/shell-admin-group-ru.png' });

      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      await page.context().setOffline(true);
      await everyTabInOneTap(page, `/org/${start}/groups`, tabs, tabs.slice(0, 2));
      await page.context().setOffline(false);
    });
  }, 180_000);

  test('in English the tabs speak English', async () => {
    await e2e.page(
      'nav-english',
      async (page) => {
        await page.goto(`${e2e.app.url}/sign-in`);
        await page.getByLabel('Email').fill('coach@trackside.test');
        await page.getByLabel('Password', { exact: true }).fill(demoPassword);
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await page.getByRole('heading', { name: 'My organizations' }).waitFor();
        const bar = page.getByRole('navigation', { name: 'Main sections' });
        await bar.getByRole('link', { name: 'Athletes', exact: true }).click();
        await expect.poll(() => pathOf(page)).toBe('/roster');
        expect(await bar.getByRole('link').allInnerTexts()).toEqual([
          'Today',
          'Athletes',
          'Calendar',
          'More',
        ]);
        await page.getByText('Showing').first().waitFor();
        await page.screenshot({ path: '/tmp/shots/shell-roster-en.png' });
        await bar.getByRole('link', { name: 'Today', exact: true }).click();
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.screenshot({ path: '/tmp/shots/shell-today-en.png' });
      },
      { locale: 'en-US' },
    );
  }, 120_000);
});

describe('coach pages for an athlete', () => {
  test('the roster tells a member with the athlete role that it is for coaches', async () => {
    await e2e.asUser('nav-athlete-roster', 'athlete@trackside.test', async (page) => {
      await page.goto(`${e2e.app.url}/roster`);
      await page.getByText('Эта страница — для тренеров.').waitFor();
      expect(await page.getByRole('link', { name: 'Добавить спортсмена' }).count()).toBe(0);
      expect(await page.getByText('Показано:').count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: '/tmp/shots/shell-athlete-roster-ru.png' });
    });
  }, 120_000);
});

describe('season rollover out of turn', () => {
  test('a season not yet due is warned about and needs its own explicit yes', async () => {
    await e2e.asUser('nav-season', 'coach@trackside.test', async (page) => {
      const current = await seededSeason(e2e.app);
      // two seasons ahead is never due, whatever the month the seed ran in
      const early = shiftSeason(current, 2);
      await page.goto(`${e2e.app.url}/season`);
      const season = page.getByLabel('Новый сезон', { exact: true });
      await season.fill(early);
      const warning = page.getByText(`сезон ${early} начнётся только`);
      await warning.waitFor();
      await page.getByLabel('Понимаю: разряды текущего сезона уйдут в историю').check();
      await page.getByRole('button', { name: `Начать сезон ${early}` }).click();
      await page.getByText(`Подтвердите, что хотите начать сезон ${early} сейчас`).waitFor();
      await page.screenshot({ path: '/tmp/shots/shell-season-early-ru.png', fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);

      // the season running now is due: no warning, no second question
      await season.fill(current);
      await expect.poll(() => warning.count()).toBe(0);
      expect(await page.getByText('не в свой срок').count()).toBe(0);

      // a finished season is asked about too
      await season.fill(shiftSeason(current, -1));
      await page.getByText(`Сезон ${shiftSeason(current, -1)} уже закончился`).waitFor();
      // nothing ran: the groups are still in the season the seed made
      expect(await seededSeason(e2e.app)).toBe(current);
    });
  }, 120_000);
});
