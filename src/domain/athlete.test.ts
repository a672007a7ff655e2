import { describe, expect, it } from 'vitest';
import {
  athleteNameSchema,
  athleteNotesSchema,
  athleteStatusSchema,
  isAthleteStatus,
  notesValue,
} from './athlete.ts';

describe('athlete fields', () => {
  it('names: 1–200 characters once spaces at the ends are gone', () => {
    expect(athleteNameSchema.safeParse('Петров Иван').success).toBe(true);
    expect(athleteNameSchema.safeParse('   ').success).toBe(false);
    expect(athleteNameSchema.safeParse('').success).toBe(false);
    expect(athleteNameSchema.safeParse('Ё'.repeat(200)).success).toBe(true);
    expect(athleteNameSchema.safeParse('Ё'.repeat(201)).success).toBe(false);
    // a tab is not a space to btrim (one character long), but shows nothing (issue 12)
    expect(athleteNameSchema.safeParse('\t').success).toBe(false);
    // an emoji is one character to Postgres, two UTF-16 units to JavaScript
    expect(athleteNameSchema.safeParse('🏃'.repeat(200)).success).toBe(true);
  });

  it('notes: null or at most 4000 characters', () => {
    expect(athleteNotesSchema.safeParse(null).success).toBe(true);
    expect(athleteNotesSchema.safeParse('я'.repeat(4000)).success).toBe(true);
    expect(athleteNotesSchema.safeParse('я'.repeat(4001)).success).toBe(false);
    expect(notesValue('  \n ')).toBeNull();
    expect(notesValue(' травма ')).toBe(' травма ');
  });

  it('statuses: active, inactive, archived', () => {
    expect(athleteStatusSchema.safeParse('archived').success).toBe(true);
    expect(isAthleteStatus('deleted')).toBe(false);
  });
});
