import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiRequest } from './http-types.ts';
import { createStaticHandler } from './static-server.ts';

let dir: string;
let root: string;
let serve: ReturnType<typeof createStaticHandler>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trackside-static-'));
  root = join(dir, 'dist');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(root, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  await writeFile(join(root, 'manifest.webmanifest'), '{}');
  await writeFile(join(root, 'assets', 'index-abc123.js'), 'export {};');
  // a file beside the served folder that must stay unreachable
  await writeFile(join(dir, 'secret-outside.txt'), 'nope');
  serve = createStaticHandler(root);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const get = (path: string, method = 'GET'): ApiRequest => ({
  method,
  url: new URL(path, 'http://127.0.0.1:4173'),
  headers: {},
  body: Buffer.alloc(0),
});

describe('static server', () => {
  it('serves files with their content type', async () => {
    const js = await serve(get('/assets/index-abc123.js'));
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const manifest = await serve(get('/manifest.webmanifest'));
    expect(manifest.headers['content-type']).toBe('application/manifest+json; charset=utf-8');
  });

  it('never lets index.html or sw.js be cached without revalidation', async () => {
    expect((await serve(get('/'))).headers['cache-control']).toBe('no-cache');
    const sw = await serve(get('/sw.js'));
    expect(sw.headers['cache-control']).toBe('no-cache');
    expect(sw.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('falls back to index.html for client-side routes only', async () => {
    const route = await serve(get('/roster/group-1'));
    expect(route.status).toBe(200);
    expect(String(route.body)).toContain('<title>app</title>');
    expect(route.headers['content-type']).toBe('text/html; charset=utf-8');
    expect((await serve(get('/assets/missing.js'))).status).toBe(404);
  });

  it('stays inside its folder', async () => {
    expect((await serve(get('/../secret-outside.txt'))).status).toBe(404);
    expect((await serve(get('/%2e%2e/secret-outside.txt'))).status).toBe(404);
    expect((await serve(get('/..%2fsecret-outside.txt'))).status).toBe(404);
  });

  it('allows only GET and HEAD', async () => {
    expect((await serve(get('/', 'POST'))).status).toBe(405);
    expect((await serve(get('/', 'HEAD'))).status).toBe(200);
  });
});
