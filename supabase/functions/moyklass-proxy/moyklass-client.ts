// A narrow client of the Moyklass company API (reference/moyklass-api.md):
// getToken → cached until shortly before expiresAt → `x-access-token`; at most 7
// requests per second per company; backoff and retry on 429, 5xx and network
// failures; one re-authentication on 401; 402 is the CRM plan's licence limit;
// lists paged with limit=500 until stats.totalItems. Only GET of allow-listed
// paths: this is not an open proxy. The API key and token never leave this module
// (errors carry no upstream body, key or token).
import { z } from 'zod';

export const MOYKLASS_BASE_URL = 'https://api.moyklass.com';
export const PAGE_LIMIT = 500;

export type MoyklassErrorKind =
  | 'auth' // the API key was refused
  | 'plan' // 402: the CRM plan does not allow this
  | 'unavailable' // 429/5xx/network after every retry
  | 'bad_response' // an answer that does not match the contract
  | 'rejected'; // 400/403/404/413 from Moyklass

export class MoyklassError extends Error {
  constructor(
    readonly kind: MoyklassErrorKind,
    message: string,
    readonly upstreamStatus?: number,
    readonly upstreamCode?: string,
  ) {
    super(message);
    this.name = 'MoyklassError';
  }
}

export interface CachedToken {
  token: string;
  /** epoch ms */
  expiresAt: number;
}

export interface TokenCache {
  get(key: string): CachedToken | undefined;
  set(key: string, token: CachedToken): void;
  delete(key: string): void;
}

export interface MoyklassDeps {
  fetch: typeof fetch;
  /** epoch ms */
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** in [0, 1): backoff jitter */
  random?: () => number;
  baseUrl?: string;
  tokenCache: TokenCache;
  /** one limiter per company, shared by every request of that company */
  limiter: RateLimiter;
}

export interface MoyklassOptions {
  /** how a two-date filter travels: `beginDate=a,b` (the OpenAPI form) or `beginDate=a&beginDate=b` */
  dateFilterForm?: 'comma' | 'repeat';
  /** attempts per request, the first included */
  maxAttempts?: number;
  /** renew the token this long before its expiresAt */
  refreshMarginMs?: number;
  requestTimeoutMs?: number;
  /** a safety stop for paging (500 × 200 = 100 000 records) */
  maxPages?: number;
}

/**
 * At most `perSecond` starts in any window of one second (a sliding log): a
 * request waits until the oldest of the last `perSecond` starts is a second old.
 */
export class RateLimiter {
  private starts: number[] = [];
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly perSecond: number,
    private readonly now: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {}

  acquire(): Promise<void> {
    const next = this.chain.then(() => this.take());
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async take(): Promise<void> {
    for (;;) {
      const t = this.now();
      this.starts = this.starts.filter((s) => s > t - 1000);
      if (this.starts.length < this.perSecond) {
        this.starts.push(t);
        return;
      }
      await this.sleep((this.starts[0] ?? t) + 1000 - t);
    }
  }
}

const accessTokenSchema = z.object({
  accessToken: z.string().min(1),
  expiresAt: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date-time'),
});

const errorBodySchema = z.object({ code: z.string() }).passthrough();

type Query = Record<string, string | number | boolean | string[] | undefined>;

const allowedPaths = new Set(['/v1/company/userSubscriptions', '/v1/company/users']);

export class MoyklassClient {
  private readonly baseUrl: string;
  private readonly form: 'comma' | 'repeat';
  private readonly maxAttempts: number;
  private readonly refreshMarginMs: number;
  private readonly timeoutMs: number;
  private readonly maxPages: number;
  /** requests sent, retries and token calls included (for tests and logs) */
  requests = 0;

  constructor(
    private readonly apiKey: string,
    /** identifies the company (and key) in the token cache */
    private readonly cacheKey: string,
    private readonly deps: MoyklassDeps,
    options: MoyklassOptions = {},
  ) {
    this.baseUrl = (deps.baseUrl ?? MOYKLASS_BASE_URL).replace(/\/+$/, '');
    this.form = options.dateFilterForm ?? 'comma';
    this.maxAttempts = options.maxAttempts ?? 6;
    this.refreshMarginMs = options.refreshMarginMs ?? 5 * 60_000;
    this.timeoutMs = options.requestTimeoutMs ?? 20_000;
    this.maxPages = options.maxPages ?? 200;
  }

  /** a date filter: one date (exact) or two (range), sent in the configured form */
  dateFilter(from: string, to?: string): string[] {
    const dates = to === undefined ? [from] : [from, to];
    return this.form === 'comma' ? [dates.join(',')] : dates;
  }

