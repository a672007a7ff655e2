// The coach's page and session types, straight from the server under RLS: these
// tables are not synced (a public page is an online thing), so this page works
// online only and says so offline. Writes are plain inserts and updates of the
// columns a coach is granted (20261206150000_storefront_core.sql); the slug
// trigger answers a taken address with hint `slug_taken`.
import {
  type StorageProblem,
  coachPhotoUrl,
  removeCoachPhoto,
  uploadCoachPhoto,
} from '../../data/storage.ts';
import type { AppClient } from '../../data/supabase-client.ts';
import { describeError, type ErrorDescription } from '../../data/describe-error.ts';
import type { CoachPageForm, SessionTypeForm } from '../../domain/coach-page-form.ts';

export interface MyCoachPage {
  id: string;
  org_id: string;
  slug: string;
  published: boolean;
  display_name: string;
  photo_path: string | null;
  bio: string;
  sports: string[];
  certifications: string[];
  place: string | null;
  languages: string[];
}

export interface MySessionType {
  id: string;
  name: string;
  description: string;
  duration_minutes: number;
  price_minor: number;
  currency: string;
  active: boolean;
  position: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorDescription };

const pageColumns =
  'id, org_id, slug, published, display_name, photo_path, bio, sports, certifications, place, languages';
const typeColumns =
  'id, name, description, duration_minutes, price_minor, currency, active, position';

export async function loadMyStorefront(
  client: AppClient,
  orgId: string,
  coachId: string,
): Promise<Result<{ page: MyCoachPage | null; types: MySessionType[] }>> {
  try {
    const [page, types] = await Promise.all([
      client
        .from('coach_pages')
        .select(pageColumns)
        .eq('org_id', orgId)
        .eq('coach_id', coachId)
        .maybeSingle(),
      client
        .from('session_types')
        .select(typeColumns)
        .eq('org_id', orgId)
        .eq('coach_id', coachId)
        .order('position')
        .order('name'),
    ]);
    if (page.error) return { ok: false, error: describeError(page.error, page.status) };
    if (types.error) return { ok: false, error: describeError(types.error, types.status) };
    return {
      ok: true,
      value: { page: page.data as MyCoachPage | null, types: types.data as MySessionType[] },
    };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

/** creates the page, or updates it; the stored row comes back (slug as the database keeps it) */
export async function saveMyPage(
  client: AppClient,
  target: { id: string } | { orgId: string; coachId: string },
  form: CoachPageForm,
): Promise<Result<MyCoachPage>> {
  try {
    const query =
      'id' in target
        ? client.from('coach_pages').update(form).eq('id', target.id)
        : client
            .from('coach_pages')
            .insert({ ...form, org_id: target.orgId, coach_id: target.coachId });
    const { data, error, status } = await query.select(pageColumns).single();
    if (error) return { ok: false, error: describeError(error, status) };
    return { ok: true, value: data as MyCoachPage };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

export async function saveSessionType(
  client: AppClient,
  target: { id: string } | { orgId: string; coachId: string; currency: string; position: number },
  patch: Partial<SessionTypeForm & { active: boolean; position: number }>,
): Promise<Result<MySessionType>> {
  try {
    const query =
      'id' in target
        ? client.from('session_types').update(patch).eq('id', target.id)
        : client.from('session_types').insert({
            ...patch,
            org_id: target.orgId,
            coach_id: target.coachId,
            currency: target.currency,
            position: target.position,
          });
    const { data, error, status } = await query.select(typeColumns).single();
    if (error) return { ok: false, error: describeError(error, status) };
    return { ok: true, value: data as MySessionType };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

/**
 * A new photo for the page: uploaded to the public `coach-photos` bucket under
 * the coach's own folder, then named by the page; the old one is removed after,
 * so a failed step never leaves the page without a photo it had.
 */
export async function setPagePhoto(
  client: AppClient,
  page: MyCoachPage,
  coachId: string,
  file: File,
  nowMs: number,
): Promise<{ ok: true; page: MyCoachPage } | { ok: false; problem: StorageProblem }> {
  const uploaded = await uploadCoachPhoto(client, coachId, file, nowMs);
  if (!uploaded.ok) return uploaded;
  const { data, error } = await client
    .from('coach_pages')
    .update({ photo_path: uploaded.value.path })
    .eq('id', page.id)
    .select(pageColumns)
    .single();
  if (error) {
    await removeCoachPhoto(client, uploaded.value.path);
    return { ok: false, problem: 'unexpected' };
  }
  if (page.photo_path && page.photo_path !== uploaded.value.path)
    await removeCoachPhoto(client, page.photo_path);
  return { ok: true, page: data as MyCoachPage };
}

/** where the page's photo loads from (the bucket is public) */
export function pagePhotoUrl(client: AppClient, page: MyCoachPage | null): string {
  return page?.photo_path ? coachPhotoUrl(client, page.photo_path) : '';
}
