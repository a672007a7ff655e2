// The sync engine through the real @supabase/supabase-js client against the local
// stack's gateway, on the real tenancy schema and its RLS: first sync, local edits
// pushed, a rejection reverted, a 401 mid-flush, a lost response, and a coach who is
// removed from the club losing the club's data on the next pull.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyLocalChange } from '../../src/data/apply-local-change.ts';
import { createSupabaseTransport } from '../../src/data/create-supabase-transport.ts';
import { openUserDatabase, type UserDatabase } from '../../src/data/open-user-database.ts';
import { syncOnce } from '../../src/data/sync-once.ts';
import { SyncNetworkError } from '../../src/data/sync-errors.ts';
import { noRealtimeTransport } from '../../supabase/local/no-realtime.ts';
import { startGateway, type Harness } from './gateway-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startGateway();
});
afterAll(async () => {
  await h?.close();
});

type Fetch = typeof fetch;

function client(fetchImpl: Fetch = fetch): SupabaseClient {
  return createClient(h.url, h.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    global: { fetch: fetchImpl },
    realtime: { transport: noRealtimeTransport },
  });
}

async function signUp(c: SupabaseClient): Promise<string> {
  const email = `sync-${randomUUID().slice(0, 8)}@trackside.test`;
  const { data, error } = await c.auth.signUp({ email, password: 'correct horse battery' });
  if (error) throw error;
  if (!data.session) {
    const signIn = await c.auth.signInWithPassword({ email, password: 'correct horse battery' });
    if (signIn.error) throw signIn.error;
  }
  const { data: user } = await c.auth.getUser();
  if (!user.user) throw new Error('no user after sign-up');
  return user.user.id;
}

async function device(userId: string): Promise<UserDatabase> {
  return openUserDatabase(userId, { dexie: { indexedDB: new IDBFactory(), IDBKeyRange } });
}

async function rpc<T>(c: SupabaseClient, fn: string, args: Record<string, unknown>): Promise<T> {
  const { data, error } = await c.rpc(fn, args);
  if (error) throw new Error(`${fn}: ${error.message}`);
  return data as T;
}

