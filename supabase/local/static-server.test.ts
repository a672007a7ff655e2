import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiRequest } from './http-types.ts';
import { createStaticHandler, pickEncoding } from './static-server.ts';

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
  await writeFile(join(root, 'assets', 'big-abc123.js'), bigScript);
  await writeFile(join(root, 'icon.png'), Buffer.alloc(4096, 7));
  // a file beside the served folder that must stay unreachable
  await writeFile(join(dir, 'secret-outside.txt'), 'nope');
  serve = createStaticHandler(root);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const bigScript = `export const rows = [${Array.from({ length: 400 }, (_, i) => `'row ${i}'`).join(', ')}];`;

const get = (path: string, method = 'GET', headers: Record<string, string> = {}): ApiRequest => ({
  method,
  url: new URL(path, 'http://127.0.0.1:4173'),
  headers,
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

  it('compresses text with brotli or gzip as accepted, and says it varies', async () => {
    const br = await serve(get('/assets/big-abc123.js', 'GET', { 'accept-encoding': 'gzip, br' }));
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toBe('accept-encoding');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const brBody = Buffer.from(br.body as Uint8Array);
    expect(brBody.length).toBeLessThan(bigScript.length / 2);
    expect(brotliDecompressSync(brBody).toString()).toBe(bigScript);

    const gzip = await serve(
      get('/assets/big-abc123.js', 'GET', { 'accept-encoding': 'gzip, deflate, br;q=0' }),
    );
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(Buffer.from(gzip.body as Uint8Array)).toString()).toBe(bigScript);

    const plain = await serve(get('/assets/big-abc123.js'));
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toBe('accept-encoding');
    expect(String(plain.body)).toBe(bigScript);
  });

  it('leaves tiny files and images uncompressed', async () => {
    const any = { 'accept-encoding': 'br, gzip' };
    expect(
      (await serve(get('/assets/index-abc123.js', 'GET', any))).headers['content-encoding'],
    ).toBeUndefined();
    const png = await serve(get('/icon.png', 'GET', any));
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.headers['vary']).toBeUndefined();
  });
});

describe('pickEncoding', () => {
  it('prefers brotli, then gzip, honouring q=0 and *', () => {
    expect(pickEncoding(undefined)).toBeUndefined();
    expect(pickEncoding('')).toBeUndefined();
    expect(pickEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(pickEncoding('gzip')).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(pickEncoding('BR;Q=0, GZIP; q=0')).toBeUndefined();
    expect(pickEncoding('identity')).toBeUndefined();
    expect(pickEncoding('*')).toBe('br');
    expect(pickEncoding('*, br;q=0')).toBe('gzip');
  });
});
