// Text that looks like what it is (issue 12 §3). A label (a name the app shows:
// athletes, groups, organizations, products, profiles, rooms, titles, reasons)
// and a note (free text: athletes' and sessions' notes, product descriptions)
// are refused when they hold characters that hide or disguise what is written.
// private.is_clean_label / private.is_clean_note
// (supabase/migrations/20261206121000_clean_text.sql) say the same with the same
// code points, and tests/db/clean-text-agreement.test.ts feeds both arbitrary
// Unicode. Explicit ranges, not \p{…} classes: Node's and PostgreSQL's Unicode
// tables differ by version, a list of code points does not.
//
// refused in both:
//   C0 controls U+0000–U+001F (a note keeps U+0009 tab and U+000A line feed),
//   DEL and C1 controls U+007F–U+009F, line and paragraph separators
//   U+2028–U+2029, bidirectional embeddings and overrides U+202A–U+202E and
//   isolates U+2066–U+2069, text not in NFC, and (on the device only, PostgreSQL
//   cannot even hold one) lone surrogates.
// refused in a label, besides: nothing visible, i.e. nothing left once
// whitespace, zero-width and format characters are removed (INVISIBLE below).
//
// A carriage return is refused in a note: the device writes line breaks as
// U+000A (`noteInput`), as browsers' textareas already report them. The device
// normalizes to NFC before validating (`labelInput`, `noteInput`), so typing a
// decomposed letter is never refused; the server refuses text not in NFC rather
// than rewriting it, so what a device sent is what is stored.
import { z } from 'zod';

export const cleanTextMessages = {
  control:
    'Уберите управляющие символы (например, смену направления текста): их не видно, но они меняют то, как текст выглядит',
  invisible: 'Нужны видимые символы: одни пробелы и невидимые знаки не подойдут',
} as const;

/** inclusive code point ranges, as the SQL bracket expressions list them */
type Ranges = readonly (readonly [number, number])[];

/** C0 but tab and line feed, DEL and C1, line/paragraph separators, bidi embeddings, overrides and isolates, surrogates */
const NOTE_CONTROL_RANGES: Ranges = [
  [0x0000, 0x0008],
  [0x000b, 0x001f],
  [0x007f, 0x009f],
  [0x2028, 0x2029],
  [0x202a, 0x202e],
  [0x2066, 0x2069],
  // with the `u` flag a surrogate matches only when it is alone (a pair is one code point)
  [0xd800, 0xdfff],
];
/** as in a note, and tab and line feed too */
const LABEL_CONTROL_RANGES: Ranges = [[0x0009, 0x000a], ...NOTE_CONTROL_RANGES];

/**
 * whitespace (U+0009–U+000D, U+0020, U+0085, U+00A0, U+1680, U+2000–U+200A,
 * U+2028–U+2029, U+202F, U+205F, U+3000), zero-width and format characters
 * (U+00AD soft hyphen, U+034F, U+061C, U+180B–U+180F, U+200B–U+200F,
 * U+202A–U+202E, U+2060–U+206F, U+FE00–U+FE0F variation selectors, U+FEFF,
 * U+FFF0–U+FFF8, U+1BCA0–U+1BCA3, U+1D173–U+1D17A, U+E0000–U+E0FFF tags and
 * selectors) and blanks that render as nothing (U+115F, U+1160, U+17B4, U+17B5,
 * U+2800 braille blank, U+3164, U+FFA0 Hangul fillers)
 */
const INVISIBLE_RANGES: Ranges = [
  [0x0009, 0x000d],
  [0x0020, 0x0020],
  [0x0085, 0x0085],
  [0x00a0, 0x00a0],
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x1680, 0x1680],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x2000, 0x200f],
  [0x2028, 0x202f],
  [0x205f, 0x206f],
  [0x2800, 0x2800],
  [0x3000, 0x3000],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
  [0xfff0, 0xfff8],
  [0x1bca0, 0x1bca3],
  [0x1d173, 0x1d17a],
  [0xe0000, 0xe0fff],
];

/** a character class of the ranges (built, so the code points stay data, not escapes) */
function characterClass(ranges: Ranges, flags: string): RegExp {
  const hex = (c: number) => `\\u{${c.toString(16)}}`;
  return new RegExp(`[${ranges.map(([a, b]) => `${hex(a)}-${hex(b)}`).join('')}]`, flags);
}

const LABEL_CONTROL = characterClass(LABEL_CONTROL_RANGES, 'u');
const NOTE_CONTROL = characterClass(NOTE_CONTROL_RANGES, 'u');
const INVISIBLE = characterClass(INVISIBLE_RANGES, 'gu');

function isNfc(text: string): boolean {
  return text === text.normalize('NFC');
}

/** `private.is_clean_label`: NFC, no control or bidi character, something visible */
export function isCleanLabel(text: string): boolean {
  return isNfc(text) && !LABEL_CONTROL.test(text) && text.replace(INVISIBLE, '') !== '';
}

/** `private.is_clean_note`: NFC, no control or bidi character but tab and line feed */
export function isCleanNote(text: string): boolean {
  return isNfc(text) && !NOTE_CONTROL.test(text);
}

const HIDDEN = characterClass([...LABEL_CONTROL_RANGES, ...INVISIBLE_RANGES], 'gu');

/**
 * the text with every control, bidi, zero-width or other invisible character
 * (an ordinary space aside) written as ⟨U+XXXX⟩, for a person to see what a
 * refused value holds; the value itself is never changed
 */
export function revealHidden(text: string): string {
  return text.replace(HIDDEN, (c) =>
    c === ' ' ? c : `⟨U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}⟩`,
  );
}

/** a label as typed, as it is saved: composed (NFC), nothing else changed */
export function labelInput(text: string): string {
  return text.normalize('NFC');
}

/** a note as typed, as it is saved: composed (NFC), every line break a line feed */
export function noteInput(text: string): string {
  return text.replace(/\r\n?/g, '\n').normalize('NFC');
}

/**
 * the zod checks of a label, after the length rules of its column: which message
 * fits (control characters first: a name of only a bidi override has both faults)
 */
export function refineLabel(text: string, ctx: z.RefinementCtx): void {
  if (!isNfc(text) || LABEL_CONTROL.test(text)) {
    ctx.addIssue({ code: 'custom', message: cleanTextMessages.control });
  } else if (text.replace(INVISIBLE, '') === '') {
    ctx.addIssue({ code: 'custom', message: cleanTextMessages.invisible });
  }
}

/** the zod check of a note */
export function refineNote(text: string, ctx: z.RefinementCtx): void {
  if (!isCleanNote(text)) ctx.addIssue({ code: 'custom', message: cleanTextMessages.control });
}
