// What a local edit queues is already in the stored form: a column whose values
// the database normalizes (a trigger) is normalized the same way before the edit
// is written on the device, so the row the device shows and the outbox entry
// match what the server will store, whichever screen made the edit (a form, the
// picker, a retry from /sync). A value that cannot be normalized is left as it
// is: the server refuses it and /sync lists it, to be corrected.
import { normalizeSchedule } from './schedule.ts';

type Normalizer = (value: unknown) => unknown;

const schedule: Normalizer = (value) => {
  if (typeof value !== 'string') return value;
  const normalized = normalizeSchedule(value);
  return normalized.ok ? normalized.value : value;
};

/** per synced table, the columns the database stores normalized */
const normalizers: Readonly<Record<string, Readonly<Record<string, Normalizer>>>> = {
  // 20261206140000_lenient_schedules.sql
  athletes: { schedule },
};

/** the fields of an edit of `table`, each in the form the database stores */
export function canonicalFields<T extends Record<string, unknown>>(table: string, fields: T): T {
  const columns = normalizers[table];
  if (!columns) return fields;
  let out: T | null = null;
  for (const [column, normalize] of Object.entries(columns)) {
    if (!(column in fields)) continue;
    const value = normalize(fields[column]);
    if (value !== fields[column]) out = { ...(out ?? fields), [column]: value };
  }
  return out ?? fields;
}
