// What the club dashboard and the challenge screens read and write. The club, the
// user's role there, the club's challenges and the user's own entries come from
// the device (synced: club_challenges and club_challenge_participants,
// 20261207171000_club_challenges.sql), so the challenge list shows offline. The
// dashboard (club_dashboard, 20261207170000), a member's progress
// (my_club_challenges) and the leaderboard (club_challenge_leaderboard) are read
// from the server, and every change goes through the challenge RPCs; the sync
// brings the rows back. Answers are checked with zod, not trusted. Whether
// running_clubs is on for a club is my_feature_flags(): with it off the tables
// return nothing, so "no challenges" and "feature off" are told apart only there.
import { z } from 'zod';
import type { ChallengeInput } from '../../domain/club-challenge.ts';
import { isRole } from '../../domain/organization.ts';
import { callRpc } from '../../data/call-rpc.ts';
import { describeError, type ErrorDescription } from '../../data/describe-error.ts';
import { isCurrentMembership, isLive } from '../../data/live-rows.ts';
import { observeLocal, type LocalSubscription } from '../../data/observe-local.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';
import type { AppClient } from '../../data/supabase-client.ts';
import type { ClubChallengeRow } from '../../data/synced-rows.ts';
import type { AdminData } from '../admin/index.ts';

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorDescription };
export type { ClubChallengeRow };

/** the flag that turns running clubs' features on and off, per club */
export const CLUBS_FEATURE = 'running_clubs';

// ---------------------------------------------------------------- the device

export interface ClubFrame {
  /** the club, its zone and the user's role there (the admin gate's input) */
  admin: AdminData;
  /** the club's challenges, newest first */
  challenges: ClubChallengeRow[];
  /** the user's own entry per challenge id (joined, shown on the leaderboard) */
  entries: Map<string, { onLeaderboard: boolean }>;
}

/** the club, the user's role, its challenges and the user's entries, from the device */
export function observeClubFrame(
  engine: SyncEngine,
  orgId: string,
  onChange: (frame: ClubFrame) => void,
): LocalSubscription {
  const db = engine.db;
  return observeLocal(
    async (): Promise<ClubFrame> => {
      const [org, memberships, challenges, entries] = await Promise.all([
        db.rows('organizations').get(orgId),
        db.rows('memberships').where('org_id').equals(orgId).toArray(),
        db.rows('club_challenges').where('org_id').equals(orgId).toArray(),
        db.rows('club_challenge_participants').where('user_id').equals(engine.userId).toArray(),
      ]);
      const live = org !== undefined && isLive(org);
      const role = memberships
        .filter(isCurrentMembership)
        .find((m) => m.user_id === engine.userId)?.role;
      return {
        admin: {
          orgId,
          orgName: live ? org.name : '',
          timeZone: (live && org.time_zone) || 'Europe/Moscow',
          myRole: isRole(role) ? role : null,
          members: [],
          groups: [],
        },
        challenges: challenges
          .filter(isLive)
          .sort((a, b) => b.starts_on.localeCompare(a.starts_on) || a.title.localeCompare(b.title)),
        entries: new Map(
          entries
            .filter((e) => isLive(e) && e.org_id === orgId)
            .map((e) => [e.challenge_id, { onLeaderboard: e.on_leaderboard }]),
        ),
      };
    },
    onChange,
    'club challenges',
  );
}

// ---------------------------------------------------------------- the server

/** whether running_clubs is on for the club, as the server says */
async function featureOn(client: AppClient, orgId: string): Promise<Result<boolean>> {
  const flags = await callRpc(client, 'my_feature_flags', {});
  if (!flags.ok) return flags;
  return {
    ok: true,
    value: flags.data.some((f) => f.key === CLUBS_FEATURE && f.org_id === orgId),
  };
}

const count = z.coerce.number().int();
const dashboardSchema = z.object({
  club: z.object({ id: z.string(), name: z.string(), time_zone: z.string() }),
  members: z.object({
    total: count,
    by_role: z.record(z.string(), count),
    newest: z.array(
      z.object({ user_id: z.string(), name: z.string(), role: z.string(), joined_at: z.string() }),
    ),
  }),
  seats: z.object({
    total: count,
    taken: count,
    pools: z.array(
      z.object({
        id: z.string(),
        plan_title: z.string().nullable(),
        seller_name: z.string().nullable(),
        seats: count,
        claimed: count,
        status: z.string(),
      }),
    ),
  }),
  purchases: z.object({
    count,
    latest: z
      .object({ at: z.string().nullable(), name: z.string(), plan_title: z.string() })
      .nullable(),
  }),
  activity: z.object({
    since: z.string(),
    until: z.string(),
    sessions_marked: count,
    visits: count,
    workouts_logged: count.nullable(),
    workouts_suppressed: z.boolean(),
  }),
});
export type ClubDashboard = z.infer<typeof dashboardSchema>;

