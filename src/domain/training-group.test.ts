import { describe, expect, it } from 'vitest';
import { trainingGroupMessages, trainingGroupSchema } from './training-group.ts';

const existing = [
  { id: 'g1', name: 'Начинающие', season: '2026-2027' },
  { id: 'g2', name: 'Спринт', season: null },
];

function messages(value: { name: string; season: string | null }, editing: string | null = null) {
  const result = trainingGroupSchema(existing, editing).safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('trainingGroupSchema', () => {
  it('takes a name of 1–100 characters after trimming spaces, and an optional season', () => {
    expect(messages({ name: ' Стайеры ', season: '2026-2027' })).toEqual([]);
    expect(messages({ name: 'Ё'.repeat(100), season: null })).toEqual([]);
    expect(messages({ name: '   ', season: null })).toEqual([
      `name: ${trainingGroupMessages.name}`,
    ]);
    expect(messages({ name: 'Ё'.repeat(101), season: null })).toEqual([
      `name: ${trainingGroupMessages.name}`,
    ]);
    expect(messages({ name: 'Стайеры', season: '2026-2028' })).toHaveLength(1);
  });

  it('refuses a second live group of the same name in the same season, in any case', () => {
    expect(messages({ name: 'начинающие ', season: '2026-2027' })).toEqual([
      `name: ${trainingGroupMessages.taken}`,
    ]);
    expect(messages({ name: 'СПРИНТ', season: null })).toEqual([
      `name: ${trainingGroupMessages.taken}`,
    ]);
    // another season, or the group being renamed itself, is fine
    expect(messages({ name: 'Начинающие', season: '2027-2028' })).toEqual([]);
    expect(messages({ name: 'начинающие', season: '2026-2027' }, 'g1')).toEqual([]);
  });
});
