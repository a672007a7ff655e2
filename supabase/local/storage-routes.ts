// /storage/v1: the Storage API routes supabase-js calls, on the same database
// as REST. Every object operation runs in one transaction as the caller's role
// with its claims (rest-context.ts), so the policies on storage.objects decide
// exactly as on Supabase; bucket settings are read as the gateway, as Storage
// reads them as its superuser. Files' bytes live in storage_local.object_bytes,
// written in the same transaction as their row.
import { createHash, randomUUID } from 'node:crypto';
import { jwtVerify } from 'jose';
import type { Database, Queryable } from './db/database.ts';
import { isPgError } from './db/database.ts';
import type { ApiRequest, ApiResponse } from './http-types.ts';
import { jsonResponse } from './http-types.ts';
import { signHs256 } from './keys.ts';
import { applyRequestContext } from './rest-context.ts';
import { type Principal, resolvePrincipal } from './request-principal.ts';
import {
  StorageFailure,
  storageErrors,
  storageFailureFromPg,
  storageFailureResponse,
} from './storage-errors.ts';
import { isMimeTypeAllowed, parseByteRange, parseStorageRoute } from './storage-route.ts';

export { STORAGE_PREFIX } from './storage-route.ts';

export interface StorageRoutesOptions {
  db: Database;
  jwtSecret: string;
  /** the clock that signs and checks signed URLs (ms) */
  now: () => number;
  /** the project's upload limit in bytes; a bucket's own limit can only lower it */
  fileSizeLimit: number;
  /** the longest signed URL a caller may ask for, in seconds */
  signedUrlMaxSeconds: number;
}

interface Bucket {
  id: string;
  public: boolean;
  file_size_limit: number | null;
  allowed_mime_types: string[] | null;
}

interface ObjectMetadata {
  eTag?: string;
  size?: number;
  mimetype?: string;
  cacheControl?: string;
  lastModified?: string;
}

interface StoredObject {
  metadata: ObjectMetadata | null;
  bytes: Uint8Array;
}

const e = storageErrors;

function bearer(req: ApiRequest): string | null {
  const auth = req.headers.authorization;
  if (auth === undefined || auth === '') return null;
  return /^Bearer\s+(\S+)\s*$/i.exec(auth)?.[1] ?? auth;
}

function jsonBody(req: ApiRequest): Record<string, unknown> {
  const text = req.body.toString('utf8');
  if (text.trim() === '') throw e.invalidRequest('body must be object');
  try {
    const value = JSON.parse(text) as unknown;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // answered below, as a body that is not an object
  }
  throw e.invalidRequest('body must be object');
}

const OBJECT_JSON = `json_build_object('name', o.name, 'bucket_id', o.bucket_id, 'owner', o.owner,
  'owner_id', o.owner_id, 'id', o.id, 'version', o.version, 'updated_at', o.updated_at,
  'created_at', o.created_at, 'last_accessed_at', o.last_accessed_at, 'metadata', o.metadata,
  'user_metadata', o.user_metadata)::text`;

