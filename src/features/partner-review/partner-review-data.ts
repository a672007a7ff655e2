// Partner applications, read and reviewed on the server: they are not synced (a
// platform's business, not a club's), RLS gives them to platform admins only, and
// every change goes through the RPCs (set_partner_application_status,
// add_partner_application_note) that the database's status machine guards.
import { z } from 'zod';
import { callRpc } from '../../data/call-rpc.ts';
import { describeError, type ErrorDescription } from '../../data/describe-error.ts';
import type { AppClient } from '../../data/supabase-client.ts';
import {
  type ApplicationListQuery,
  APPLICATION_PAGE_SIZE,
  pageRange,
} from '../../domain/partner-application-list.ts';
import type { ApplicationStatus } from '../../domain/partner-application.ts';

export type Loaded<T> = { ok: true; value: T } | { ok: false; error: ErrorDescription };

const listRowSchema = z.object({
  id: z.string(),
  company_name: z.string(),
  contact_name: z.string(),
  contact_email: z.string(),
  partnership_type: z.string(),
  company_size: z.string(),
  status: z.string(),
  created_at: z.string(),
  decided_at: z.string().nullable(),
});
export type ApplicationListRow = z.output<typeof listRowSchema>;

const applicationSchema = listRowSchema.extend({
  contact_phone: z.string().nullable(),
  website: z.string().nullable(),
  industry: z.string(),
  current_solutions: z.string().nullable(),
  target_market: z.string(),
  motivation: z.string(),
  additional_information: z.string().nullable(),
  locale: z.string(),
  rejection_reason: z.string().nullable(),
  partner_org_id: z.string().nullable(),
});
export type Application = z.output<typeof applicationSchema>;

const noteSchema = z.object({
  id: z.string(),
  author_name: z.string(),
  body: z.string(),
  created_at: z.string(),
});
export type ApplicationNote = z.output<typeof noteSchema>;

const count = z.coerce.number().int().nonnegative();
const statsSchema = z.object({
  total: count,
  byStatus: z.record(z.string(), count),
  byType: z.record(z.string(), count),
  weekly: z.array(
    z.object({ week: z.string(), submitted: count, approved: count, rejected: count }),
  ),
  approvalRate: z.coerce.number().nullable(),
  medianHoursToDecision: z.coerce.number().nullable(),
});
export type ApplicationStats = z.output<typeof statsSchema>;

const LIST_COLUMNS =
  'id,company_name,contact_name,contact_email,partnership_type,company_size,status,created_at,decided_at';

/** one page of the list, filtered and sorted by the server, with the count of all that match */
export async function loadApplications(
  client: AppClient,
  q: ApplicationListQuery,
): Promise<Loaded<{ rows: ApplicationListRow[]; total: number }>> {
  try {
    let query = client.from('partner_applications').select(LIST_COLUMNS, { count: 'exact' });
    if (q.status) query = query.eq('status', q.status);
    if (q.type) query = query.eq('partnership_type', q.type);
    const [first, last] = pageRange(q.page, APPLICATION_PAGE_SIZE);
    const {
      data,
      error,
      status,
      count: total,
    } = await query
      .order(q.sort, { ascending: q.ascending, nullsFirst: false })
      .order('id', { ascending: true })
      .range(first, last);
    if (error) return { ok: false, error: describeError(error, status) };
    return {
      ok: true,
      value: { rows: z.array(listRowSchema).parse(data), total: total ?? 0 },
    };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

/** an application and its notes, oldest note first; null when it is not there (or not the caller's to see) */
export async function loadApplication(
  client: AppClient,
  id: string,
): Promise<Loaded<{ application: Application; notes: ApplicationNote[] } | null>> {
  try {
    const [app, notes] = await Promise.all([
      client.from('partner_applications').select('*').eq('id', id).maybeSingle(),
      client
        .from('partner_application_notes')
        .select('id,author_name,body,created_at')
        .eq('application_id', id)
        .order('created_at', { ascending: true })
        .order('id', { ascending: true }),
    ]);
    if (app.error) return { ok: false, error: describeError(app.error, app.status) };
    if (notes.error) return { ok: false, error: describeError(notes.error, notes.status) };
    if (!app.data) return { ok: true, value: null };
    return {
      ok: true,
      value: {
        application: applicationSchema.parse(app.data),
        notes: z.array(noteSchema).parse(notes.data),
      },
    };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

export async function setApplicationStatus(
  client: AppClient,
  id: string,
  status: ApplicationStatus,
  reason: string | null,
): Promise<Loaded<Application>> {
  const r = await callRpc(client, 'set_partner_application_status', {
    p_id: id,
    p_status: status,
    p_reason: reason,
  });
  return r.ok ? { ok: true, value: applicationSchema.parse(r.data) } : r;
}

export async function addApplicationNote(
  client: AppClient,
  id: string,
  text: string,
): Promise<Loaded<ApplicationNote>> {
  const r = await callRpc(client, 'add_partner_application_note', { p_id: id, p_text: text });
  return r.ok ? { ok: true, value: noteSchema.parse(r.data) } : r;
}

export async function loadApplicationStats(
  client: AppClient,
  from: string,
  to: string,
): Promise<Loaded<ApplicationStats>> {
  const r = await callRpc(client, 'partner_application_stats', { p_from: from, p_to: to });
  if (!r.ok) return r;
  try {
    return { ok: true, value: statsSchema.parse(r.data) };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}