/** the club's dashboard for its admins; null when running_clubs is off for it */
export async function loadDashboard(
  client: AppClient,
  orgId: string,
): Promise<Result<ClubDashboard | null>> {
  try {
    const on = await featureOn(client, orgId);
    if (!on.ok) return on;
    if (!on.value) return { ok: true, value: null };
    const answer = await callRpc(client, 'club_dashboard', { p_club: orgId });
    if (!answer.ok) return answer;
    return { ok: true, value: dashboardSchema.parse(answer.data) };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

const standingRow = z.object({
  challenge_id: z.string(),
  joined: z.boolean(),
  on_leaderboard: z.boolean(),
  progress: z.coerce.number(),
});
export type Standing = z.infer<typeof standingRow>;

/** the user's own progress in each of the club's challenges; null when the feature is off */
export async function loadStandings(
  client: AppClient,
  orgId: string,
): Promise<Result<Map<string, Standing> | null>> {
  try {
    const on = await featureOn(client, orgId);
    if (!on.ok) return on;
    if (!on.value) return { ok: true, value: null };
    const answer = await callRpc(client, 'my_club_challenges', { p_club: orgId });
    if (!answer.ok) return answer;
    const rows = z.array(standingRow).parse(answer.data);
    return { ok: true, value: new Map(rows.map((r) => [r.challenge_id, r])) };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

const leaderRow = z.object({
  place: z.number().int(),
  user_id: z.string(),
  display_name: z.string(),
  progress: z.coerce.number(),
  is_me: z.boolean(),
});
export type LeaderRow = z.infer<typeof leaderRow>;

/** a challenge's leaderboard: those shown on it, by progress */
export async function loadLeaderboard(
  client: AppClient,
  challengeId: string,
): Promise<Result<LeaderRow[]>> {
  try {
    const answer = await callRpc(client, 'club_challenge_leaderboard', {
      p_challenge: challengeId,
    });
    if (!answer.ok) return answer;
    return { ok: true, value: z.array(leaderRow).parse(answer.data) };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

async function done(
  call: Promise<{ ok: true; data: unknown } | { ok: false; error: ErrorDescription }>,
): Promise<Result<void>> {
  const result = await call;
  return result.ok ? { ok: true, value: undefined } : result;
}

/** a club admin sets a challenge */
export async function createChallenge(
  client: AppClient,
  orgId: string,
  input: ChallengeInput,
): Promise<Result<string>> {
  const answer = await callRpc(client, 'create_club_challenge', {
    p_club: orgId,
    p_title: input.title,
    p_metric: input.metric,
    p_starts_on: input.startsOn,
    p_ends_on: input.endsOn,
    p_target: input.target,
  });
  return answer.ok ? { ok: true, value: z.string().parse(answer.data) } : answer;
}

/** the member joins, shown on the leaderboard or not */
export function joinChallenge(
  client: AppClient,
  challengeId: string,
  onLeaderboard: boolean,
): Promise<Result<void>> {
  return done(
    callRpc(client, 'join_club_challenge', {
      p_challenge: challengeId,
      p_on_leaderboard: onLeaderboard,
    }),
  );
}

/** the member shows on the leaderboard or leaves it */
export function setOnLeaderboard(
  client: AppClient,
  challengeId: string,
  onLeaderboard: boolean,
): Promise<Result<void>> {
  return done(
    callRpc(client, 'set_club_challenge_leaderboard', {
      p_challenge: challengeId,
      p_on_leaderboard: onLeaderboard,
    }),
  );
}

/** the member leaves the challenge */
export function leaveChallenge(client: AppClient, challengeId: string): Promise<Result<void>> {
  return done(callRpc(client, 'leave_club_challenge', { p_challenge: challengeId }));
}

/** a club admin takes a challenge down */
export function deleteChallenge(client: AppClient, challengeId: string): Promise<Result<void>> {
  return done(callRpc(client, 'delete_club_challenge', { p_challenge: challengeId }));
}
