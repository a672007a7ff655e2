import { describe, expect, it } from 'vitest';
import { athleteNameSchema, athleteNotesSchema } from './athlete.ts';
import {
  cleanTextMessages,
  isCleanLabel,
  isCleanNote,
  labelInput,
  noteInput,
  revealHidden,
} from './clean-text.ts';
import { trainingGroupNameSchema } from './training-group.ts';

describe('clean text', () => {
  it('a label needs something visible', () => {
    for (const blank of ['\u00a0', '\u200b', '\t', ' \u2060\ufeff\u3164 ', '\u2800', '\u{e0020}']) {
      expect(isCleanLabel(blank)).toBe(false);
    }
    expect(isCleanLabel('Иван\u00a0Петров')).toBe(true);
    expect(isCleanLabel('🏃')).toBe(true);
  });

  it('control and bidi characters are refused; notes keep tab and line feed', () => {
    for (const c of [
      '\u0000',
      '\u0007',
      '\u001b',
      '\u007f',
      '\u0085',
      '\u2028',
      '\u202e',
      '\u2066',
      '\ud800',
    ]) {
      expect(isCleanLabel(`Иван${c}`)).toBe(false);
      expect(isCleanNote(`Иван${c}`)).toBe(false);
    }
    expect(isCleanNote('строка 1\nстрока 2\tтаб')).toBe(true);
    expect(isCleanNote('строка 1\r\nстрока 2')).toBe(false);
    expect(isCleanLabel('Иван\nПетров')).toBe(false);
  });

  it('text not in NFC is refused, and what the device saves is composed', () => {
    expect(isCleanLabel('Пе\u0308тр')).toBe(false);
    expect(labelInput('Пе\u0308тр')).toBe('Пётр');
    expect(noteInput('a\r\nb\rc е\u0308')).toBe('a\nb\nc ё');
  });

  it('the schemas compose before they check, so a decomposed letter is never refused', () => {
    expect(athleteNameSchema.parse('Пе\u0308тр')).toBe('Пётр');
    expect(trainingGroupNameSchema.parse('Йо\u0308')).toBe('Й\u04e7');
    expect(athleteNotesSchema.parse('раз\r\nдва')).toBe('раз\nдва');
  });

  it('the schemas say why, control characters before invisibility', () => {
    const issues = (v: string) =>
      athleteNameSchema.safeParse(v).error?.issues.map((i) => i.message);
    expect(issues('\u202e')).toEqual([cleanTextMessages.control]);
    expect(issues('\u200b')).toEqual([cleanTextMessages.invisible]);
    expect(issues('Иван')).toBeUndefined();
  });

  it('hidden characters can be shown, ordinary spaces left alone', () => {
    expect(revealHidden('Иван\u0000 \u202eП\u200b')).toBe('Иван⟨U+0000⟩ ⟨U+202E⟩П⟨U+200B⟩');
    expect(revealHidden('\ud800')).toBe('⟨U+D800⟩');
    expect(revealHidden('Иван Петров')).toBe('Иван Петров');
  });
});
