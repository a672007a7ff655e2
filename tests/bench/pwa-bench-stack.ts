// The stack the pwa benches run in: the seeded demo club with the demo coach's
// group topped up to 200 current athletes, the gateway on a free port, the real
// PWA built against it (with Vite's build manifest) and a bare Lit page built
// with the same service worker, each served by the local static server on its
// own origin, and one headless Chromium launched with a DevTools port — so
// Playwright signs the coach in and Lighthouse then audits the same profile.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { build } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { repoRoot } from '../../supabase/local/paths.ts';
import { createServer, type Gateway } from '../../supabase/local/server.ts';
import { buildApp } from '../e2e/build-app.ts';
import { closeServer, staticServer } from './sync-bench-stack.ts';

/** the roster the benches open: the demo coach's, 200 athletes */
export const rosterSize = 200;
export const benchCoach = { email: 'coach@trackside.test', password: 'trackside-demo' };
const coachId = 'd0000000-0000-4000-8000-000000000002';
/** «Начинающие», the demo coach's group */
const coachGroupId = 'd2000000-0000-4000-8000-000000000001';

export interface PwaBenchStack {
  /** the served PWA, and the folder it was built into (with `.vite/manifest.json`) */
  appUrl: string;
  appDir: string;
  /** the served bare Lit page, and its build folder (with `.vite/manifest.json`) */
  litUrl: string;
  litDir: string;
  /** Chromium's DevTools port (Lighthouse connects to it) */
  port: number;
  browser: Browser;
  /** the browser's default profile: the one Lighthouse audits */
  context: BrowserContext;
  stop(): Promise<void>;
}

/** tops the coach's roster up to `rosterSize` current athletes, with varied schedules and ranks */
async function populate(db: Database): Promise<void> {
  await db.query(
    `insert into public.athletes (org_id, group_id, name, season, status, schedule, rank_start, rank_end)
     select g.org_id, g.id, 'Бенчмарков ' || lpad(n::text, 3, '0'), '2026-2027', 'active',
            (array['Пн 18:00, Ср 18:00', 'Самозапись', null, 'Вт 17:00, Чт 17:00, Сб 11:00'])[1 + n % 4],
            (array['Без разряда', 'III юношеский разряд', 'I взрослый разряд', null])[1 + n % 4],
            (array[null, 'II юношеский разряд', null, 'КМС'])[1 + n % 4]
       from public.training_groups g,
            generate_series(1, $2::int - (select count(*)::int from public.athletes
                                           where group_id = $1 and status <> 'archived'
                                             and deleted_at is null)) n
      where g.id = $1`,
    [coachGroupId, rosterSize],
  );
  // what the coach's roster shows by default: current athletes of the groups they
  // lead in the club it opens on (the demo coach also coaches in a second club)
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from public.athletes a
       join public.training_group_coaches c on c.group_id = a.group_id
      where c.user_id = $1 and a.status <> 'archived' and a.deleted_at is null
        and a.org_id = (select org_id from public.training_groups where id = $2)`,
    [coachId, coachGroupId],
  );
  if (rows[0]?.n !== rosterSize) {
    throw new Error(`the coach's roster has ${rows[0]?.n} athletes, not ${rosterSize}`);
  }
}

async function buildLitPage(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: join(repoRoot, 'tests', 'bench', 'browser', 'lit-page'),
    logLevel: 'warn',
    mode: 'production',
    build: { outDir, emptyOutDir: true, target: 'es2022', manifest: true },
    plugins: [
      // the app's own service worker, so the baseline also opens offline from the precache
      VitePWA({
        strategies: 'injectManifest',
        srcDir: join(repoRoot, 'src'),
        filename: 'sw.ts',
        injectRegister: false,
        manifest: false,
        injectManifest: { rollupFormat: 'iife', globPatterns: ['**/*.{js,css,html}'] },
      }),
    ],
  });
}

/** headless Chromium with a DevTools port of its choosing, in a throwaway profile */
export function launchWithPort(profileDir: string): Promise<{ child: ChildProcess; port: number }> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const child = spawn(
    executablePath,
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--no-default-browser-check',
      // the demo club's coach reads Russian: the app follows the browser's language
      '--lang=ru-RU',
      '--accept-lang=ru-RU,ru',
      `--user-data-dir=${profileDir}`,
      '--remote-debugging-port=0',
      'about:blank',
    ],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, LANGUAGE: 'ru_RU', LANG: 'ru_RU.UTF-8' },
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`Chromium printed no DevTools port:\n${output}`));
    }, 60_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        // keep draining stderr so the browser never blocks on a full pipe
        child.stderr?.removeAllListeners('data');
        child.stderr?.resume();
        resolve({ child, port: Number(match[1]) });
      }
    });
  });
}

export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
  });
}

export async function startPwaBenchStack(
  options: {
    /** more rows a bench needs, written as the database owner before the app is built */
    seed?: (db: Database) => Promise<void>;
  } = {},
): Promise<PwaBenchStack> {
  const appDir = mkdtempSync(join(tmpdir(), 'trackside-pwa-bench-'));
  const litDir = mkdtempSync(join(tmpdir(), 'trackside-lit-bench-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'trackside-bench-profile-'));
  const db = await createTestDatabase({ seed: true });
  const app = staticServer(appDir);
  const lit = staticServer(litDir);
  let gateway: Gateway | undefined;
  let chrome: ChildProcess | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close().catch(() => undefined);
    if (chrome) {
      chrome.kill('SIGTERM');
      await exited(chrome);
    }
    await Promise.allSettled([closeServer(app.server), closeServer(lit.server), gateway?.close()]);
    await db.close();
    for (const dir of [appDir, litDir, profileDir]) rmSync(dir, { recursive: true, force: true });
  };
  try {
    await populate(db);
    await options.seed?.(db);
    const appUrl = await app.listen();
    const litUrl = await lit.listen();
    gateway = createServer({ db, corsOrigins: [appUrl] });
    const apiUrl = await gateway.listen(0);
    await buildApp(appDir, { url: apiUrl, anonKey: gateway.anonKey }, { manifest: true });
    await buildLitPage(litDir);
    const launched = await launchWithPort(profileDir);
    chrome = launched.child;
    browser = await chromium.connectOverCDP(`http://127.0.0.1:${launched.port}`);
    const context = browser.contexts()[0];
    if (!context) throw new Error('Chromium has no default profile');
    return { appUrl, appDir, litUrl, litDir, port: launched.port, browser, context, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
