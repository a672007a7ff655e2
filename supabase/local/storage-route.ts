// Which Storage API operation a request names, from its method and path alone
// (the paths storage-js calls, relative to /storage/v1). Names are decoded, and
// an object key is checked as Supabase Storage checks it, so a route never sees
// a key it would refuse.

export const STORAGE_PREFIX = '/storage/v1';

export type StorageRoute =
  | { op: 'upload'; bucket: string; name: string; upsert: boolean }
  | { op: 'download'; bucket: string; name: string }
  | { op: 'public'; bucket: string; name: string }
  | { op: 'sign'; bucket: string; name: string }
  | { op: 'signMany'; bucket: string }
  | { op: 'signed'; bucket: string; name: string }
  /** storage-js `createSignedUploadUrl`: a token to upload one object without a session */
  | { op: 'signUpload'; bucket: string; name: string; upsert: boolean }
  /** storage-js `uploadToSignedUrl`: the upload that token allows */
  | { op: 'signedUpload'; bucket: string; name: string }
  | { op: 'remove'; bucket: string }
  | { op: 'list'; bucket: string }
  | { op: 'buckets' }
  | { op: 'bucket'; bucket: string };

export type StorageRouteResult =
  | { ok: true; route: StorageRoute }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'invalid-key'; key: string };

// Supabase Storage's key alphabet (isValidKey): word characters, '/', and
// !-.*'() &$@=;:+,? — anything else (a control character, a backslash, '#')
// is refused before any lookup.
const KEY_CHARACTERS = /^(\w|\/|!|-|\.|\*|'|\(|\)| |&|\$|@|=|;|:|\+|,|\?)*$/;
const BUCKET_NAME = /^(\w|!|-|\.|\*|'|\(|\)| |&|\$|@|=|;|:|\+|,|\?)*$/;

/** a key Supabase Storage would accept: not empty, its alphabet, no empty or dot segment */
export function isValidObjectKey(key: string): boolean {
  if (key.length === 0 || key.length > 1024 || !KEY_CHARACTERS.test(key)) return false;
  return key.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

type Target = { bucket: string; name: string } | 'not-found' | { invalid: string };

/** `<bucket>/<key…>` of the path's segments */
function target(segments: string[]): Target {
  const [rawBucket, ...rest] = segments;
  const bucket = rawBucket === undefined ? null : decode(rawBucket);
  if (bucket === null || bucket === '' || !BUCKET_NAME.test(bucket) || rest.length === 0) {
    return 'not-found';
  }
  const parts = rest.map(decode);
  if (parts.some((p) => p === null)) return { invalid: rest.join('/') };
  const name = parts.join('/');
  return isValidObjectKey(name) ? { bucket, name } : { invalid: name };
}

function single(segments: string[]): string | null {
  if (segments.length !== 1) return null;
  const bucket = decode(segments[0] ?? '');
  return bucket && BUCKET_NAME.test(bucket) ? bucket : null;
}

/**
 * `pathname` is the whole request path; `upsertHeader` the `x-upsert` header.
 */
export function parseStorageRoute(
  method: string,
  pathname: string,
  upsertHeader?: string,
): StorageRouteResult {
  const notFound: StorageRouteResult = { ok: false, reason: 'not-found' };
  if (!pathname.startsWith(`${STORAGE_PREFIX}/`)) return notFound;
  const segments = pathname.slice(STORAGE_PREFIX.length + 1).split('/');
  const [area, ...rest] = segments;
  const ok = (route: StorageRoute): StorageRouteResult => ({ ok: true, route });
  const withTarget = (
    segs: string[],
    make: (t: { bucket: string; name: string }) => StorageRoute,
  ): StorageRouteResult => {
    const t = target(segs);
    if (t === 'not-found') return notFound;
    if ('invalid' in t) return { ok: false, reason: 'invalid-key', key: t.invalid };
    return ok(make(t));
  };

  if (area === 'bucket') {
    if (method !== 'GET') return notFound;
    if (rest.length === 0 || (rest.length === 1 && rest[0] === '')) return ok({ op: 'buckets' });
    const bucket = single(rest);
    return bucket ? ok({ op: 'bucket', bucket }) : notFound;
  }
  if (area !== 'object' || rest.length === 0) return notFound;
  const [first, ...after] = rest;

  // HEAD answers a download's headers without its body (storage-js `exists`)
  if (method === 'GET' || method === 'HEAD') {
    if (first === 'public') return withTarget(after, (t) => ({ op: 'public', ...t }));
    if (first === 'sign') return withTarget(after, (t) => ({ op: 'signed', ...t }));
    if (first === 'authenticated') return withTarget(after, (t) => ({ op: 'download', ...t }));
    return withTarget(rest, (t) => ({ op: 'download', ...t }));
  }
  // `/object/upload/sign/<bucket>/<key>`: Storage's own route, before any bucket's
  const signedUploadPath = first === 'upload' && after[0] === 'sign';
  if (method === 'POST' && signedUploadPath) {
    return withTarget(after.slice(1), (t) => ({
      op: 'signUpload',
      ...t,
      upsert: upsertHeader === 'true',
    }));
  }
  if (method === 'PUT' && signedUploadPath) {
    return withTarget(after.slice(1), (t) => ({ op: 'signedUpload', ...t }));
  }
  if (method === 'POST') {
    if (first === 'sign') {
      // storage-js `createSignedUrls` names only the bucket and lists the paths
      const bucket = after.length === 1 ? single(after) : null;
      if (bucket) return ok({ op: 'signMany', bucket });
      return withTarget(after, (t) => ({ op: 'sign', ...t }));
    }
    if (first === 'list') {
      const bucket = single(after);
      return bucket ? ok({ op: 'list', bucket }) : notFound;
    }
    return withTarget(rest, (t) => ({ op: 'upload', ...t, upsert: upsertHeader === 'true' }));
  }
  if (method === 'PUT') {
    // PUT is storage-js `update`: it sends no x-upsert, and Storage upserts
    return withTarget(rest, (t) => ({ op: 'upload', ...t, upsert: true }));
  }
  if (method === 'DELETE') {
    const bucket = single(rest);
    return bucket ? ok({ op: 'remove', bucket }) : notFound;
  }
  return notFound;
}

/** a `mime type` against a bucket's allowed list; `image/*` allows every image type */
export function isMimeTypeAllowed(mimeType: string, allowed: readonly string[] | null): boolean {
  if (allowed === null || allowed.length === 0) return true;
  const type = (mimeType.split(';')[0] ?? '').trim().toLowerCase();
  return allowed.some((a) => {
    const pattern = a.trim().toLowerCase();
    if (pattern.endsWith('/*')) return type.startsWith(pattern.slice(0, -1));
    return type === pattern;
  });
}

export interface ByteRange {
  from: number;
  /** inclusive */
  to: number;
}

/**
 * A `Range: bytes=…` header against a file of `size` bytes, as Storage reads
 * it: one range, `a-b`, `a-` or the last `-n` bytes, an end past the file cut
 * to it; null when it cannot be served (Storage answers 416).
 */
export function parseByteRange(header: string, size: number): ByteRange | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || size <= 0) return null;
  const [, start = '', end = ''] = match;
  if (start === '' && end === '') return null;
  if (start === '') {
    const suffix = Number(end);
    if (!Number.isSafeInteger(suffix) || suffix <= 0) return null;
    return { from: Math.max(size - suffix, 0), to: size - 1 };
  }
  const from = Number(start);
  const to = end === '' ? size - 1 : Number(end);
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || to < from || from >= size) {
    return null;
  }
  return { from, to: Math.min(to, size - 1) };
}
