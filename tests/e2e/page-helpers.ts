// What every end-to-end test does with a page: a fresh phone-sized profile that
// leaves a screenshot where it stopped, signing in as a demo user, the axe check
// and the app bar's sync status.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { repoRoot } from '../../supabase/local/paths.ts';

/** screenshots a test takes (and failures leave) go here, git-ignored */
export const shots = join(repoRoot, 'test-results');
/** the narrowest phone Trackside supports */
export const phone = { width: 360, height: 740 };
/** every demo login's password (supabase/seed.sql) */
export const demoPassword = 'trackside-demo';

export interface PageOptions {
  /** the browser's language; Russian unless a test says otherwise */
  locale?: string;
  viewport?: { width: number; height: number };
  /**
   * the instant (epoch ms) the page's Date.now() and new Date() return, fixed for
   * the whole test (Playwright's clock; timers still run); e2e-stack.ts passes the
   * seed's, so "today" on every page is the day the seed made
   */
  now?: number;
}

/** a context's clock fixed at `now`: Date reads it, timers run in real time */
export async function pinClock(context: BrowserContext, now: number | undefined): Promise<void> {
  if (now !== undefined) await context.clock.setFixedTime(now);
}

/** a fresh browser profile at phone size; on failure, a screenshot of where it stopped */
export async function withPage(
  browser: Browser,
  name: string,
  fn: (page: Page, context: BrowserContext) => Promise<void>,
  options: PageOptions = {},
): Promise<void> {
  mkdirSync(shots, { recursive: true });
  const context = await browser.newContext({
    viewport: options.viewport ?? phone,
    locale: options.locale ?? 'ru-RU',
  });
  // a stuck step fails on its own (with a screenshot) well before the test's timeout
  context.setDefaultTimeout(20_000);
  await pinClock(context, options.now);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('[page]', error.message));
  try {
    await fn(page, context);
  } catch (error) {
    await page
      .screenshot({ path: join(shots, `failed-${name}.png`), fullPage: true })
      .catch(() => {});
    throw error;
  } finally {
    await context.close();
  }
}

/** fills the Russian sign-in form the page shows and submits it */
export async function signIn(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Пароль', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
}

/** opens the app, signs in and waits for the home page */
export async function signInAt(page: Page, appUrl: string, email: string): Promise<void> {
  await page.goto(`${appUrl}/sign-in`);
  await signIn(page, email);
  await page.getByRole('heading', { name: 'Мои организации' }).waitFor();
}

/** nothing sticks out sideways at the phone's width */
export async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/** serious and critical axe violations, as readable lines */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** the app bar's sync status, as screen readers hear it */
export function syncStatus(page: Page): Promise<string | null> {
  return page.locator('ts-sync-status [role=status]').textContent();
}