  /** every item of a paged list, validated item by item */
  async listAll<T>(path: string, query: Query, entity: string, item: z.ZodType<T>): Promise<T[]> {
    const page = z.object({ stats: z.object({ totalItems: z.number().int().nonnegative() }) });
    const items = z.array(item);
    const all: T[] = [];
    for (let n = 0; n < this.maxPages; n++) {
      const body = await this.get(path, { ...query, limit: PAGE_LIMIT, offset: all.length });
      const parsed = page.safeParse(body);
      const list = items.safeParse((body as Record<string, unknown> | null)?.[entity]);
      if (!parsed.success || !list.success) {
        throw new MoyklassError('bad_response', `Moyklass answered ${path} in an unexpected shape`);
      }
      all.push(...list.data);
      const total = parsed.data.stats.totalItems;
      if (all.length >= total) return all;
      if (list.data.length === 0) {
        throw new MoyklassError(
          'bad_response',
          `Moyklass reported ${total} items for ${path} but sent ${all.length}`,
        );
      }
    }
    throw new MoyklassError('bad_response', `Moyklass paging of ${path} did not end`);
  }

  /** GET an allow-listed path with the company token */
  async get(path: string, query: Query): Promise<unknown> {
    if (!allowedPaths.has(path)) throw new Error(`path not allowed: ${path}`);
    const url = new URL(this.baseUrl + path);
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined) continue;
      for (const one of Array.isArray(v) ? v : [v]) url.searchParams.append(k, String(one));
    }
    let token = await this.token(false);
    let reauthenticated = false;
    for (;;) {
      const res = await this.send(url, { method: 'GET', headers: { 'x-access-token': token } });
      if (res.status === 401 && !reauthenticated) {
        // the token expired or was revoked mid-run: authenticate once more
        await discard(res);
        reauthenticated = true;
        this.deps.tokenCache.delete(this.cacheKey);
        token = await this.token(true);
        continue;
      }
      return this.readBody(res, path);
    }
  }

  private async token(force: boolean): Promise<string> {
    const cached = force ? undefined : this.deps.tokenCache.get(this.cacheKey);
    if (cached && cached.expiresAt - this.refreshMarginMs > this.deps.now()) return cached.token;
    const res = await this.send(new URL(this.baseUrl + '/v1/company/auth/getToken'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ apiKey: this.apiKey }),
    });
    if (res.status === 401) {
      await discard(res);
      throw new MoyklassError('auth', 'Moyklass refused the API key', 401);
    }
    const parsed = accessTokenSchema.safeParse(await this.readBody(res, 'getToken'));
    if (!parsed.success) {
      throw new MoyklassError('bad_response', 'Moyklass answered getToken in an unexpected shape');
    }
    const token = { token: parsed.data.accessToken, expiresAt: Date.parse(parsed.data.expiresAt) };
    this.deps.tokenCache.set(this.cacheKey, token);
    return token.token;
  }

  /** one request with rate limiting and retries on 429, 5xx and network failures */
  private async send(url: URL, init: RequestInit): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      await this.deps.limiter.acquire();
      this.requests++;
      let res: Response | null;
      try {
        res = await this.deps.fetch(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
      } catch {
        res = null; // network failure or timeout: retried like a 503
      }
      const retryable = res === null || res.status === 429 || res.status >= 500;
      if (!retryable) return res as Response;
      if (attempt >= this.maxAttempts) {
        if (res) await discard(res);
        throw new MoyklassError(
          'unavailable',
          res?.status === 429
            ? 'Moyklass keeps limiting the request rate; try again later'
            : 'Moyklass is unavailable; try again later',
          res?.status,
        );
      }
      const wait = this.backoff(attempt, res?.headers.get('retry-after') ?? null);
      if (res) await discard(res);
      await this.deps.sleep(wait);
    }
  }

  private backoff(attempt: number, retryAfter: string | null): number {
    const seconds = retryAfter === null ? NaN : Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, 30_000);
    const base = Math.min(500 * 2 ** (attempt - 1), 8_000);
    return base + Math.floor((this.deps.random ?? Math.random)() * 250);
  }

  private async readBody(res: Response, what: string): Promise<unknown> {
    if (res.ok) {
      try {
        return await res.json();
      } catch {
        throw new MoyklassError('bad_response', `Moyklass answered ${what} with invalid JSON`);
      }
    }
    let code: string | undefined;
    try {
      const parsed = errorBodySchema.safeParse(await res.json());
      if (parsed.success && /^[A-Za-z]{1,60}$/.test(parsed.data.code)) code = parsed.data.code;
    } catch {
      // no JSON error body: the status says enough
    }
    if (res.status === 402) {
      throw new MoyklassError('plan', 'The CRM plan does not allow this', 402, code);
    }
    if (res.status === 401) {
      throw new MoyklassError('auth', 'Moyklass refused the access token', 401, code);
    }
    throw new MoyklassError(
      'rejected',
      `Moyklass refused the request (${res.status}${code ? ` ${code}` : ''})`,
      res.status,
      code,
    );
  }
}

async function discard(res: Response): Promise<void> {
  try {
    await res.body?.cancel();
  } catch {
    // already consumed
  }
}

/** a process-wide token cache (one isolate's memory) */
export function memoryTokenCache(): TokenCache {
  return new Map<string, CachedToken>();
}
