// Serves the built PWA (dist/): correct content types, the SPA fallback to
// index.html for unknown paths without a file extension (client-side routes),
// `no-cache` for everything but the content-hashed /assets/ so a new build (and
// its service worker) is picked up at once, and nothing outside the folder.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { ApiRequest, ApiResponse } from './http-types.ts';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.ics': 'text/calendar; charset=utf-8',
};

export function contentTypeFor(path: string): string {
  return contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function text(status: number, body: string, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body };
}

export function createStaticHandler(rootDir: string) {
  const root = resolve(rootDir);
  return async function serveStatic(req: ApiRequest): Promise<ApiResponse> {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return text(405, 'Method Not Allowed', { allow: 'GET, HEAD' });
    let pathname: string;
    try {
      pathname = decodeURIComponent(req.url.pathname);
    } catch {
      return text(400, 'Bad Request');
    }
    if (pathname.includes('\0')) return text(400, 'Bad Request');
    let file = resolve(join(root, pathname));
    if (file !== root && !file.startsWith(root + sep)) return text(404, 'Not Found');
    if (!(await isFile(file))) {
      const indexInDir = join(file, 'index.html');
      if (await isFile(indexInDir)) file = indexInDir;
      else if (extname(pathname) === '') file = join(root, 'index.html');
      else return text(404, 'Not Found');
    }
    if (!(await isFile(file))) return text(404, 'Not Found: run `npm run build` first');
    const immutable = file.startsWith(join(root, 'assets') + sep);
    return {
      status: 200,
      headers: {
        'content-type': contentTypeFor(file),
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        'x-content-type-options': 'nosniff',
      },
      body: await readFile(file),
    };
  };
}
