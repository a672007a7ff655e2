// What each change waiting on /sync is about, and who overwrote it, in a coach's
// words, so a refused or overwritten edit is recognisable among thirty athletes.
import type { UserDatabase } from './open-user-database.ts';

export interface IssueNames {
  /** the row's own name, else its athlete's or group's */
  subject: string | null;
  /** for an overwritten change: the name of the user whose write stands */
  by: string | null;
  /** whether the device still holds the row (a refused insert or a lost row is gone) */
  held: boolean;
  /** the athlete the change is about (the row itself, or its athlete_id), when the device holds them */
  athleteId: string | null;
}

/** a row without a name of its own is named after the athlete or group it belongs to */
const owners = [
  ['athlete_id', 'athletes'],
  ['group_id', 'training_groups'],
] as const;

/**
 * The names for each issue, by issue id. The values the change sent come first
 * (a refused rename is shown by the name the user typed), then the row the
 * device holds; a row the device no longer holds (access lost) is named from
 * the change alone, or not at all.
 */
export async function readIssueNames(db: UserDatabase): Promise<Map<number, IssueNames>> {
  const synced = new Set(db.synced.map((t) => t.name));
  const names = new Map<number, IssueNames>();
  for (const issue of await db.issues.toArray()) {
    if (issue.id === undefined) continue;
    const local = synced.has(issue.table)
      ? await db.store(issue.table).get(issue.rowId)
      : undefined;
    const row: Record<string, unknown> = { ...local, ...issue.fields };
    names.set(issue.id, {
      subject: await nameOf(db, synced, row),
      by: issue.by ? await nameIn(db, synced, 'profiles', 'display_name', issue.by) : null,
      held: local !== undefined,
      athleteId: await athleteOf(db, synced, issue.table, issue.rowId, row),
    });
  }
  return names;
}

/** the athlete a row is, or belongs to, when the device holds that athlete (to link to them) */
async function athleteOf(
  db: UserDatabase,
  synced: ReadonlySet<string>,
  table: string,
  rowId: string,
  row: Record<string, unknown>,
): Promise<string | null> {
  const id = table === 'athletes' ? rowId : row['athlete_id'];
  if (typeof id !== 'string' || !synced.has('athletes')) return null;
  return (await db.store('athletes').get(id)) ? id : null;
}

async function nameOf(
  db: UserDatabase,
  synced: ReadonlySet<string>,
  row: Record<string, unknown>,
): Promise<string | null> {
  const own = row['name'];
  if (typeof own === 'string' && own !== '') return own;
  for (const [field, table] of owners) {
    const id = row[field];
    const name = typeof id === 'string' ? await nameIn(db, synced, table, 'name', id) : null;
    if (name) return name;
  }
  return null;
}

async function nameIn(
  db: UserDatabase,
  synced: ReadonlySet<string>,
  table: string,
  field: string,
  id: string,
): Promise<string | null> {
  if (!synced.has(table)) return null;
  const name = (await db.store(table).get(id))?.[field];
  return typeof name === 'string' && name !== '' ? name : null;
}
