// The id of an attendance mark, derived from its natural key (session, athlete)
// as an RFC 4122 version-5 uuid: SHA-1 over a fixed namespace and the name
// "<session uuid>/<athlete uuid>" (lowercase). Two devices that mark the same
// athlete offline create the same row; the server merges the second insert into
// the first field by field (the attendance table's merge hook in `sync.tables`,
// `private.attendance_merge`) instead of refusing a duplicate. Web Crypto's SHA-1
// exists in browsers, Node and Deno.

/** the namespace of Trackside attendance ids (a random v4 uuid, fixed forever) */
export const ATTENDANCE_NAMESPACE = '4f0b6a55-3c1e-4d2a-9a57-2d1c8e6b7f10';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidBytes(uuid: string): Uint8Array {
  if (!uuidPattern.test(uuid)) throw new RangeError(`not a uuid: ${uuid}`);
  const hex = uuid.replace(/-/g, '');
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** a version-5 uuid of `name` in `namespace` (RFC 4122 §4.3) */
export async function uuidV5(namespace: string, name: string): Promise<string> {
  const ns = uuidBytes(namespace);
  const text = new TextEncoder().encode(name);
  const input = new Uint8Array(ns.length + text.length);
  input.set(ns, 0);
  input.set(text, ns.length);
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-1', input));
  const b = hash.slice(0, 16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x50;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** the id every device gives the mark of `athleteId` in `sessionId` */
export async function attendanceId(sessionId: string, athleteId: string): Promise<string> {
  uuidBytes(sessionId);
  uuidBytes(athleteId);
  return uuidV5(ATTENDANCE_NAMESPACE, `${sessionId.toLowerCase()}/${athleteId.toLowerCase()}`);
}
