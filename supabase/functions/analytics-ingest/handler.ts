// analytics-ingest: the public pages' events (page_view, offer_view,
// slot_selected, checkout_started), sent by the pages' tracker as batches with
// sendBeacon or fetch(keepalive). The seed's path POST /api/analytics/events
// reaches this function through the site (a rewrite in production, the served
// app locally); it may also be called at /functions/v1/analytics-ingest.
// No account and no JWT (verify_jwt = false): the function guards itself, in an
// order where abuse costs least:
//   * POST only (405); the Origin must be one of the site's own origins and
//     Sec-Fetch-Site, when sent, not cross-site (403): another site's page
//     cannot post a visitor's browser here;
//   * an obvious bot by its User-Agent (src/domain/bot-user-agent.ts): 202
//     {dropped: "bot"}, nothing written;
//   * the body is read as text whatever its content type (text/plain sends no
//     preflight): over 64 KiB or over 50 events 413, not JSON (or not an array)
//     400 with the reason;
//   * each event is validated (src/domain/analytics-event.ts); a malformed one
//     is refused with {index, reason} and the rest of the batch is kept;
//   * public.analytics_ingest counts the limits (per IP and per coach site,
//     keyed by a daily HMAC: no raw IP or User-Agent is ever stored), dedups by
//     event id for ever and refuses unknown pages, stale and future times:
//     202 {accepted, duplicates, refused}, or 429 with Retry-After when a limit
//     is spent (then nothing was written).
import { z } from 'zod';
import {
  ANALYTICS_MAX_BYTES,
  ANALYTICS_MAX_EVENTS,
  type AnalyticsRefusal,
  splitAnalyticsBatch,
} from '../../../src/domain/analytics-event.ts';
import { isBotUserAgent } from '../../../src/domain/bot-user-agent.ts';
import { clientIp } from '../_shared/client-ip.ts';
import { withCors } from '../_shared/cors.ts';
import {
  HttpError,
  errorResponse,
  jsonResponse,
  readText,
  requireMethod,
} from '../_shared/http-error.ts';
import { callRpc } from '../_shared/public-form.ts';
import type { Rpc } from '../_shared/rpc.ts';

export interface AnalyticsIngestDeps {
  rpc: Rpc;
  /** the origins whose pages may send events, e.g. https://trackside.app */
  origins: readonly string[];
}

const ingestedSchema = z.object({
  accepted: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  refused: z.array(z.object({ index: z.number().int().nonnegative(), reason: z.string() })),
  retryAfter: z.number().nullable().optional(),
});

const noStore = { 'cache-control': 'no-store' };

/** each origin as URL.origin gives it (no path, no trailing slash); unusable ones left out */
export function normalizeOrigins(values: readonly (string | undefined)[]): string[] {
  const out = new Set<string>();
  for (const value of values) {
    for (const part of (value ?? '').split(',')) {
      try {
        const origin = new URL(part.trim()).origin;
        if (origin !== 'null') out.add(origin);
      } catch {
        // not a URL: no origin to allow
      }
    }
  }
  return [...out];
}

function requireOwnPage(req: Request, origins: readonly string[]): void {
  const origin = req.headers.get('origin');
  if (!origin || !origins.includes(origin)) {
    throw new HttpError(403, 'forbidden_origin', "Events come only from the site's own pages");
  }
  if (req.headers.get('sec-fetch-site') === 'cross-site') {
    throw new HttpError(403, 'forbidden_origin', 'Cross-site requests are refused');
  }
}

async function readBatch(req: Request): Promise<unknown[]> {
  const text = await readText(req, ANALYTICS_MAX_BYTES);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid_json', 'The body is not valid JSON');
  }
  if (!Array.isArray(value)) {
    throw new HttpError(400, 'invalid_request', 'Send a JSON array of events');
  }
  if (value.length > ANALYTICS_MAX_EVENTS) {
    throw new HttpError(
      413,
      'payload_too_large',
      `A batch may hold at most ${ANALYTICS_MAX_EVENTS} events`,
    );
  }
  return value;
}

export async function handleAnalyticsIngest(
  req: Request,
  deps: AnalyticsIngestDeps,
): Promise<Response> {
  try {
    requireMethod(req, 'POST');
    requireOwnPage(req, deps.origins);
    const userAgent = req.headers.get('user-agent') ?? '';
    if (isBotUserAgent(userAgent)) {
      await req.body?.cancel();
      return jsonResponse({ dropped: 'bot' }, 202, noStore);
    }
    const items = await readBatch(req);
    const { valid, refused } = splitAnalyticsBatch(items);
    let accepted = 0;
    let duplicates = 0;
    const refusals: AnalyticsRefusal[] = [...refused];
    if (valid.length) {
      const result = ingestedSchema.parse(
        await callRpc(deps.rpc, 'analytics_ingest', {
          p_events: valid.map((v) => v.event),
          p_ip: clientIp(req),
          p_user_agent: userAgent,
        }),
      );
      if (result.retryAfter !== null && result.retryAfter !== undefined) {
        const seconds = String(Math.max(1, Math.ceil(result.retryAfter)));
        return jsonResponse(
          {
            error: { code: 'too_many_requests', message: 'Too many events; try again later' },
            retryAfter: Number(seconds),
          },
          429,
          { ...noStore, 'retry-after': seconds },
        );
      }
      accepted = result.accepted;
      duplicates = result.duplicates;
      // the database numbers the events it was given; the sender knows its own batch
      for (const r of result.refused) {
        const original = valid[r.index]?.index;
        if (original !== undefined) refusals.push({ index: original, reason: r.reason });
      }
    }
    refusals.sort((a, b) => a.index - b.index);
    return jsonResponse({ accepted, duplicates, refused: refusals }, 202, noStore);
  } catch (e) {
    return errorResponse(e);
  }
}

export function createAnalyticsIngestHandler(deps: AnalyticsIngestDeps) {
  return withCors((req) => handleAnalyticsIngest(req, deps));
}
