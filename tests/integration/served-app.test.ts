// What `npm start` serves, on ports nobody configured anything else for: the app
// tells the browser where the API is (/runtime-config.json), the API answers
// CORS for the app's origin as actually bound, and checkout's return pages name
// it too. APP_PORT=0 and API_PORT=0 pick free ports and everything follows them.
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServedApp, startServedApp } from '../../supabase/local/served-app.ts';

let root: string;
let served: ServedApp | undefined;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'trackside-served-'));
  const dist = join(root, 'dist');
  await mkdir(dist);
  await writeFile(join(dist, 'index.html'), '<!doctype html><title>app</title>');
  // only the ports and a data folder: no VITE_*, no CORS_ORIGINS, no SITE_URL
  served = await startServedApp(
    { API_PORT: '0', APP_PORT: '0', DATA_DIR: join(root, 'pglite') },
    dist,
  );
});
afterAll(async () => {
  await served?.stop();
  await rm(root, { recursive: true, force: true });
});

const app = (): ServedApp => {
  if (!served) throw new Error('the app starts in beforeAll');
  return served;
};

describe('the app npm start serves, on free ports', () => {
  it('tells the browser the API it was started with', async () => {
    const { appUrl, stack, config } = app();
    expect(config.appPort).not.toBe(0);
    expect(config.apiPort).not.toBe(0);
    expect(appUrl).toBe(`http://127.0.0.1:${config.appPort}`);
    const res = await fetch(`${appUrl}/runtime-config.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({
      supabaseUrl: stack.apiUrl,
      supabaseAnonKey: stack.gateway.anonKey,
    });
    expect(stack.apiUrl).toBe(`http://127.0.0.1:${config.apiPort}`);
    // the app itself is still served (and its client routes)
    const page = await fetch(`${appUrl}/roster`);
    expect(await page.text()).toContain('<title>app</title>');
  });

  it("takes the pages' events at /api/analytics/events and serves their tracker", async () => {
    const { appUrl, config } = app();
    const event = () => ({
      id: randomUUID(),
      name: 'slot_selected',
      page: 'volkov',
      path: '/volkov/book',
      at: new Date().toISOString(),
    });
    // the page's own origin, under either loopback name
    for (const origin of [appUrl, `http://localhost:${config.appPort}`]) {
      const res = await fetch(`${appUrl}/api/analytics/events`, {
        method: 'POST',
        headers: {
          'content-type': 'text/plain',
          origin,
          'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0 Safari/537.36',
        },
        body: JSON.stringify([event()]),
      });
      expect(res.status).toBe(202);
      expect(await res.json()).toEqual({ accepted: 1, duplicates: 0, refused: [] });
    }
    const script = await fetch(`${appUrl}/api/analytics/tracker.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toContain('/api/analytics/events');
  });

  it('has the API answer CORS for the app’s origin as bound, and checkout return there', async () => {
    const { appUrl, stack, config } = app();
    const preflight = await fetch(`${stack.apiUrl}/rest/v1/athletes`, {
      method: 'OPTIONS',
      headers: { origin: appUrl, 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(appUrl);
    expect(config.siteUrl).toBe(appUrl);
    expect(config.corsOrigins).toContain(`http://localhost:${config.appPort}`);
  });
});
