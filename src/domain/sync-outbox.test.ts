import { describe, expect, it } from 'vitest';
import {
  changedFields,
  jsonEquals,
  pendingByRow,
  rowKey,
  toMutation,
  type OutboxEntry,
} from './sync-outbox.ts';
import { outboxEntrySchema } from './sync-outbox-schema.ts';

const entry = (
  seq: number,
  op: OutboxEntry['op'],
  fields: Record<string, unknown> = {},
): OutboxEntry => ({
  seq,
  clientId: '00000000-0000-4000-8000-000000000001',
  table: 'athletes',
  rowId: '00000000-0000-4000-8000-0000000000aa',
  op,
  fields,
  createdAt: 0,
});

describe('outbox rules', () => {
  it('validates entries', () => {
    expect(outboxEntrySchema.safeParse(entry(1, 'update', { name: 'x' })).success).toBe(true);
    expect(outboxEntrySchema.safeParse({ ...entry(0, 'update') }).success).toBe(false);
    expect(
      outboxEntrySchema.safeParse({ ...entry(1, 'update'), table: 'Robert; drop' }).success,
    ).toBe(false);
  });

  it('sends only changed fields, never the id', () => {
    expect(
      changedFields({ id: '1', a: 1, b: { x: [1, 2] } }, { id: '2', a: 1, b: { x: [1, 2] }, c: 3 }),
    ).toEqual({ c: 3 });
    expect(changedFields(undefined, { id: '1', a: 1, skip: undefined })).toEqual({ a: 1 });
    expect(changedFields({ a: null }, { a: undefined })).toEqual({});
  });

  it('compares JSON values deeply, ignoring key order', () => {
    expect(jsonEquals({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(jsonEquals([1, 2], [2, 1])).toBe(false);
    expect(jsonEquals(null, undefined)).toBe(true);
    expect(jsonEquals({}, [])).toBe(false);
  });

  it('folds entries into pending changes per row', () => {
    const p = pendingByRow([
      entry(3, 'delete'),
      entry(1, 'insert', { a: 1 }),
      entry(2, 'update', { b: 2 }),
    ]);
    const change = p.get(rowKey('athletes', '00000000-0000-4000-8000-0000000000aa'));
    expect(change?.deleted).toBe(true);
    expect(change?.inserted).toBe(true);
    expect([...(change?.fields ?? [])].sort()).toEqual(['a', 'b']);
  });

  it('maps an entry to the wire mutation with its base', () => {
    expect(toMutation({ ...entry(4, 'update', { a: 2 }), base: { a: 1 } })).toEqual({
      seq: 4,
      table: 'athletes',
      id: '00000000-0000-4000-8000-0000000000aa',
      op: 'update',
      fields: { a: 2 },
      base: { a: 1 },
    });
  });
});
