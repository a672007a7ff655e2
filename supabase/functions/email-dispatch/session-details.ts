// What a cancellation email says about its session when the outbox row does not:
// an occurrence the coach cancelled is queued by `cancel_session` with its time
// and room only, while a booking's emails carry the club, title and coach too.
// Read with the service role through PostgREST, plain selects (the local gateway
// serves no embedded resources).

export interface SessionDetails {
  organization: string | null;
  title: string | null;
  room: string | null;
  coachName: string | null;
}

export type SessionDetailsReader = (sessionId: string) => Promise<SessionDetails | null>;

type Row = Record<string, unknown>;
const text = (row: Row | undefined, key: string): string | null =>
  typeof row?.[key] === 'string' && row[key] !== '' ? (row[key] as string) : null;

/** the session's club, title, room and coach; null when it cannot be read (the email goes as it is) */
export function postgrestSessionDetails(
  baseUrl: string,
  serviceKey: string,
  fetchImpl: typeof fetch = fetch,
): SessionDetailsReader {
  const root = baseUrl.replace(/\/+$/, '');
  const one = async (table: string, id: string, columns: string): Promise<Row | undefined> => {
    const url = `${root}/rest/v1/${table}?id=eq.${encodeURIComponent(id)}&select=${columns}`;
    const res = await fetchImpl(url, {
      headers: {
        apikey: serviceKey,
        authorization: `Bearer ${serviceKey}`,
        accept: 'application/json',
      },
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) return undefined;
    const rows = (await res.json()) as unknown;
    return Array.isArray(rows) ? (rows[0] as Row | undefined) : undefined;
  };
  return async (sessionId) => {
    try {
      const session = await one('training_sessions', sessionId, 'org_id,title,room,coach_id');
      if (!session) return null;
      const orgId = text(session, 'org_id');
      const coachId = text(session, 'coach_id');
      const [org, coach] = await Promise.all([
        orgId ? one('organizations', orgId, 'name') : undefined,
        coachId ? one('profiles', coachId, 'display_name') : undefined,
      ]);
      return {
        organization: text(org, 'name'),
        title: text(session, 'title'),
        room: text(session, 'room'),
        coachName: text(coach, 'display_name'),
      };
    } catch {
      return null;
    }
  };
}

/**
 * The payload with what the session adds where the payload is silent: a
 * cancellation without its club gets the club, title, room and coach.
 */
export async function withSessionDetails(
  kind: string,
  payload: Record<string, unknown>,
  read: SessionDetailsReader | undefined,
): Promise<Record<string, unknown>> {
  const sessionId = payload['sessionId'];
  if (!read || kind !== 'booking_cancellation' || typeof sessionId !== 'string') return payload;
  if (typeof payload['organization'] === 'string') return payload;
  const details = await read(sessionId);
  if (!details) return payload;
  const filled: Record<string, unknown> = { ...payload };
  for (const [key, value] of Object.entries(details)) {
    if (value !== null && (filled[key] === undefined || filled[key] === null)) filled[key] = value;
  }
  return filled;
}
