// Feature flags, read and written on the server: they are not synced (the
// platform's business, not a club's), row-level security gives the three tables
// to platform admins only, and the database's triggers keep a retired flag as it
// was and audit every change. Organizations come from the platform's look-ups
// (platform_find_organizations, platform_organizations), since the admins cannot
// read other organizations through RLS. The only file of the feature that touches
// supabase-js.
import { z } from 'zod';
import { callRpc } from '../../data/call-rpc.ts';
import { describeError, type ErrorDescription } from '../../data/describe-error.ts';
import type { AppClient } from '../../data/supabase-client.ts';
import { sortFlags } from '../../domain/feature-flag.ts';
import { inFlagWords, nothingChanged } from './feature-flags-refusal.ts';

export type Loaded<T> = { ok: true; value: T } | { ok: false; error: ErrorDescription };

const flagSchema = z.object({
  key: z.string(),
  description: z.string(),
  owner: z.string(),
  stability: z.string(),
  enforcement: z.string(),
  enabled: z.boolean(),
  rollout_percent: z.number().int().nullable(),
  retire_after: z.string().nullable(),
  retired_at: z.string().nullable(),
});
export type Flag = z.output<typeof flagSchema>;

const ruleSchema = z.object({
  flag_key: z.string(),
  org_kind: z.string(),
  enabled: z.boolean(),
  rollout_percent: z.number().int().nullable(),
});
export type FlagRule = z.output<typeof ruleSchema>;

const overrideSchema = z.object({
  flag_key: z.string(),
  org_id: z.string(),
  enabled: z.boolean(),
  note: z.string(),
});

const organizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  slug: z.string(),
});
export type PlatformOrganization = z.output<typeof organizationSchema>;

/** an override with the organization it is for (null when that is gone) */
export type FlagOverride = z.output<typeof overrideSchema> & {
  organization: PlatformOrganization | null;
};

export type FlagWithTargets = Flag & { rules: FlagRule[]; overrides: FlagOverride[] };

const checkRowSchema = z.object({
  key: z.string(),
  value: z.boolean(),
  reason: z.string().nullable(),
  variant: z.string().nullable(),
  bucket: z.number().int().nullable(),
});
export type FlagCheckRow = z.output<typeof checkRowSchema>;

const FLAG_COLUMNS =
  'key,description,owner,stability,enforcement,enabled,rollout_percent,retire_after,retired_at';

function refused<T>(error: unknown, status?: number): Loaded<T> {
  return { ok: false, error: inFlagWords(describeError(error, status)) };
}

/**
 * Every flag (or the one with `key`) with its rules and overrides, the overrides
 * named by their organizations; in use first, then retired, each by key.
 */
export async function loadFlags(
  client: AppClient,
  key?: string,
): Promise<Loaded<FlagWithTargets[]>> {
  try {
    let flags = client.from('feature_flags').select(FLAG_COLUMNS);
    let rules = client
      .from('feature_flag_rules')
      .select('flag_key,org_kind,enabled,rollout_percent');
    let overrides = client.from('feature_flag_overrides').select('flag_key,org_id,enabled,note');
    if (key !== undefined) {
      flags = flags.eq('key', key);
      rules = rules.eq('flag_key', key);
      overrides = overrides.eq('flag_key', key);
    }
    const [f, r, o] = await Promise.all([
      flags,
      rules.order('org_kind'),
      overrides.order('updated_at'),
    ]);
    if (f.error) return refused(f.error, f.status);
    if (r.error) return refused(r.error, r.status);
    if (o.error) return refused(o.error, o.status);
    const overrideRows = z.array(overrideSchema).parse(o.data);
    const named = await organizationsById([...new Set(overrideRows.map((x) => x.org_id))]);
    if (!named.ok) return named;
    const byId = new Map(named.value.map((org) => [org.id, org]));
    const ruleRows = z.array(ruleSchema).parse(r.data);
    return {
      ok: true,
      value: sortFlags(z.array(flagSchema).parse(f.data)).map((flag) => ({
        ...flag,
        rules: ruleRows.filter((x) => x.flag_key === flag.key),
        overrides: overrideRows
          .filter((x) => x.flag_key === flag.key)
          .map((x) => ({ ...x, organization: byId.get(x.org_id) ?? null })),
      })),
    };
  } catch (error) {
    return refused(error);
  }

  async function organizationsById(ids: string[]): Promise<Loaded<PlatformOrganization[]>> {
    if (ids.length === 0) return { ok: true, value: [] };
    const res = await callRpc(client, 'platform_organizations', { p_ids: ids });
    if (!res.ok) return { ok: false, error: inFlagWords(res.error) };
    return { ok: true, value: z.array(organizationSchema).parse(res.data) };
  }
}

