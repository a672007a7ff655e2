// Messages as public.announcements and public.conversation_messages store them
// (20261207130000_messages.sql), and what the screens count: the unread, the
// audiences a sender may choose. tests/db/messages-agreement.test.ts feeds these
// schemas and the CHECK constraints the same generated values.
import { z } from 'zod';
import { civilFromDays, daysFromCivil } from './zoned-time.ts';

export const ANNOUNCEMENT_TITLE_MAX = 200;
export const ANNOUNCEMENT_BODY_MAX = 4000;
export const MESSAGE_BODY_MAX = 4000;

export const messageRules = {
  title: `Введите заголовок, не длиннее ${ANNOUNCEMENT_TITLE_MAX} символов`,
  body: `Текст не длиннее ${ANNOUNCEMENT_BODY_MAX} символов`,
  eventOn: 'Дата — с 2000 по 2100 год',
  message: `Напишите сообщение, не длиннее ${MESSAGE_BODY_MAX} символов`,
} as const;

/** text PostgreSQL can store: no NUL, no lone surrogate */
function holdable(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return !/\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(
    text,
  );
}

/** characters as PostgreSQL counts them (code points), after trimming spaces as btrim does */
function spacedLength(text: string): number {
  return [...text.replace(/^ +| +$/g, '')].length;
}

/** `char_length(btrim(title)) between 1 and 200`; saved trimmed */
export const announcementTitleSchema = z
  .string()
  .overwrite((s) => s.trim())
  .refine((s) => holdable(s) && spacedLength(s) >= 1 && spacedLength(s) <= ANNOUNCEMENT_TITLE_MAX, {
    message: messageRules.title,
  });

/** `char_length(body) <= 4000`; saved trimmed, empty allowed */
export const announcementBodySchema = z
  .string()
  .overwrite((s) => s.trim())
  .refine((s) => holdable(s) && [...s].length <= ANNOUNCEMENT_BODY_MAX, {
    message: messageRules.body,
  });

/** a calendar date that exists (no 30 February) */
function existingDate(d: string): boolean {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = civilFromDays(daysFromCivil(y, m, day));
  return y === y2 && m === m2 && day === d2;
}

/** `event_on between 2000-01-01 and 2100-12-31`, or none */
export const announcementDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: messageRules.eventOn })
  .refine((d) => d >= '2000-01-01' && d <= '2100-12-31' && existingDate(d), {
    message: messageRules.eventOn,
  })
  .nullable();

export const announcementInputSchema = z.object({
  title: announcementTitleSchema,
  body: announcementBodySchema,
  eventOn: announcementDateSchema,
  /** null: the whole club */
  groupId: z.string().nullable(),
});
export type AnnouncementInput = z.output<typeof announcementInputSchema>;

/** `char_length(btrim(body)) between 1 and 4000`; saved trimmed */
export const messageBodySchema = z
  .string()
  .overwrite((s) => s.trim())
  .refine((s) => holdable(s) && spacedLength(s) >= 1 && spacedLength(s) <= MESSAGE_BODY_MAX, {
    message: messageRules.message,
  });

export * from './message-inbox.ts';