export function createStorageRoutes(
  options: StorageRoutesOptions,
): (req: ApiRequest) => Promise<ApiResponse> {
  const { db, jwtSecret: secret, now } = options;
  const signingKey = new TextEncoder().encode(secret);

  async function caller(req: ApiRequest): Promise<Principal | string> {
    const result = await resolvePrincipal(bearer(req), secret, now());
    return result.ok ? result.principal : result.detail;
  }

  async function requireCaller(req: ApiRequest): Promise<Principal> {
    const who = await caller(req);
    if (typeof who === 'string') throw e.accessDenied(who);
    return who;
  }

  async function findBucket(id: string): Promise<Bucket | null> {
    const { rows } = await db.query<Bucket>(
      `select id, coalesce(public, false) as public, file_size_limit::float8 as file_size_limit,
              allowed_mime_types
         from storage.buckets where id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** `fn` in a transaction as the caller; `gateway(tx)` switches back for the bytes */
  function asCaller<T>(principal: Principal, req: ApiRequest, fn: (tx: Queryable) => Promise<T>) {
    return db.transaction(async (tx) => {
      await applyRequestContext(
        tx,
        { principal, method: req.method, path: req.url.pathname, headers: req.headers },
        false,
      );
      return fn(tx);
    });
  }
  const gateway = (tx: Queryable) => tx.query('set local role none');

  async function readBytes(tx: Queryable, id: string): Promise<Uint8Array> {
    const { rows } = await tx.query<{ bytes: Uint8Array }>(
      'select bytes from storage_local.object_bytes where object_id = $1',
      [id],
    );
    return rows[0]?.bytes ?? new Uint8Array();
  }

  /** the object as `principal` may see it (null principal: as the gateway) */
  async function fetchObject(
    principal: Principal | null,
    req: ApiRequest,
    bucket: string,
    name: string,
  ): Promise<StoredObject> {
    const find = async (tx: Queryable) => {
      const { rows } = await tx.query<{ id: string; metadata: ObjectMetadata | null }>(
        'select id, metadata from storage.objects where bucket_id = $1 and name = $2',
        [bucket, name],
      );
      const row = rows[0];
      if (!row) throw e.noSuchKey();
      if (principal) await gateway(tx);
      return { metadata: row.metadata, bytes: await readBytes(tx, row.id) };
    };
    return principal ? asCaller(principal, req, find) : db.transaction(find);
  }

  function render(
    obj: StoredObject,
    req: ApiRequest,
    extra: { expires?: string } = {},
  ): ApiResponse {
    const m = obj.metadata ?? {};
    const headers: Record<string, string> = {
      'accept-ranges': 'bytes',
      'content-type': m.mimetype ?? 'application/octet-stream',
      'x-robots-tag': 'none',
      'content-length': String(obj.bytes.byteLength),
    };
    if (m.eTag) headers.etag = m.eTag;
    if (m.lastModified) headers['last-modified'] = new Date(m.lastModified).toUTCString();
    // a signed URL's response is cacheable only until the URL itself expires
    if (extra.expires) headers.expires = extra.expires;
    else if (m.cacheControl) headers['cache-control'] = m.cacheControl;
    const download = req.url.searchParams.get('download');
    if (download !== null) {
      const file = encodeURIComponent(download);
      headers['content-disposition'] =
        download === '' ? 'attachment;' : `attachment; filename=${file}; filename*=UTF-8''${file}`;
    }
    // a video or audio element seeks with ranges (Safari plays nothing without them)
    const rangeHeader = req.headers.range;
    if (rangeHeader !== undefined) {
      const size = obj.bytes.byteLength;
      const range = parseByteRange(rangeHeader, size);
      if (!range) {
        const refusal = new StorageFailure(
          '416',
          'InvalidRange',
          'invalid_range',
          'invalid range provided',
          416,
        );
        return storageFailureResponse(refusal, { 'content-range': `bytes */${size}` });
      }
      const body = obj.bytes.subarray(range.from, range.to + 1);
      headers['content-range'] = `bytes ${range.from}-${range.to}/${size}`;
      headers['content-length'] = String(body.byteLength);
      return { status: 206, headers, body };
    }
    return { status: 200, headers, body: obj.bytes };
  }

  async function readUpload(req: ApiRequest): Promise<{
    bytes: Uint8Array;
    mimeType: string;
    cacheControl: string;
    userMetadata: unknown;
  }> {
    const contentType = req.headers['content-type'] ?? '';
    if (contentType.startsWith('multipart/form-data')) {
      let form: FormData;
      try {
        form = await new Response(new Uint8Array(req.body), {
          headers: { 'content-type': contentType },
        }).formData();
      } catch {
        throw e.invalidRequest('No content provided');
      }
      const file = [...form.values()].find((v): v is File => typeof v !== 'string');
      if (!file) throw e.invalidRequest('No content provided');
      const field = (name: string) => {
        const v = form.get(name);
        return typeof v === 'string' && v !== '' ? v : null;
      };
      const cacheTime = field('cacheControl');
      const metadata = field('metadata');
      let userMetadata: unknown;
      try {
        userMetadata = metadata ? JSON.parse(metadata) : null;
      } catch {
        // Storage ignores metadata it cannot parse
        userMetadata = null;
      }
      return {
        bytes: new Uint8Array(await file.arrayBuffer()),
        mimeType: field('contentType') ?? (file.type || 'application/octet-stream'),
        cacheControl: cacheTime ? `max-age=${cacheTime}` : 'no-cache',
        userMetadata,
      };
    }
    let userMetadata: unknown = null;
    const encoded = req.headers['x-metadata'];
    if (encoded) {
      try {
        userMetadata = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
      } catch {
        throw e.invalidRequest('Invalid metadata');
      }
    }
    return {
      bytes: req.body,
      mimeType: contentType || 'application/octet-stream',
      cacheControl: req.headers['cache-control'] ?? 'no-cache',
      userMetadata,
    };
  }

  async function upload(req: ApiRequest, bucketId: string, name: string, upsert: boolean) {
    return store(req, await requireCaller(req), bucketId, name, upsert);
  }

  /**
   * Writes an upload: as `principal` (the policies decide), or — for a signed
   * upload, whose token the policies already allowed — as the gateway, in the
   * name of the token's owner.
   */
  async function store(
    req: ApiRequest,
    principal: Principal | { signedFor: string | null },
    bucketId: string,
    name: string,
    upsert: boolean,
  ) {
    const bucket = await findBucket(bucketId);
    if (!bucket) throw e.noSuchBucket();
    const file = await readUpload(req);
    if (!isMimeTypeAllowed(file.mimeType, bucket.allowed_mime_types)) {
      throw e.invalidMimeType(file.mimeType);
    }
    const limit = Math.min(bucket.file_size_limit ?? options.fileSizeLimit, options.fileSizeLimit);
    if (file.bytes.byteLength > limit) throw e.tooLarge();

    const sub =
      'signedFor' in principal
        ? principal.signedFor
        : typeof principal.claims.sub === 'string'
          ? principal.claims.sub
          : null;
    const owner = sub && /^[0-9a-f-]{36}$/i.test(sub) ? sub : null;
    const metadata = {
      eTag: `"${createHash('md5').update(file.bytes).digest('hex')}"`,
      size: file.bytes.byteLength,
      mimetype: file.mimeType,
      cacheControl: file.cacheControl,
      lastModified: new Date(now()).toISOString(),
      contentLength: file.bytes.byteLength,
      httpStatusCode: 200,
    };
    const run = <T>(fn: (tx: Queryable) => Promise<T>) =>
      'signedFor' in principal
        ? db.transaction(async (tx) => {
            await gateway(tx);
            return fn(tx);
          })
        : asCaller(principal, req, fn);
    const id = await run(async (tx) => {
      // no RETURNING: as on Supabase, a plain upload needs only the insert policy
      await tx.query(
        `insert into storage.objects (id, bucket_id, name, owner, owner_id, metadata, user_metadata, version)
         values ($1, $2, $3, $4, $5, $6, $7, $8)
         ${
           upsert
             ? `on conflict (bucket_id, name) do update set owner = excluded.owner,
                  owner_id = excluded.owner_id, metadata = excluded.metadata,
                  user_metadata = excluded.user_metadata, version = excluded.version`
             : ''
         }`,
        [
          randomUUID(),
          bucketId,
          name,
          owner,
          sub,
          JSON.stringify(metadata),
          file.userMetadata === null ? null : JSON.stringify(file.userMetadata),
          randomUUID(),
        ],
      );
      await gateway(tx);
      const { rows } = await tx.query<{ id: string }>(
        'select id from storage.objects where bucket_id = $1 and name = $2',
        [bucketId, name],
      );
      const objectId = rows[0]?.id;
      if (!objectId) throw e.noSuchKey();
      await tx.query(
        `insert into storage_local.object_bytes (object_id, bytes) values ($1, $2)
         on conflict (object_id) do update set bytes = excluded.bytes`,
        [objectId, file.bytes],
      );
      return objectId;
    });
    return jsonResponse(200, { Id: id, Key: `${bucketId}/${name}` });
  }

  async function download(req: ApiRequest, bucketId: string, name: string) {
    const who = await caller(req);
    const bucket = await findBucket(bucketId);
    // without a valid token only a public bucket's objects can be read
    if (!bucket || (typeof who === 'string' && !bucket.public)) throw e.noSuchBucket();
    const principal = bucket.public || typeof who === 'string' ? null : who;
    return render(await fetchObject(principal, req, bucketId, name), req);
  }

  async function publicObject(req: ApiRequest, bucketId: string, name: string) {
    const bucket = await findBucket(bucketId);
    if (!bucket?.public) throw e.noSuchBucket();
    return render(await fetchObject(null, req, bucketId, name), req);
  }

  /** `expiresIn` of a signing request, within the stack's limit */
  function lifetime(body: Record<string, unknown>): number {
    const { expiresIn } = body;
    if (typeof expiresIn !== 'number' || !Number.isInteger(expiresIn)) {
      throw e.invalidRequest('body/expiresIn must be integer');
    }
    if (expiresIn < 1) throw e.invalidRequest('body/expiresIn must be >= 1');
    if (expiresIn > options.signedUrlMaxSeconds) {
      throw new StorageFailure(
        '400',
        'InvalidParameter',
        'InvalidParameter',
        `Invalid Parameter expiresIn: signed URLs expire within ${options.signedUrlMaxSeconds} seconds here`,
      );
    }
    return expiresIn;
  }

  /** the names of `names` the caller can select: signing needs no more, and no less */
  async function readable(
    principal: Principal,
    req: ApiRequest,
    bucketId: string,
    names: string[],
  ) {
    return asCaller(principal, req, async (tx) => {
      const { rows } = await tx.query<{ name: string }>(
        'select name from storage.objects where bucket_id = $1 and name = any($2::text[])',
        [bucketId, names],
      );
      return new Set(rows.map((r) => r.name));
    });
  }

  function signedPath(bucketId: string, name: string, expiresIn: number): string {
    const iat = Math.floor(now() / 1000);
    const url = `${bucketId}/${name}`;
    const token = signHs256({ url, scope: 'download', iat, exp: iat + expiresIn }, secret);
    return `/object/sign/${url}?token=${token}`;
  }

  async function sign(req: ApiRequest, bucketId: string, name: string) {
    const principal = await requireCaller(req);
    const expiresIn = lifetime(jsonBody(req));
    if (!(await readable(principal, req, bucketId, [name])).has(name)) throw e.noSuchKey();
    return jsonResponse(200, { signedURL: signedPath(bucketId, name, expiresIn) });
  }

  async function signMany(req: ApiRequest, bucketId: string) {
    const principal = await requireCaller(req);
    const body = jsonBody(req);
    const expiresIn = lifetime(body);
    const { paths } = body;
    if (!Array.isArray(paths) || paths.length === 0 || paths.some((p) => typeof p !== 'string')) {
      throw e.invalidRequest('body/paths must be a non-empty array of strings');
    }
    const names = paths as string[];
    const found = await readable(principal, req, bucketId, names);
    return jsonResponse(
      200,
      names.map((path) =>
        found.has(path)
          ? { error: null, path, signedURL: signedPath(bucketId, path, expiresIn) }
          : {
              error: 'Either the object does not exist or you do not have access to it',
              path,
              signedURL: null,
            },
      ),
    );
  }

  async function signed(req: ApiRequest, bucketId: string, name: string) {
    const token = req.url.searchParams.get('token');
    if (!token) throw e.invalidRequest("querystring must have required property 'token'");
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, signingKey, {
        algorithms: ['HS256'],
        currentDate: new Date(now()),
      }));
    } catch (err) {
      throw e.invalidJwt(err instanceof Error ? err.message : 'Invalid JWT');
    }
    const downloadScope =
      payload.scope === 'download' || (payload.scope === undefined && !('upsert' in payload));
    if (!downloadScope) throw e.invalidSignature('Token is not scoped for download');
    if (payload.url !== `${bucketId}/${name}`) throw e.invalidSignature();
    const exp = typeof payload.exp === 'number' ? payload.exp : 0;
    if (exp * 1000 < now()) throw e.expiredSignature();
    const obj = await fetchObject(null, req, bucketId, name);
    return render(obj, req, { expires: new Date(exp * 1000).toUTCString() });
  }

  /**
   * storage-js `createSignedUploadUrl`: Storage first tries the insert (or the
   * upsert) as the caller and rolls it back, so a token is given only to who
   * could upload there now; it is good for two hours, for this one object.
   */
  async function signUpload(req: ApiRequest, bucketId: string, name: string, upsert: boolean) {
    const principal = await requireCaller(req);
    if (!(await findBucket(bucketId))) throw e.noSuchBucket();
    const sub = typeof principal.claims.sub === 'string' ? principal.claims.sub : null;
    const owner = sub && /^[0-9a-f-]{36}$/i.test(sub) ? sub : null;
    const probe = new Error('roll the permission test back');
    try {
      await asCaller(principal, req, async (tx) => {
        await tx.query(
          `insert into storage.objects (id, bucket_id, name, owner, owner_id, metadata, version)
           values ($1, $2, $3, $4, $5, '{}'::jsonb, $6)
           ${upsert ? 'on conflict (bucket_id, name) do update set version = excluded.version' : ''}`,
          [randomUUID(), bucketId, name, owner, sub, randomUUID()],
        );
        throw probe;
      });
    } catch (err) {
      if (err !== probe) throw err;
    }
    const iat = Math.floor(now() / 1000);
    const url = `${bucketId}/${name}`;
    const token = signHs256({ owner: sub, url, upsert, iat, exp: iat + 2 * 60 * 60 }, secret);
    return jsonResponse(200, { url: `/object/upload/sign/${url}?token=${token}`, token });
  }

  /** storage-js `uploadToSignedUrl`: the token names the object, its owner and whether it upserts */
  async function signedUpload(req: ApiRequest, bucketId: string, name: string) {
    const token = req.url.searchParams.get('token');
    if (!token) throw e.invalidRequest("querystring must have required property 'token'");
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, signingKey, {
        algorithms: ['HS256'],
        currentDate: new Date(now()),
      }));
    } catch (err) {
      throw e.invalidJwt(err instanceof Error ? err.message : 'Invalid JWT');
    }
    // a download token carries no `upsert`: it uploads nothing
    if (typeof payload.upsert !== 'boolean') {
      throw e.invalidSignature('Token is not scoped for upload');
    }
    if (payload.url !== `${bucketId}/${name}`) throw e.invalidSignature();
    const exp = typeof payload.exp === 'number' ? payload.exp : 0;
    if (exp * 1000 < now()) throw e.expiredSignature();
    const owner = typeof payload.owner === 'string' ? payload.owner : null;
    return store(req, { signedFor: owner }, bucketId, name, payload.upsert);
  }

  async function remove(req: ApiRequest, bucketId: string) {
    const principal = await requireCaller(req);
    const { prefixes } = jsonBody(req);
    if (
      !Array.isArray(prefixes) ||
      prefixes.length === 0 ||
      prefixes.some((p) => typeof p !== 'string')
    ) {
      throw e.invalidRequest('body/prefixes must be a non-empty array of strings');
    }
    const rows = await asCaller(principal, req, async (tx) => {
      // the storage api is the one path allowed to delete rows (and their files)
      await tx.query(`select set_config('storage.allow_delete_query', 'true', true)`);
      const result = await tx.query<{ j: string }>(
        `delete from storage.objects o where o.bucket_id = $1 and o.name = any($2::text[])
         returning ${OBJECT_JSON} as j`,
        [bucketId, prefixes],
      );
      return result.rows;
    });
    return jsonResponse(
      200,
      rows.map((r) => JSON.parse(r.j) as unknown),
    );
  }

  async function list(req: ApiRequest, bucketId: string) {
    const principal = await requireCaller(req);
    const body = jsonBody(req);
    if (typeof body.prefix !== 'string') {
      throw e.invalidRequest("body must have required property 'prefix'");
    }
    const raw = body.prefix.replace(/^\/+/, '');
    const prefix = raw === '' || raw.endsWith('/') ? raw : `${raw}/`;
    const limit = typeof body.limit === 'number' && body.limit > 0 ? Math.floor(body.limit) : 100;
    const offset = typeof body.offset === 'number' && body.offset > 0 ? Math.floor(body.offset) : 0;
    const search = typeof body.search === 'string' ? body.search.toLowerCase() : '';
    const sortBy = (body.sortBy ?? {}) as { column?: unknown; order?: unknown };
    const column =
      typeof sortBy.column === 'string' &&
      ['name', 'updated_at', 'created_at', 'last_accessed_at'].includes(sortBy.column)
        ? sortBy.column
        : 'name';
    const descending = sortBy.order === 'desc';

    const rows = await asCaller(principal, req, async (tx) => {
      const result = await tx.query<{ name: string; j: string }>(
        `select o.name, ${OBJECT_JSON} as j from storage.objects o
          where o.bucket_id = $1 and starts_with(o.name, $2)`,
        [bucketId, prefix],
      );
      return result.rows;
    });
    const entries = new Map<string, Record<string, unknown>>();
    for (const row of rows) {
      const rest = row.name.slice(prefix.length);
      const slash = rest.indexOf('/');
      const entry = slash < 0 ? rest : rest.slice(0, slash);
      if (!entry.toLowerCase().startsWith(search)) continue;
      if (slash >= 0) {
        // a folder: what Storage answers for a prefix that is not an object
        if (!entries.has(entry)) {
          entries.set(entry, {
            name: entry,
            id: null,
            updated_at: null,
            created_at: null,
            last_accessed_at: null,
            metadata: null,
          });
        }
        continue;
      }
      const o = JSON.parse(row.j) as Record<string, unknown>;
      entries.set(entry, {
        name: entry,
        id: o.id,
        updated_at: o.updated_at,
        created_at: o.created_at,
        last_accessed_at: o.last_accessed_at,
        metadata: o.metadata,
      });
    }
    const key = (x: Record<string, unknown>) => String(x[column] ?? x.name);
    const sorted = [...entries.values()].sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      const order = ka < kb ? -1 : ka > kb ? 1 : 0;
      return descending ? -order : order;
    });
    return jsonResponse(200, sorted.slice(offset, offset + limit));
  }

  async function buckets(req: ApiRequest, only: string | null) {
    const principal = await requireCaller(req);
    const rows = await asCaller(principal, req, async (tx) => {
      const result = await tx.query<{ j: string }>(
        `select json_build_object('id', b.id, 'name', b.name, 'owner', b.owner,
                  'public', coalesce(b.public, false), 'type', 'STANDARD',
                  'file_size_limit', b.file_size_limit, 'allowed_mime_types', b.allowed_mime_types,
                  'created_at', b.created_at, 'updated_at', b.updated_at)::text as j
           from storage.buckets b
          where $1::text is null or b.id = $1
          order by b.name`,
        [only],
      );
      return result.rows.map((r) => JSON.parse(r.j) as unknown);
    });
    if (only === null) return jsonResponse(200, rows);
    if (rows.length === 0) throw e.noSuchBucket();
    return jsonResponse(200, rows[0]);
  }

  async function dispatch(req: ApiRequest): Promise<ApiResponse> {
    const parsed = parseStorageRoute(req.method, req.url.pathname, req.headers['x-upsert']);
    if (!parsed.ok) {
      if (parsed.reason === 'invalid-key') throw e.invalidKey(parsed.key);
      throw e.routeNotFound(req.method, req.url.pathname);
    }
    const r = parsed.route;
    switch (r.op) {
      case 'upload':
        return upload(req, r.bucket, r.name, r.upsert);
      case 'download':
        return download(req, r.bucket, r.name);
      case 'public':
        return publicObject(req, r.bucket, r.name);
      case 'sign':
        return sign(req, r.bucket, r.name);
      case 'signMany':
        return signMany(req, r.bucket);
      case 'signed':
        return signed(req, r.bucket, r.name);
      case 'signUpload':
        return signUpload(req, r.bucket, r.name, r.upsert);
      case 'signedUpload':
        return signedUpload(req, r.bucket, r.name);
      case 'remove':
        return remove(req, r.bucket);
      case 'list':
        return list(req, r.bucket);
      case 'buckets':
        return buckets(req, null);
      case 'bucket':
        return buckets(req, r.bucket);
    }
  }

  return async (req) => {
    try {
      return await dispatch(req);
    } catch (err) {
      // Storage's not-found answers tell caches not to keep them
      const noStore = (f: StorageFailure): Record<string, string> =>
        f.statusCode === '404' ? { 'cache-control': 'no-store' } : {};
      if (err instanceof StorageFailure) return storageFailureResponse(err, noStore(err));
      if (isPgError(err)) {
        const mapped = storageFailureFromPg(err);
        if (mapped) return storageFailureResponse(mapped);
      }
      throw err;
    }
  };
}
