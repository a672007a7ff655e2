// moyklass-proxy: a coach or admin of an organization asks for the Moyklass
// subscriptions of the organization's linked athletes in one season. The
// function reads the organization's API key server-side, fetches each linked
// athlete's subscriptions, keeps those overlapping the season (1 Sep–31 Aug),
// stores the snapshot per athlete and season in one transaction (the synced table
// `moyklass_subscriptions`, so the roster filter works offline) and answers with
// the same data. Nothing is stored unless every fetch succeeded.
//
// POST {orgId, season: '2025-2026', athleteIds?: uuid[]}
//   200 {orgId, season, seasonStart, seasonEnd, athletes: [{athleteId, moyklassUserId,
//        subscriptions}], unlinked: [athlete ids with no moyklass id]}
//   400/413/415 bad input · 401 no or bad token · 403 not a coach/admin of the org
//   402 the CRM plan does not allow this · 409 Moyklass not connected · 429 too many syncs
//   502 Moyklass refused the key or answered nonsense · 503 Moyklass or the database unavailable
import { z } from 'zod';
import { withCors } from '../_shared/cors.ts';
import { HttpError } from '../_shared/http-error.ts';
import { type Rpc, rpcHttpError } from '../_shared/rpc.ts';
import { type SignedInDeps, handleSignedInPost, rpcParsed } from '../_shared/signed-in-post.ts';
import {
  MoyklassClient,
  MoyklassError,
  type MoyklassOptions,
  RateLimiter,
  type TokenCache,
} from './moyklass-client.ts';
import {
  type SubscriptionSnapshot,
  overlapsSeason,
  seasonBounds,
  toSnapshot,
  userSubscriptionSchema,
} from './subscriptions.ts';

/** `callerLimiter`: the per-user budget of syncs (429 beyond it) */
export interface MoyklassProxyDeps extends SignedInDeps {
  rpc: Rpc;
  fetch: typeof fetch;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random?: () => number;
  moyklassBaseUrl?: string;
  tokenCache: TokenCache;
  /** the limiter of one company; keep it for the life of the process */
  limiterFor: (companyKey: string) => RateLimiter;
  moyklass?: MoyklassOptions;
}

export const requestSchema = z
  .object({
    orgId: z.uuid(),
    season: z
      .string()
      .regex(/^(19|20)\d{2}-(19|20)\d{2}$/, 'a season looks like 2025-2026')
      .refine((v) => Number(v.slice(5)) === Number(v.slice(0, 4)) + 1, 'consecutive years'),
    athleteIds: z.array(z.uuid()).min(1).max(1000).optional(),
  })
  .strict();

const contextSchema = z.object({
  apiKey: z.string().min(1),
  athletes: z.array(z.object({ athleteId: z.uuid(), moyklassUserId: z.number().int().positive() })),
  unlinked: z.array(z.uuid()).default([]),
});

export interface AthleteSubscriptions {
  athleteId: string;
  moyklassUserId: number;
  subscriptions: SubscriptionSnapshot[];
}

export function handleMoyklassProxy(req: Request, deps: MoyklassProxyDeps) {
  return handleSignedInPost(req, deps, requestSchema, async (input, userId) => {
    const startYear = Number(input.season.slice(0, 4));
    const { start, end } = seasonBounds(startYear);

    const context = await rpcParsed(
      deps.rpc,
      'moyklass_prepare',
      {
        p_user: userId,
        p_org: input.orgId,
        p_athlete_ids: input.athleteIds ?? null,
      },
      contextSchema,
    );

    const companyKey = `${input.orgId}:${await fingerprint(context.apiKey)}`;
    const client = new MoyklassClient(
      context.apiKey,
      companyKey,
      {
        fetch: deps.fetch,
        now: deps.now,
        sleep: deps.sleep,
        ...(deps.random ? { random: deps.random } : {}),
        ...(deps.moyklassBaseUrl ? { baseUrl: deps.moyklassBaseUrl } : {}),
        tokenCache: deps.tokenCache,
        limiter: deps.limiterFor(companyKey),
      },
      deps.moyklass,
    );

    const athletes: AthleteSubscriptions[] = [];
    try {
      for (const a of context.athletes) {
        const subs = await client.listAll(
          '/v1/company/userSubscriptions',
          // server side: began by the season's end; the rest of the overlap test below
          { userId: a.moyklassUserId, beginDate: client.dateFilter('1970-01-01', end) },
          'subscriptions',
          userSubscriptionSchema,
        );
        athletes.push({
          athleteId: a.athleteId,
          moyklassUserId: a.moyklassUserId,
          subscriptions: subs
            .filter((s) => s.userId === a.moyklassUserId && overlapsSeason(s, startYear))
            .map(toSnapshot)
            .sort(
              (x, y) =>
                (x.beginDate ?? '').localeCompare(y.beginDate ?? '') || x.moyklassId - y.moyklassId,
            ),
        });
      }
    } catch (e) {
      throw moyklassHttpError(e);
    }

    try {
      await deps.rpc('moyklass_store_snapshot', {
        p_user: userId,
        p_org: input.orgId,
        p_season: input.season,
        p_payload: {
          athleteIds: athletes.map((a) => a.athleteId),
          snapshots: athletes.flatMap((a) =>
            a.subscriptions.map((s) => ({ athleteId: a.athleteId, ...s })),
          ),
        },
      });
    } catch (e) {
      throw rpcHttpError(e);
    }

    return {
      orgId: input.orgId,
      season: input.season,
      seasonStart: start,
      seasonEnd: end,
      athletes,
      unlinked: context.unlinked,
    };
  });
}

export function createMoyklassProxyHandler(deps: MoyklassProxyDeps) {
  return withCors((req) => handleMoyklassProxy(req, deps));
}

export function moyklassHttpError(e: unknown): HttpError {
  if (e instanceof HttpError) return e;
  if (!(e instanceof MoyklassError)) return new HttpError(500, 'internal', 'Internal error');
  switch (e.kind) {
    case 'plan':
      return new HttpError(402, 'crm_plan_restriction', 'The CRM plan does not allow this');
    case 'auth':
      return new HttpError(
        502,
        'moyklass_auth',
        "Moyklass refused the organization's API key; an admin should check it",
      );
    case 'unavailable':
      return new HttpError(503, 'moyklass_unavailable', e.message, undefined, {
        'retry-after': '30',
      });
    case 'bad_response':
      return new HttpError(502, 'moyklass_bad_response', `${e.message}; nothing was stored`);
    case 'rejected':
      return new HttpError(502, 'moyklass_rejected', e.message);
  }
}

/** a short, non-reversible id of the key (the cache forgets a rotated key's token) */
async function fingerprint(secret: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(secret));
  return Array.from(new Uint8Array(digest).slice(0, 8), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}
