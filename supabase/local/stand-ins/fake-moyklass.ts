// A fake Moyklass company API built to the documented contract
// (reference/moyklass-api.md), for tests: getToken / x-access-token with expiry,
// 7 requests per second (429 beyond), paging with limit ≤ 500 and stats.totalItems,
// date filters in both forms (comma-joined, or the key repeated, with or without
// `[]`), the documented error body, and scripted faults. It is a fetch function,
// so tests inject it directly or put it behind a node http server, as the demo
// Moyklass does (supabase/local/demo-moyklass.ts).

export interface FakeSubscription {
  id: number;
  userId: number;
  subscriptionId: number;
  externalId: string | null;
  statusId: 1 | 2 | 3 | 4;
  sellDate: string;
  beginDate: string | null;
  endDate: string | null;
  visitCount: number;
  price: number;
  stats: { totalPayed: number; totalVisited: number };
}

export interface Fault {
  /** which request it hits (default: any API call except getToken) */
  match?: (path: string, url: URL) => boolean;
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** how many matching requests get it (default 1) */
  times?: number;
}

export interface LoggedRequest {
  method: string;
  path: string;
  url: URL;
  at: number;
  status: number;
}

export class FakeMoyklass {
  readonly apiKey: string;
  tokenTtlMs = 7 * 24 * 3600_000;
  subscriptions: FakeSubscription[] = [];
  /** 402 for every list call (the company's plan has no API access) */
  planRestricted = false;
  /** return this body instead of the real page for list calls at this offset */
  malformedAtOffset: { offset: number; body: unknown } | null = null;
  readonly log: LoggedRequest[] = [];
  private faults: (Fault & { left: number })[] = [];
  private tokens = new Map<string, number>();
  private tokenSeq = 0;

  constructor(
    private readonly now: () => number,
    options: { apiKey?: string } = {},
  ) {
    this.apiKey = options.apiKey ?? 'mk-secret-key-0001';
  }

  inject(fault: Fault): void {
    this.faults.push({ ...fault, left: fault.times ?? 1 });
  }

  /** every token issued so far stops working (revoked, or the clock passed expiresAt) */
  expireAllTokens(): void {
    this.tokens.clear();
  }

  get tokensIssued(): number {
    return this.tokenSeq;
  }

  /** highest number of requests that started within any one-second window */
  maxRequestsPerSecond(): number {
    let max = 0;
    for (let i = 0; i < this.log.length; i++) {
      const start = this.log[i]?.at ?? 0;
      let n = 0;
      for (let j = i; j < this.log.length && (this.log[j]?.at ?? 0) < start + 1000; j++) n++;
      max = Math.max(max, n);
    }
    return max;
  }

  fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const req = new Request(input, init);
    const url = new URL(req.url);
    const entry: LoggedRequest = {
      method: req.method,
      path: url.pathname,
      url,
      at: this.now(),
      status: 0,
    };
    this.log.push(entry);
    const res = await this.route(req, url, entry);
    entry.status = res.status;
    return res;
  };

  private async route(req: Request, url: URL, entry: LoggedRequest): Promise<Response> {
    // the documented limit: at most 7 requests per second per company
    const recent = this.log.filter((r) => r !== entry && r.at > entry.at - 1000);
    if (recent.length >= 7) return error(429, 'TooManyRequests', 'Too many requests');

    const fault = this.faults.find(
      (f) =>
        f.left > 0 &&
        (f.match ? f.match(url.pathname, url) : url.pathname !== '/v1/company/auth/getToken'),
    );
    if (fault) {
      fault.left--;
      return new Response(fault.body === undefined ? null : JSON.stringify(fault.body), {
        status: fault.status,
        headers: { 'content-type': 'application/json', ...(fault.headers ?? {}) },
      });
    }

    if (url.pathname === '/v1/company/auth/getToken') {
      if (req.method !== 'POST') return error(404, 'NotFound', 'Not found');
      let body: unknown;
      try {
        body = await req.json();
      } catch {
        return error(400, 'RequestValidationError', 'Invalid JSON');
      }
      const key = (body as { apiKey?: unknown } | null)?.apiKey;
      if (key !== this.apiKey) return error(401, 'Unauthorized', 'Invalid apiKey');
      const token = `tok-${++this.tokenSeq}`;
      const expiresAt = this.now() + this.tokenTtlMs;
      this.tokens.set(token, expiresAt);
      return json(200, {
        accessToken: token,
        expiresAt: new Date(expiresAt).toISOString(),
        level: 'company',
      });
    }

    const token = req.headers.get('x-access-token');
    const expiresAt = token ? this.tokens.get(token) : undefined;
    if (expiresAt === undefined || expiresAt <= this.now()) {
      return error(401, 'Unauthorized', 'Access token is invalid or expired');
    }

    if (url.pathname === '/v1/company/userSubscriptions' && req.method === 'GET') {
      if (this.planRestricted) return error(402, 'LicenseRestriction', 'Not in your plan');
      return this.userSubscriptions(url);
    }
    return error(404, 'NotFound', 'Not found');
  }

  private userSubscriptions(url: URL): Response {
    const q = url.searchParams;
    const limit = Number(q.get('limit') ?? 100);
    const offset = Number(q.get('offset') ?? 0);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
      return error(400, 'RequestValidationError', 'limit must be 1..500');
    }
    if (!Number.isInteger(offset) || offset < 0) {
      return error(400, 'RequestValidationError', 'offset must be ≥ 0');
    }
    let rows = this.subscriptions;
    const userId = q.get('userId');
    if (userId !== null) rows = rows.filter((s) => String(s.userId) === userId);
    const statusIds = values(q, 'statusId').flatMap((v) => v.split(','));
    if (statusIds.length) rows = rows.filter((s) => statusIds.includes(String(s.statusId)));
    for (const field of ['sellDate', 'beginDate', 'endDate'] as const) {
      const filter = dateFilter(q, field);
      if (filter === 'invalid') {
        return error(400, 'RequestValidationError', `${field} takes one or two dates`);
      }
      if (filter) {
        rows = rows.filter((s) => {
          const d = s[field];
          return d !== null && d >= filter.from && d <= filter.to;
        });
      }
    }
    if (this.malformedAtOffset && this.malformedAtOffset.offset === offset) {
      return json(200, this.malformedAtOffset.body);
    }
    return json(200, {
      subscriptions: rows.slice(offset, offset + limit),
      stats: { totalItems: rows.length },
    });
  }
}

function values(q: URLSearchParams, key: string): string[] {
  return [...q.getAll(key), ...q.getAll(`${key}[]`)];
}

/** one date (exact) or two (range), comma-joined or the key repeated */
function dateFilter(
  q: URLSearchParams,
  key: string,
): { from: string; to: string } | null | 'invalid' {
  const dates = values(q, key).flatMap((v) => v.split(','));
  if (dates.length === 0) return null;
  if (dates.length > 2 || !dates.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))) return 'invalid';
  const [from, to] = dates as [string, string | undefined];
  return { from, to: to ?? from };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

function error(status: number, code: string, message: string): Response {
  return json(status, { code, message });
}

/** a subscription with sensible defaults */
export function fakeSubscription(
  over: Partial<FakeSubscription> & Pick<FakeSubscription, 'id' | 'userId'>,
): FakeSubscription {
  return {
    subscriptionId: 10,
    externalId: null,
    statusId: 2,
    sellDate: '2025-09-01',
    beginDate: '2025-09-01',
    endDate: '2025-12-31',
    visitCount: 8,
    price: 4000,
    stats: { totalPayed: 4000, totalVisited: 3 },
    ...over,
  };
}
