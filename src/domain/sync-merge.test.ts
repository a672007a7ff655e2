import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergePulledRow } from './sync-merge.ts';
import type { PendingChange, SyncRow } from './sync-outbox.ts';

const row = (fields: Record<string, unknown>): SyncRow => ({ id: 'r1', ...fields });
const pending = (fields: string[], extra: Partial<PendingChange> = {}): PendingChange => ({
  deleted: false,
  inserted: false,
  fields: new Set(fields),
  ...extra,
});

describe('mergePulledRow', () => {
  it('takes the server row when nothing is pending', () => {
    expect(mergePulledRow(row({ a: 1 }), row({ a: 2 }), undefined)).toEqual(row({ a: 2 }));
  });

  it('removes a row the server deleted', () => {
    expect(mergePulledRow(row({ a: 1 }), row({ a: 1, deleted_at: 'x' }), undefined)).toBeNull();
  });

  it('keeps pending fields and takes the others from the server', () => {
    expect(
      mergePulledRow(row({ a: 'mine', b: 'old' }), row({ a: 'theirs', b: 'new' }), pending(['a'])),
    ).toEqual(row({ a: 'mine', b: 'new' }));
  });

  it('keeps a pending delete', () => {
    expect(mergePulledRow(undefined, row({ a: 1 }), pending([], { deleted: true }))).toBeNull();
  });

  it('keeps a locally edited row the server deleted until the push verdict', () => {
    const local = row({ a: 'mine' });
    expect(mergePulledRow(local, row({ a: 1, deleted_at: 'x' }), pending(['a']))).toBe(local);
  });

  it('never overwrites a pending field (property)', () => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.constant(null));
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), value),
        fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), value),
        fc.subarray(['a', 'b', 'c', 'd']),
        (local, server, fields) => {
          const merged = mergePulledRow(row(local), row(server), pending(fields));
          if (!merged) throw new Error('a live row must stay');
          for (const f of fields) expect(merged[f]).toEqual(local[f]);
          for (const f of Object.keys(server))
            if (!fields.includes(f)) expect(merged[f]).toEqual(server[f]);
        },
      ),
    );
  });
});
