import { describe, expect, it } from 'vitest';
import { negotiate, parsePrefer } from './rest-negotiation.ts';
import { PostgrestFailure } from './rest-errors.ts';

describe('parsePrefer', () => {
  it('reads joined Prefer headers and ignores unknown ones', () => {
    expect(
      parsePrefer('return=representation, count=exact,resolution=merge-duplicates, foo=bar'),
    ).toEqual({
      return: 'representation',
      count: 'exact',
      resolution: 'merge-duplicates',
    });
    expect(parsePrefer(undefined)).toEqual({});
  });
});

describe('negotiate', () => {
  it('picks object for .single() and arrays otherwise', () => {
    expect(negotiate('application/vnd.pgrst.object+json').single).toBe(true);
    expect(negotiate('application/vnd.pgrst.array+json;nulls=stripped')).toMatchObject({
      single: false,
      stripNulls: true,
    });
    expect(negotiate(undefined).single).toBe(false);
    expect(negotiate('text/html, */*').contentType).toBe('application/json; charset=utf-8');
  });

  it('refuses media types it cannot produce with 406', () => {
    expect(() => negotiate('text/csv')).toThrow(PostgrestFailure);
  });
});
