// The browser and seeded local stack one end-to-end test file shares: started
// before its first test, stopped after its last.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium.ts';
import { startLocalApp, type LocalApp } from './local-app.ts';
import { signInAt, withPage } from './page-helpers.ts';

export interface E2eStack {
  /** the served PWA and its database (available once the file's tests run) */
  readonly app: LocalApp;
  readonly browser: Browser;
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
  const stack: E2eStack = {
    get app() {
      if (!app) throw new Error('the e2e stack starts in beforeAll: use it inside a test');
      return app;
    },
    get browser() {
      if (!browser) throw new Error('the e2e stack starts in beforeAll: use it inside a test');
      return browser;
    },
    asUser: (name, email, fn) =>
      withPage(stack.browser, name, async (page) => {
        await signInAt(page, stack.app.url, email);
        await fn(page);
      }),
  };
  return stack;
}
