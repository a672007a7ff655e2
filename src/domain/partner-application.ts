// A company's application to become a Trackside partner (issue 16, "Applications"):
// what the public form sends, checked at the edge (the partner-apply function)
// with the same bounds as the CHECK constraints of public.partner_applications
// and private.partner_application_drafts
// (supabase/migrations/20261206171000_partner_applications.sql);
// tests/db/partner-application-agreement.test.ts feeds both the same values.
//
// Each text is trimmed and composed (NFC) before it is checked, and that is what
// is stored. Lengths count code points, as PostgreSQL's char_length does.
import { z } from 'zod';
import { isCleanLabel, isCleanNote } from './clean-text.ts';
import { LOCALES } from './locale.ts';

/** the honeypot: a field people never see; bots that fill every field fill it */
export const APPLICATION_HONEYPOT = 'fax';

export const PARTNERSHIP_TYPES = ['reseller', 'referral', 'technology'] as const;
export type PartnershipType = (typeof PARTNERSHIP_TYPES)[number];

export const COMPANY_SIZES = ['1-10', '11-50', '51-200', '201-500', '501+'] as const;
export type CompanySize = (typeof COMPANY_SIZES)[number];

export const APPLICATION_STATUSES = ['pending', 'reviewing', 'approved', 'rejected'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** the length bounds of each text, in code points (the migration's checks say the same) */
export const APPLICATION_BOUNDS = {
  company_name: [2, 200],
  contact_name: [2, 120],
  contact_email: [6, 254],
  contact_phone: [5, 40],
  website: [8, 300],
  industry: [2, 120],
  current_solutions: [0, 1000],
  target_market: [2, 1000],
  motivation: [20, 2000],
  additional_information: [0, 2000],
} as const;
export type ApplicationTextField = keyof typeof APPLICATION_BOUNDS;

/** a reason to reject, and an internal note: 3–2000 code points */
export const REASON_BOUNDS = [3, 2000] as const;
export const NOTE_BOUNDS = [1, 4000] as const;

/** printable ascii but the space and @ around one @, a dot after it (ascii: no locale decides) */
export const APPLICATION_EMAIL_PATTERN = /^[!-?A-~]+@[!-?A-~]+\.[!-?A-~]+$/;
/** digits, spaces, brackets, dashes, an optional leading plus */
export const APPLICATION_PHONE_PATTERN = /^\+?[0-9 ()-]{5,40}$/;
/** http(s), a host of ascii labels ending in a letters-only one, a port, then printable ascii */
export const APPLICATION_URL_PATTERN =
  /^https?:\/\/[-A-Za-z0-9]+(\.[-A-Za-z0-9]+)*\.[A-Za-z]{2,63}(:[0-9]{1,5})?([/?#][!-~]*)?$/;

/** a site as people type it: `example.com` means https://example.com; the scheme in lower case */
export function normalizeWebsite(v: string): string {
  if (/^https?:\/\//i.test(v)) return v.replace(/^https?/i, (m) => m.toLowerCase());
  if (/^[a-z][a-z0-9+.-]*:/i.test(v) || v === '') return v;
  return `https://${v}`;
}

/** the message codes a field can get (each has ru and en text in the form's strings) */
export type FieldProblem = 'required' | 'short' | 'long' | 'shape' | 'characters' | 'choice';

const codePoints = (s: string) => [...s].length;

/** what is stored of a typed text: trimmed, composed */
export function applicationText(v: string): string {
  return v.trim().normalize('NFC');
}

/** what the database is given of a field's typed value (checked, then stored) */
export function storedValue(field: ApplicationTextField, v: string): string {
  const t = applicationText(v);
  return field === 'website' ? normalizeWebsite(t) : t;
}

function text(field: ApplicationTextField, kind: 'label' | 'note', pattern?: RegExp) {
  const [min, max] = APPLICATION_BOUNDS[field];
  return z
    .string({ error: 'required' })
    .transform((v) => storedValue(field, v))
    .superRefine((v, ctx) => {
      const n = codePoints(v);
      if (n === 0 && min > 0) ctx.addIssue({ code: 'custom', message: 'required' });
      else if (n < min) ctx.addIssue({ code: 'custom', message: 'short' });
      else if (n > max) ctx.addIssue({ code: 'custom', message: 'long' });
      else if (n > 0 && !(kind === 'label' ? isCleanLabel(v) : isCleanNote(v))) {
        ctx.addIssue({ code: 'custom', message: 'characters' });
      } else if (pattern && !pattern.test(v)) ctx.addIssue({ code: 'custom', message: 'shape' });
    });
}

/** an optional text: absent, or empty once trimmed, is null */
function optional(field: ApplicationTextField, kind: 'label' | 'note', pattern?: RegExp) {
  return z
    .string()
    .nullish()
    .transform((v) => (v == null || applicationText(v) === '' ? null : v))
    .pipe(z.union([z.null(), text(field, kind, pattern)]));
}

export const applicationFieldSchemas = {
  company_name: text('company_name', 'label'),
  contact_name: text('contact_name', 'label'),
  contact_email: text('contact_email', 'label', APPLICATION_EMAIL_PATTERN),
  contact_phone: optional('contact_phone', 'label', APPLICATION_PHONE_PATTERN),
  website: optional('website', 'label', APPLICATION_URL_PATTERN),
  partnership_type: z.enum(PARTNERSHIP_TYPES, { error: 'choice' }),
  company_size: z.enum(COMPANY_SIZES, { error: 'choice' }),
  industry: text('industry', 'label'),
  current_solutions: optional('current_solutions', 'note'),
  target_market: text('target_market', 'note'),
  motivation: text('motivation', 'note'),
  additional_information: optional('additional_information', 'note'),
} as const;

export const partnerApplicationSchema = z.object({
  ...applicationFieldSchemas,
  locale: z.enum(LOCALES).default('ru'),
  [APPLICATION_HONEYPOT]: z.string().max(500).default(''),
});
export type PartnerApplicationInput = z.output<typeof partnerApplicationSchema>;
export type ApplicationField = keyof typeof applicationFieldSchemas;

export const APPLICATION_FIELDS = Object.keys(applicationFieldSchemas) as ApplicationField[];

/** each refused field's first problem, for the form's messages */
export function applicationProblems(
  error: z.ZodError,
): Partial<Record<ApplicationField, FieldProblem>> {
  const out: Partial<Record<ApplicationField, FieldProblem>> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field !== 'string' || !(APPLICATION_FIELDS as string[]).includes(field)) continue;
    const key = field as ApplicationField;
    if (out[key]) continue;
    const m = issue.message;
    out[key] =
      m === 'short' || m === 'long' || m === 'shape' || m === 'characters' || m === 'choice'
        ? m
        : issue.code === 'invalid_value' || issue.code === 'invalid_union'
          ? 'choice'
          : 'required';
  }
  return out;
}

/** the confirmation token: 32 url-safe characters and more */
export const confirmTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{32,128}$/, 'a link token');

/**
 * The review's state machine (private.partner_application_transition says the
 * same): pending may be taken up or refused outright (spam needs no review),
 * reviewing ends in a decision, a decision is final.
 */
export const APPLICATION_TRANSITIONS: Readonly<
  Record<ApplicationStatus, readonly ApplicationStatus[]>
> = {
  pending: ['reviewing', 'rejected'],
  reviewing: ['approved', 'rejected'],
  approved: [],
  rejected: [],
};

export function nextStatuses(status: ApplicationStatus): readonly ApplicationStatus[] {
  return APPLICATION_TRANSITIONS[status];
}

export function isApplicationStatus(v: unknown): v is ApplicationStatus {
  return typeof v === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(v);
}

/** a reason to reject: trimmed, 3–2000 code points, clean */
export const rejectionReasonSchema = z
  .string()
  .transform(applicationText)
  .refine((v) => codePoints(v) >= REASON_BOUNDS[0] && codePoints(v) <= REASON_BOUNDS[1], 'length')
  .refine(isCleanNote, 'characters');

export const applicationNoteSchema = z
  .string()
  .transform(applicationText)
  .refine((v) => codePoints(v) >= NOTE_BOUNDS[0] && codePoints(v) <= NOTE_BOUNDS[1], 'length')
  .refine(isCleanNote, 'characters');
