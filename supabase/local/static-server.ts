// Serves the built PWA (dist/): correct content types, the SPA fallback to
// index.html for unknown paths without a file extension (client-side routes),
// `no-cache` for everything but the content-hashed /assets/ so a new build (and
// its service worker) is picked up at once, text compressed with brotli or gzip
// as the browser accepts, and nothing outside the folder. Given a runtime
// config, it also answers /runtime-config.json (runtime-config.ts): the API the
// app talks to, from the stack serving it rather than from the build.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { ApiRequest, ApiResponse } from './http-types.ts';
import {
  type RuntimeConfig,
  isRuntimeConfigRequest,
  runtimeConfigResponse,
} from './runtime-config.ts';

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

export type ContentEncoding = 'br' | 'gzip';

/**
 * The encoding to answer an `Accept-Encoding` header with: brotli when accepted,
 * else gzip, else none (identity). `q=0` refuses an encoding; `*` accepts any not
 * named.
 */
export function pickEncoding(acceptEncoding: string | undefined): ContentEncoding | undefined {
  if (!acceptEncoding) return undefined;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) weights.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const accepted = (encoding: ContentEncoding) =>
    (weights.get(encoding) ?? weights.get('*') ?? 0) > 0;
  if (accepted('br')) return 'br';
  if (accepted('gzip')) return 'gzip';
  return undefined;
}

/** text worth compressing (images and fonts are compressed already) */
function isCompressible(contentType: string): boolean {
  return /^text\/|javascript|json|xml|svg/.test(contentType);
}

/** below this, compression saves less than the header costs */
const minCompressedSize = 1024;

function compress(body: Buffer, encoding: ContentEncoding): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 9,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : gzipSync(body, { level: 9 });
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

export interface StaticOptions {
  /**
   * what /runtime-config.json answers for this request (undefined: not yet
   * known, 503); without it the path is an ordinary file (404 unless dist has one)
   */
  runtimeConfig?: (req: ApiRequest) => RuntimeConfig | undefined;
}

export function createStaticHandler(rootDir: string, options: StaticOptions = {}) {
  const root = resolve(rootDir);
  // compressed bodies by file and encoding, kept while the file is unchanged
  const compressed = new Map<string, { version: string; body: Buffer }>();
  const encoded = async (file: string, encoding: ContentEncoding): Promise<Buffer> => {
    const info = await stat(file);
    const version = `${info.mtimeMs}:${info.size}`;
    const key = `${encoding}:${file}`;
    const hit = compressed.get(key);
    if (hit?.version === version) return hit.body;
    const body = compress(await readFile(file), encoding);
    compressed.set(key, { version, body });
    return body;
  };
  return async function serveStatic(req: ApiRequest): Promise<ApiResponse> {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return text(405, 'Method Not Allowed', { allow: 'GET, HEAD' });
    if (options.runtimeConfig && isRuntimeConfigRequest(req))
      return runtimeConfigResponse(options.runtimeConfig(req));
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
    const contentType = contentTypeFor(file);
    const headers: Record<string, string> = {
      'content-type': contentType,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    };
    if (!isCompressible(contentType)) return { status: 200, headers, body: await readFile(file) };
    headers['vary'] = 'accept-encoding';
    const encoding = pickEncoding(req.headers['accept-encoding']);
    if (!encoding || (await stat(file)).size < minCompressedSize) {
      return { status: 200, headers, body: await readFile(file) };
    }
    headers['content-encoding'] = encoding;
    return { status: 200, headers, body: await encoded(file, encoding) };
  };
}

/** a rendered (not file) response, compressed as a static file would be */
export function compressBody(
  res: { status: number; headers: Record<string, string>; body: Buffer },
  acceptEncoding: string | undefined,
): ApiResponse {
  const contentType = res.headers['content-type'] ?? '';
  const encoding = pickEncoding(acceptEncoding);
  if (!isCompressible(contentType) || !encoding || res.body.length < minCompressedSize) return res;
  return {
    status: res.status,
    // a page that varies by language (Accept-Language) keeps saying so
    headers: {
      ...res.headers,
      vary: [res.headers['vary'], 'accept-encoding'].filter(Boolean).join(', '),
      'content-encoding': encoding,
    },
    body: compress(res.body, encoding),
  };
}