describe('sync through supabase-js and the local stack', () => {
  let owner: SupabaseClient;
  let ownerId: string;
  let orgId: string;
  let groupId: string;
  let ownerDevice: UserDatabase;

  beforeAll(async () => {
    owner = client();
    ownerId = await signUp(owner);
    const org = await rpc<{ id: string }>(owner, 'create_organization', {
      p_name: 'Лёгкая атлетика',
      p_slug: `la-${randomUUID().slice(0, 8)}`,
    });
    orgId = org.id;
    ownerDevice = await device(ownerId);
  });

  it('a first sync brings the organization, membership and profile', async () => {
    const summary = await syncOnce(ownerDevice, createSupabaseTransport(owner));
    expect(summary.pull.requests).toBe(1);
    expect(await ownerDevice.store('organizations').get(orgId)).toMatchObject({ id: orgId });
    expect(await ownerDevice.store('memberships').where('org_id').equals(orgId).count()).toBe(1);
  });

  it('local edits arrive; an invalid one is rejected, reverted and listed', async () => {
    groupId = randomUUID();
    const athlete = randomUUID();
    await applyLocalChange(ownerDevice, {
      table: 'training_groups',
      op: 'insert',
      row: { id: groupId, org_id: orgId, name: 'Группа 1', season: '2025-2026' },
    });
    await applyLocalChange(ownerDevice, {
      table: 'athletes',
      op: 'insert',
      row: {
        id: athlete,
        org_id: orgId,
        group_id: groupId,
        name: 'Иван Петров',
        schedule: 'Пн 18:00',
      },
    });
    await applyLocalChange(ownerDevice, {
      table: 'athletes',
      op: 'update',
      id: athlete,
      patch: { schedule: 'Пн 25:99' },
    });
    const summary = await syncOnce(ownerDevice, createSupabaseTransport(owner));
    expect(summary.push).toMatchObject({ applied: 2, rejected: 1, requests: 1 });
    const { data } = await owner.from('athletes').select('id, name, schedule').eq('id', athlete);
    expect(data).toEqual([{ id: athlete, name: 'Иван Петров', schedule: 'Пн 18:00' }]);
    expect((await ownerDevice.store('athletes').get(athlete))?.schedule).toBe('Пн 18:00');
    expect(await ownerDevice.issues.toArray()).toMatchObject([
      { kind: 'rejected', table: 'athletes', reason: 'invalid', fields: { schedule: 'Пн 25:99' } },
    ]);
    await ownerDevice.issues.clear();
  });

  it('text the server cannot read or will not take is listed with its value; the rest and the pull go on', async () => {
    const athlete = randomUUID();
    await applyLocalChange(ownerDevice, {
      table: 'athletes',
      op: 'insert',
      row: { id: athlete, org_id: orgId, group_id: groupId, name: 'Анна Смирнова' },
    });
    // queued without the forms' checks (an older build): a NUL PostgreSQL cannot
    // read in json, and a name with a right-to-left override its check refuses
    await applyLocalChange(ownerDevice, {
      table: 'athletes',
      op: 'update',
      id: athlete,
      patch: { notes: 'травма\u0000колена' },
    });
    await applyLocalChange(ownerDevice, {
      table: 'athletes',
      op: 'update',
      id: athlete,
      patch: { name: '\u202eанвонримС' },
    });
    await applyLocalChange(ownerDevice, {
      table: 'athletes',
      op: 'update',
      id: athlete,
      patch: { schedule: 'Ср 19:00' },
    });
    // meanwhile the group is renamed elsewhere: the pull after the push brings it
    const renamed = await owner
      .from('training_groups')
      .update({ name: 'Группа 1 (старшие)' })
      .eq('id', groupId);
    expect(renamed.error).toBeNull();

    const summary = await syncOnce(ownerDevice, createSupabaseTransport(owner));
    expect(summary.push).toMatchObject({ applied: 2, rejected: 2 });
    expect(await ownerDevice.outbox.count()).toBe(0);
    expect(await ownerDevice.issues.toArray()).toMatchObject([
      { reason: 'unreadable', rowId: athlete, fields: { notes: 'травма\u0000колена' } },
      { reason: 'invalid', rowId: athlete, fields: { name: '\u202eанвонримС' } },
    ]);
    const { data } = await owner.from('athletes').select('name, notes, schedule').eq('id', athlete);
    expect(data).toEqual([{ name: 'Анна Смирнова', notes: null, schedule: 'Ср 19:00' }]);
    expect(await ownerDevice.store('athletes').get(athlete)).toMatchObject({
      name: 'Анна Смирнова',
      notes: null,
      schedule: 'Ср 19:00',
    });
    expect((await ownerDevice.store('training_groups').get(groupId))?.name).toBe(
      'Группа 1 (старшие)',
    );
    await ownerDevice.issues.clear();
  });

  it('a 401 in the middle of a flush refreshes the session once and resumes', async () => {
    let pushes = 0;
    let refreshes = 0;
    const faulty: Fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.includes('/rest/v1/rpc/sync_push') && ++pushes === 2) {
        return new Response(JSON.stringify({ code: 'PGRST303', message: 'JWT expired' }), {
          status: 401,
          headers: { 'content-type': 'application/json' },
        });
      }
      if (url.includes('grant_type=refresh_token')) refreshes++;
      return fetch(input, init);
    };
    const c = client(faulty);
    const { data } = await owner.auth.getSession();
    await c.auth.setSession({
      access_token: data.session?.access_token ?? '',
      refresh_token: data.session?.refresh_token ?? '',
    });
    for (let i = 0; i < 260; i++) {
      await applyLocalChange(ownerDevice, {
        table: 'athletes',
        op: 'insert',
        row: { id: randomUUID(), org_id: orgId, group_id: groupId, name: `Спортсмен ${i}` },
      });
    }
    const summary = await syncOnce(ownerDevice, createSupabaseTransport(c));
    expect(refreshes).toBe(1);
    expect(summary.push).toMatchObject({ applied: 260, rejected: 0 });
    expect(await ownerDevice.outbox.count()).toBe(0);
    // the refreshed session is the one the owner's client keeps using
    const session = await c.auth.getSession();
    await owner.auth.setSession({
      access_token: session.data.session?.access_token ?? '',
      refresh_token: session.data.session?.refresh_token ?? '',
    });
  });

  it('a response lost after the server committed is not applied twice', async () => {
    let dropped = false;
    const faulty: Fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      const response = await fetch(input, init);
      if (!dropped && url.includes('/rest/v1/rpc/sync_push')) {
        dropped = true;
        throw new TypeError('fetch failed');
      }
      return response;
    };
    const c = client(faulty);
    const { data } = await owner.auth.getSession();
    await c.auth.setSession({
      access_token: data.session?.access_token ?? '',
      refresh_token: data.session?.refresh_token ?? '',
    });
    const id = randomUUID();
    await applyLocalChange(ownerDevice, {
      table: 'athletes',
      op: 'insert',
      row: { id, org_id: orgId, group_id: groupId, name: 'Один раз' },
    });
    await expect(syncOnce(ownerDevice, createSupabaseTransport(c))).rejects.toBeInstanceOf(
      SyncNetworkError,
    );
    const summary = await syncOnce(ownerDevice, createSupabaseTransport(c));
    expect(summary.push).toMatchObject({ applied: 1, rejected: 0 });
    expect(await ownerDevice.issues.count()).toBe(0);
    const { count } = await owner
      .from('athletes')
      .select('id', { count: 'exact', head: true })
      .eq('name', 'Один раз');
    expect(count).toBe(1);
  });

  it('a flush does not come back: the pull leaves out rows the device holds as stored', async () => {
    const complete = Array.from({ length: 5 }, (_, i) => ({
      id: randomUUID(),
      org_id: orgId,
      group_id: groupId,
      name: `Эхо ${i}`,
      status: 'active',
      schedule: 'Ср 19:00',
    }));
    // no status: the server fills its default, so the device must be sent the row
    const partial = { id: randomUUID(), org_id: orgId, group_id: groupId, name: 'Без статуса' };
    for (const row of [...complete, partial]) {
      await applyLocalChange(ownerDevice, { table: 'athletes', op: 'insert', row });
    }
    const summary = await syncOnce(ownerDevice, createSupabaseTransport(owner));
    expect(summary.push).toMatchObject({ applied: 6, rejected: 0 });
    expect(summary.pull.rows).toBe(1);
    // the device's digests match the server's: no table needed reconciling
    expect(summary.pull.reconciled).toEqual([]);
    expect((await ownerDevice.store('athletes').get(partial.id))?.status).toBe('active');

    // what the device holds is what the server holds, column for column
    const { data } = await owner
      .from('athletes')
      .select(
        'id, org_id, group_id, user_id, name, season, status, schedule, rank_start, rank_end, moyklass_user_id, notes',
      )
      .in(
        'id',
        complete.map((r) => r.id),
      );
    for (const server of data ?? []) {
      const local = await ownerDevice.store('athletes').get(server.id as string);
      for (const [column, value] of Object.entries(server)) {
        expect(local?.[column] ?? null, column).toEqual(value);
      }
    }
    expect(data).toHaveLength(5);

    // another device of the same user is sent every row
    const second = await device(ownerId);
    await syncOnce(second, createSupabaseTransport(owner));
    expect(await second.store('athletes').bulkGet(complete.map((r) => r.id))).not.toContain(
      undefined,
    );
    second.close();
  });

  it("a coach removed from the club loses the club's data, and an offline edit is reported", async () => {
    const coach = client();
    const coachId = await signUp(coach);
    const invitation = await rpc<{ code: string }>(owner, 'create_invitation', {
      p_org_id: orgId,
      p_role: 'coach',
    });
    const membership = await rpc<{ id: string }>(coach, 'accept_invitation', {
      p_code_or_token: invitation.code,
    });
    // the owner assigns the coach to the group, through sync like any edit
    await applyLocalChange(ownerDevice, {
      table: 'training_group_coaches',
      op: 'insert',
      row: { id: randomUUID(), org_id: orgId, group_id: groupId, user_id: coachId },
    });
    await syncOnce(ownerDevice, createSupabaseTransport(owner));

    const coachDevice = await device(coachId);
    await syncOnce(coachDevice, createSupabaseTransport(coach));
    const athletes = await coachDevice.store('athletes').where('org_id').equals(orgId).toArray();
    expect(athletes.length).toBeGreaterThan(200);
    const target = athletes[0];
    if (!target) throw new Error('no athlete');

    // offline, the coach edits; meanwhile the owner removes the coach from the club
    await applyLocalChange(coachDevice, {
      table: 'athletes',
      op: 'update',
      id: target.id,
      patch: { notes: 'пропустил тренировку' },
    });
    await rpc(owner, 'remove_member', { p_membership_id: membership.id });

    const summary = await syncOnce(coachDevice, createSupabaseTransport(coach));
    expect(summary.push.rejected).toBe(1);
    expect(await coachDevice.issues.toArray()).toMatchObject([
      {
        kind: 'rejected',
        reason: 'forbidden',
        rowId: target.id,
        fields: { notes: 'пропустил тренировку' },
      },
    ]);
    expect(await coachDevice.store('athletes').where('org_id').equals(orgId).count()).toBe(0);
    expect(await coachDevice.store('training_groups').where('org_id').equals(orgId).count()).toBe(
      0,
    );
    const { data } = await owner.from('athletes').select('notes').eq('id', target.id);
    expect(data).toEqual([{ notes: null }]);
  });
  it("an athlete moved to another coach's group leaves the first coach's device and reaches the second's", async () => {
    const coaches = [client(), client()];
    const ids: string[] = [];
    const devices: UserDatabase[] = [];
    const groups: string[] = [randomUUID(), randomUUID()];
    const athlete = randomUUID();
    for (const [i, c] of coaches.entries()) {
      const id = await signUp(c);
      ids.push(id);
      const invitation = await rpc<{ code: string }>(owner, 'create_invitation', {
        p_org_id: orgId,
        p_role: 'coach',
      });
      await rpc(c, 'accept_invitation', { p_code_or_token: invitation.code });
      await applyLocalChange(ownerDevice, {
        table: 'training_groups',
        op: 'insert',
        row: { id: groups[i] ?? '', org_id: orgId, name: `Группа ${i + 2}` },
      });
      await applyLocalChange(ownerDevice, {
        table: 'training_group_coaches',
        op: 'insert',
        row: { id: randomUUID(), org_id: orgId, group_id: groups[i], user_id: id },
      });
    }
    await applyLocalChange(ownerDevice, {
      table: 'athletes',
      op: 'insert',
      row: { id: athlete, org_id: orgId, group_id: groups[0], name: 'Переходит' },
    });
    await syncOnce(ownerDevice, createSupabaseTransport(owner));
    for (const [i, c] of coaches.entries()) {
      const d = await device(ids[i] ?? '');
      devices.push(d);
      await syncOnce(d, createSupabaseTransport(c));
    }
    expect(await devices[0]?.store('athletes').get(athlete)).toBeDefined();
    expect(await devices[1]?.store('athletes').get(athlete)).toBeUndefined();

    await applyLocalChange(ownerDevice, {
      table: 'athletes',
      op: 'update',
      id: athlete,
      patch: { group_id: groups[1] },
    });
    await syncOnce(ownerDevice, createSupabaseTransport(owner));
    for (const [i, c] of coaches.entries()) {
      const d = devices[i];
      if (d) await syncOnce(d, createSupabaseTransport(c));
    }
    expect(await devices[0]?.store('athletes').get(athlete)).toBeUndefined();
    expect((await devices[1]?.store('athletes').get(athlete))?.group_id).toBe(groups[1]);
  });
});
