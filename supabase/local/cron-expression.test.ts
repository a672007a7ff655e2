import { describe, expect, it } from 'vitest';
import { CronError, cronMatches, parseCron } from './cron-expression.ts';

const at = (iso: string) => new Date(iso);
const fires = (expr: string, iso: string) => cronMatches(parseCron(expr), at(iso));

describe('cron expressions', () => {
  it('matches a daily job at its minute only, in UTC', () => {
    expect(fires('17 3 * * *', '2026-03-29T03:17:00Z')).toBe(true);
    expect(fires('17 3 * * *', '2026-03-29T03:17:59Z')).toBe(true);
    expect(fires('17 3 * * *', '2026-03-29T03:18:00Z')).toBe(false);
    expect(fires('17 3 * * *', '2026-03-29T04:17:00Z')).toBe(false);
    // 03:17 in Moscow is 00:17 UTC: not a match
    expect(fires('17 3 * * *', '2026-03-29T03:17:00+03:00')).toBe(false);
  });

  it('reads steps, ranges and lists', () => {
    expect(fires('*/15 * * * *', '2026-01-01T10:45:00Z')).toBe(true);
    expect(fires('*/15 * * * *', '2026-01-01T10:46:00Z')).toBe(false);
    expect(fires('0 9-17/4 * * *', '2026-01-01T13:00:00Z')).toBe(true);
    expect(fires('0 9-17/4 * * *', '2026-01-01T15:00:00Z')).toBe(false);
    expect(fires('5,35 * * * *', '2026-01-01T00:35:00Z')).toBe(true);
    expect(fires('10/20 * * * *', '2026-01-01T00:50:00Z')).toBe(true);
    expect(fires('10/20 * * * *', '2026-01-01T00:00:00Z')).toBe(false);
  });

  it('treats 0 and 7 as Sunday', () => {
    // 2026-11-22 is a Sunday
    expect(fires('0 12 * * 0', '2026-11-22T12:00:00Z')).toBe(true);
    expect(fires('0 12 * * 7', '2026-11-22T12:00:00Z')).toBe(true);
    expect(fires('0 12 * * 1-5', '2026-11-22T12:00:00Z')).toBe(false);
  });

  it('ORs the day fields when both are restricted, ANDs them otherwise', () => {
    // the 1st of the month, or any Monday
    expect(fires('0 0 1 * 1', '2026-11-23T00:00:00Z')).toBe(true); // Monday the 23rd
    expect(fires('0 0 1 * 1', '2026-12-01T00:00:00Z')).toBe(true); // Tuesday the 1st
    expect(fires('0 0 1 * 1', '2026-12-02T00:00:00Z')).toBe(false);
    // day of week unrestricted: only the 1st
    expect(fires('0 0 1 * *', '2026-11-23T00:00:00Z')).toBe(false);
    // */2 starts with * and so counts as unrestricted (vixie cron)
    // Monday the 30th: an even day, so */2 (odd days) fails; OR would have fired
    expect(fires('0 0 */2 * 1', '2026-11-30T00:00:00Z')).toBe(false);
    expect(fires('0 0 */2 * 1', '2026-11-23T00:00:00Z')).toBe(true);
  });

  it('matches months', () => {
    expect(fires('0 0 1 9 *', '2026-09-01T00:00:00Z')).toBe(true);
    expect(fires('0 0 1 9 *', '2026-10-01T00:00:00Z')).toBe(false);
  });

  it.each([
    '* * * *',
    '60 * * * *',
    '* 24 * * *',
    '* * 0 * *',
    '* * * 13 *',
    '* * * * 8',
    '*/0 * * * *',
    'a * * * *',
    '5-1 * * * *',
  ])('rejects %s', (expr) => {
    expect(() => parseCron(expr)).toThrow(CronError);
  });
});
