// The browser and seeded local stack one end-to-end test file shares: started
// before its first test, stopped after its last. Every browser context it opens
// runs on the seed's clock: Date in the page reads the instant supabase/seed.sql
// ran at (app.seededAt), so the page's "today", "upcoming" and "this season" are
// the ones the seed made, whatever the wall clock did since (midnight, a Sunday).
// The server's own now() keeps running: a test that needs it (booking notice)
// asks the database.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium.ts';
import { startLocalApp, type LocalApp } from './local-app.ts';
import { pinClock, signInAt, withPage, type PageOptions } from './page-helpers.ts';

export interface E2eStack {
  /** the served PWA and its database (available once the file's tests run) */
  readonly app: LocalApp;
  /** the instant (epoch ms) every page's clock shows: the seed's */
  readonly now: number;
  /** a fresh phone-sized profile on the seed's clock (see withPage) */
  page(
    name: string,
    fn: (page: Page, context: BrowserContext) => Promise<void>,
    options?: Omit<PageOptions, 'now'>,
  ): Promise<void>;
  /** a bare context on the seed's clock, for a test that manages its own; close it */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** signed in as a demo user on a fresh phone-sized profile */
  asUser(name: string, email: string, fn: (page: Page) => Promise<void>): Promise<void>;
}

/** registers the file's beforeAll/afterAll; call it once at the top of a test file */
export function useE2eStack(): E2eStack {
  let app: LocalApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    app = await startLocalApp();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  const started = (): { app: LocalApp; browser: Browser } => {
    if (!app || !browser)
      throw new Error('the e2e stack starts in beforeAll: use it inside a test');
    return { app, browser };
  };
  const stack: E2eStack = {
    get app() {
      return started().app;
    },
    get now() {
      return started().app.seededAt;
    },
    page: (name, fn, options = {}) =>
      withPage(started().browser, name, fn, { ...options, now: stack.now }),
    async newContext(options) {
      const context = await started().browser.newContext(options);
      await pinClock(context, stack.now);
      return context;
    },
    asUser: (name, email, fn) =>
      stack.page(name, async (page) => {
        await signInAt(page, stack.app.url, email);
        await fn(page);
      }),
  };
  return stack;
}
