import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { createServer } from '../../supabase/local/server.ts';
import { buildApp } from './build-app.ts';

export interface LocalApp {
  /** the served PWA, e.g. http://127.0.0.1:41234 */
  url: string;
  /** the API the PWA was built against */
  apiUrl: string;
  /** a user's current organizations, straight from the database */
  organizationsOf(email: string): Promise<{ name: string; role: string }[]>;
  stop(): Promise<void>;
}

/**
 * The whole stack on free ports: a fresh seeded database, the gateway, and the
 * PWA built against that gateway and served with an index.html fallback.
 */
export async function startLocalApp(): Promise<LocalApp> {
  const outDir = mkdtempSync(join(tmpdir(), 'trackside-e2e-'));
  const db = await createTestDatabase({ seed: true });
  const app = serveStatic(outDir);
  const appUrl = await app.listen();
  const gateway = createServer({ db, corsOrigins: [appUrl] });
  try {
    const apiUrl = await gateway.listen(0);
    await buildApp(outDir, { url: apiUrl, anonKey: gateway.anonKey });
    return {
      url: appUrl,
      apiUrl,
      async organizationsOf(email) {
        const { rows } = await db.query<{ name: string; role: string }>(
          `select o.name, m.role
             from public.memberships m
             join public.organizations o on o.id = m.org_id
             join auth.users u on u.id = m.user_id
            where u.email = $1 and m.left_at is null
            order by o.name`,
          [email],
        );
        return rows;
      },
      async stop() {
        await Promise.allSettled([app.close(), gateway.close()]);
        await db.close();
        rmSync(outDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await Promise.allSettled([app.close(), gateway.close()]);
    await db.close();
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
}

// TODO(#app-shell): use supabase/local/static-server.ts once it lands; this is the
// minimum the test needs: files from `root`, index.html for every other path.
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

function serveStatic(root: string): { listen(): Promise<string>; close(): Promise<void> } {
  const server = http.createServer((req, res) => {
    void (async () => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
      let file = join(root, path);
      const found = await stat(file).catch(() => null);
      if (!found?.isFile()) file = join(root, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      res.end(body);
    })().catch(() => {
      res.writeHead(500).end();
    });
  });
  return {
    listen: () =>
      new Promise((resolve) => {
        server.listen(0, '127.0.0.1', () => {
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
