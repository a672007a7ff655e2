/**
 * Issue 13: the app `npm start` serves talks to the stack it was started with,
 * whatever the ports. The PWA is built as `npm start` builds it (no VITE_*
 * set, so the build only knows the default 127.0.0.1:54321), then served with
 * the stack exactly as `npm start` runs them, on two other ports and a new data
 * folder, nothing else set. The demo coach signs in and the roster loads; no
 * request goes to the default port.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ServedApp, startServedApp } from '../../supabase/local/served-app.ts';
import { buildApp } from './build-app.ts';
import { launchChromium } from './chromium.ts';
import { signIn, withPage } from './page-helpers.ts';

const root = mkdtempSync(join(tmpdir(), 'trackside-ports-'));
const outDir = join(root, 'dist');
let browser: Browser | undefined;
let served: ServedApp | undefined;

/** a port free right now, not one of the defaults (54321, 4173) */
async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  browser = await launchChromium();
  await buildApp(outDir, null);
  const apiPort = await freePort();
  let appPort = await freePort();
  while (appPort === apiPort) appPort = await freePort();
  // `API_PORT=… APP_PORT=… npm start`, on a data folder of its own
  served = await startServedApp(
    { API_PORT: String(apiPort), APP_PORT: String(appPort), DATA_DIR: join(root, 'pglite') },
    outDir,
  );
});
afterAll(async () => {
  await browser?.close();
  await served?.stop();
  rmSync(root, { recursive: true, force: true });
});

const started = () => {
  if (!browser || !served) throw new Error('the stack starts in beforeAll');
  return { browser, served };
};

describe('the app on other ports', () => {
  test('was built for the default API only', () => {
    const { served } = started();
    const assets = join(outDir, 'assets');
    const js = readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(assets, f), 'utf8'))
      .join('\n');
    expect(js).toContain('127.0.0.1:54321');
    expect(js).not.toContain(served.stack.apiUrl);
    expect(served.config.apiPort).not.toBe(54321);
    expect(served.config.appPort).not.toBe(4173);
  });

  test('signs the demo coach in against its own stack and loads the roster', async () => {
    const { browser, served } = started();
    await withPage(browser, 'other-ports-roster', async (page) => {
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(`${served.appUrl}/sign-in`);
      await page.getByRole('heading', { name: 'Вход' }).waitFor();
      await signIn(page, 'coach@trackside.test');
      await page.getByRole('heading', { name: 'Мои организации' }).waitFor();
      await page.getByRole('link', { name: 'Спортсмены моих групп' }).click();
      await page.getByRole('heading', { name: 'Спортсмены' }).waitFor();
      const list = page.getByRole('list', { name: 'Спортсмены' });
      await list.getByText('Смирнова Анна').waitFor();
      expect(await page.getByText('Нет связи с сервером').count()).toBe(0);

      const api = served.stack.apiUrl;
      expect(requests.filter((url) => url.startsWith(`${api}/auth/v1/`)).length).toBeGreaterThan(0);
      expect(requests.filter((url) => url.startsWith(`${api}/rest/v1/`)).length).toBeGreaterThan(0);
      expect(requests.filter((url) => url.includes(':54321'))).toEqual([]);
      // remembered for a start without network
      const remembered = await page.evaluate(() =>
        localStorage.getItem('trackside.runtime-config'),
      );
      expect(JSON.parse(remembered ?? 'null')).toMatchObject({ supabaseUrl: api });
    });
  });

  test('starts offline with the API it last heard of, and syncs with it once online', async () => {
    const { browser, served } = started();
    const api = served.stack.apiUrl;
    await withPage(browser, 'other-ports-offline', async (page, context) => {
      await page.goto(`${served.appUrl}/sign-in`);
      await signIn(page, 'coach@trackside.test');
      await page.getByRole('link', { name: 'Спортсмены моих групп' }).click();
      const list = page.getByRole('list', { name: 'Спортсмены' });
      await list.getByText('Смирнова Анна').waitFor();
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));

      // a cold start with no network: the client is made while the server cannot be asked
      await context.setOffline(true);
      const unanswered = page.waitForEvent('requestfailed', {
        predicate: (request) => request.url().endsWith('/runtime-config.json'),
      });
      await page.reload();
      await list.getByText('Смирнова Анна').waitFor();
      await unanswered;

      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await context.setOffline(false);
      await expect
        .poll(() => requests.filter((url) => url.startsWith(`${api}/rest/v1/`)).length, {
          timeout: 20_000,
        })
        .toBeGreaterThan(0);
      expect(requests.filter((url) => url.includes(':54321'))).toEqual([]);
    });
  });
});
