import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PostgrestError, SupabaseClient } from '@supabase/supabase-js';
import { readMyOrganizationsCache, writeMyOrganizationsCache } from './my-organizations-cache.ts';
import { errorStrings } from '../i18n/error-strings.ts';

// the shape of the two flat selects below; the value rules live in
// src/domain/organization.ts and the database checks them on write. Checked by
// hand, not with zod: the home page is a first screen, and zod weighs 26 kB.
interface MembershipRow {
  id: string;
  org_id: string;
  role: string;
  left_at: string | null;
}
interface OrganizationRow {
  id: string;
  name: string;
  kind: string;
  slug: string | null;
  time_zone: string;
}
type Shape<T> = { [K in keyof T]: 'text' | 'text or null' };
const membershipRow: Shape<MembershipRow> = {
  id: 'text',
  org_id: 'text',
  role: 'text',
  left_at: 'text or null',
};
const organizationRow: Shape<OrganizationRow> = {
  id: 'text',
  name: 'text',
  kind: 'text',
  slug: 'text or null',
  time_zone: 'text',
};

/** the rows of a select, each with the shape's columns, or an error naming the first that is not */
function rowsOf<T>(data: unknown, shape: Shape<T>): T[] {
  if (!Array.isArray(data)) throw new TypeError('the answer is not a list of rows');
  for (const row of data as unknown[]) {
    const record = (typeof row === 'object' && row !== null ? row : {}) as Record<string, unknown>;
    for (const [column, kind] of Object.entries(shape)) {
      const value = record[column];
      if (typeof value !== 'string' && !(kind === 'text or null' && value === null)) {
        throw new TypeError(`the answer's ${column} is not ${String(kind)}`);
      }
    }
  }
  return data as T[];
}

export interface MyOrganization {
  membershipId: string;
  orgId: string;
  name: string;
  kind: string;
  slug: string | null;
  timeZone: string;
  role: string;
}

export type MyOrganizationsState =
  | { status: 'idle' }
  | { status: 'loading'; items: MyOrganization[] | null }
  | { status: 'ready'; items: MyOrganization[]; stale: boolean }
  | { status: 'error'; message: string; network: boolean };

/**
 * The signed-in user's current organizations and their role in each. Two flat
 * selects joined here (the local gateway serves no embedded resources). The last
 * good answer is kept per user so a cold start offline still lists the clubs.
 */
export class MyOrganizationsController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #generation = 0;
  state: MyOrganizationsState = { status: 'idle' };

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    // drop answers that arrive after the page went away
    this.#generation++;
  }

  /**
   * Before the client has loaded: the last good list, if there is one, while
   * the page waits to ask the server. Never replaces an answer already given.
   */
  showCached(userId: string): void {
    if (this.state.status !== 'idle') return;
    const cached = readMyOrganizationsCache(userId);
    if (cached) this.#set({ status: 'loading', items: cached });
  }

  async load(client: SupabaseClient, userId: string): Promise<void> {
    // a later load (another user, a retry) wins over one still in flight
    const generation = ++this.#generation;
    const cached = readMyOrganizationsCache(userId);
    // known offline: answer from the cache at once instead of waiting out
    // postgrest-js's retries; the page loads again when the network is back
    if (!navigator.onLine) {
      if (cached) this.#set({ status: 'ready', items: cached, stale: true });
      else this.#set({ status: 'error', message: errorStrings.network, network: true });
      return;
    }
    this.#set({ status: 'loading', items: cached });
    try {
      const items = await fetchMyOrganizations(client, userId);
      if (generation !== this.#generation) return;
      writeMyOrganizationsCache(userId, items);
      this.#set({ status: 'ready', items, stale: false });
    } catch (error) {
      if (generation !== this.#generation) return;
      const network = isNetworkError(error);
      if (cached && network) this.#set({ status: 'ready', items: cached, stale: true });
      else this.#set({ status: 'error', message: errorMessage(error), network });
    }
  }

  #set(state: MyOrganizationsState): void {
    this.state = state;
    this.#host.requestUpdate();
  }
}

class QueryError extends Error {
  readonly network: boolean;
  constructor(error: PostgrestError, status: number) {
    super(error.message);
    // postgrest-js reports a fetch that never reached the server as status 0
    this.network = status === 0;
  }
}

async function fetchMyOrganizations(
  client: SupabaseClient,
  userId: string,
): Promise<MyOrganization[]> {
  const memberships = await client
    .from('memberships')
    .select('id,org_id,role,left_at')
    .eq('user_id', userId);
  if (memberships.error) throw new QueryError(memberships.error, memberships.status);
  const current = rowsOf(memberships.data, membershipRow).filter((m) => m.left_at === null);
  if (current.length === 0) return [];

  const organizations = await client
    .from('organizations')
    .select('id,name,kind,slug,time_zone')
    .in(
      'id',
      current.map((m) => m.org_id),
    );
  if (organizations.error) throw new QueryError(organizations.error, organizations.status);
  const byId = new Map(rowsOf(organizations.data, organizationRow).map((o) => [o.id, o]));

  const items: MyOrganization[] = [];
  for (const m of current) {
    const org = byId.get(m.org_id);
    if (!org) continue;
    items.push({
      membershipId: m.id,
      orgId: org.id,
      name: org.name,
      kind: org.kind,
      slug: org.slug,
      timeZone: org.time_zone,
      role: m.role,
    });
  }
  return items.sort((a, b) => a.name.localeCompare(b.name, 'ru'));
}

function isNetworkError(error: unknown): boolean {
  return error instanceof QueryError ? error.network : error instanceof TypeError;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