/** at most 20 organizations whose name holds the query (2 characters or more) */
export async function findOrganizations(
  client: AppClient,
  query: string,
): Promise<Loaded<PlatformOrganization[]>> {
  const res = await callRpc(client, 'platform_find_organizations', { p_query: query });
  if (!res.ok) return { ok: false, error: inFlagWords(res.error) };
  const parsed = z.array(organizationSchema).safeParse(res.data);
  return parsed.success ? { ok: true, value: parsed.data } : refused(parsed.error);
}

/** every flag's value for one organization, with why and its bucket */
export async function checkOrganization(
  client: AppClient,
  orgId: string,
): Promise<Loaded<FlagCheckRow[]>> {
  const res = await callRpc(client, 'feature_flags_for', { p_org: orgId });
  if (!res.ok) return { ok: false, error: inFlagWords(res.error) };
  const parsed = z.array(checkRowSchema).safeParse(res.data);
  return parsed.success ? { ok: true, value: parsed.data } : refused(parsed.error);
}

export interface NewFlag {
  key: string;
  description: string;
  owner: string;
  stability: string;
  enforcement: string;
  enabled: boolean;
  rollout_percent: number | null;
}

/** one write; `rows` is what it returned, so a write that reached no row is told */
async function write(
  run: () => PromiseLike<{ error: unknown; status: number; data: unknown[] | null }>,
): Promise<Loaded<void>> {
  try {
    const { error, status, data } = await run();
    if (error) return refused(error, status);
    if (!data || data.length === 0) return { ok: false, error: nothingChanged() };
    return { ok: true, value: undefined };
  } catch (error) {
    return refused(error);
  }
}

export function addFlag(client: AppClient, flag: NewFlag): Promise<Loaded<void>> {
  return write(() => client.from('feature_flags').insert(flag).select('key'));
}

/** a flag's own value and rollout */
export function setFlagDefault(
  client: AppClient,
  key: string,
  enabled: boolean,
  rolloutPercent: number | null,
): Promise<Loaded<void>> {
  return write(() =>
    client
      .from('feature_flags')
      .update({ enabled, rollout_percent: rolloutPercent })
      .eq('key', key)
      .select('key'),
  );
}

/** retires a flag for good: the database keeps it as it is from now on */
export function retireFlag(client: AppClient, key: string, now: Date): Promise<Loaded<void>> {
  return write(() =>
    client
      .from('feature_flags')
      .update({ retired_at: now.toISOString() })
      .eq('key', key)
      .select('key'),
  );
}

export function addRule(client: AppClient, rule: FlagRule): Promise<Loaded<void>> {
  return write(() => client.from('feature_flag_rules').insert(rule).select('flag_key'));
}

export function setRule(client: AppClient, rule: FlagRule): Promise<Loaded<void>> {
  return write(() =>
    client
      .from('feature_flag_rules')
      .update({ enabled: rule.enabled, rollout_percent: rule.rollout_percent })
      .eq('flag_key', rule.flag_key)
      .eq('org_kind', rule.org_kind)
      .select('flag_key'),
  );
}

export function removeRule(client: AppClient, key: string, kind: string): Promise<Loaded<void>> {
  return write(() =>
    client
      .from('feature_flag_rules')
      .delete()
      .eq('flag_key', key)
      .eq('org_kind', kind)
      .select('flag_key'),
  );
}

export interface OverrideInput {
  flag_key: string;
  org_id: string;
  enabled: boolean;
  note: string;
}

export function addOverride(client: AppClient, o: OverrideInput): Promise<Loaded<void>> {
  return write(() => client.from('feature_flag_overrides').insert(o).select('flag_key'));
}

export function setOverride(client: AppClient, o: OverrideInput): Promise<Loaded<void>> {
  return write(() =>
    client
      .from('feature_flag_overrides')
      .update({ enabled: o.enabled, note: o.note })
      .eq('flag_key', o.flag_key)
      .eq('org_id', o.org_id)
      .select('flag_key'),
  );
}

export function removeOverride(
  client: AppClient,
  key: string,
  orgId: string,
): Promise<Loaded<void>> {
  return write(() =>
    client
      .from('feature_flag_overrides')
      .delete()
      .eq('flag_key', key)
      .eq('org_id', orgId)
      .select('flag_key'),
  );
}
