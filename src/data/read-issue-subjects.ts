// What each change waiting on /sync is about, in a coach's words, so a refused
// or overwritten edit is recognisable among thirty athletes.
import type { UserDatabase } from './open-user-database.ts';

/** a row without a name of its own is named after the athlete or group it belongs to */
const owners = [
  ['athlete_id', 'athletes'],
  ['group_id', 'training_groups'],
] as const;

/**
 * The name of each issue's row, by issue id: its own `name`, else its athlete's
 * or group's.
 * The values the change sent come first (a refused rename is shown by the name
 * the user typed), then the row the device holds; a row the device no longer
 * holds (access lost) is named from the change alone, or not at all.
 */
export async function readIssueSubjects(db: UserDatabase): Promise<Map<number, string>> {
  const synced = new Set(db.synced.map((t) => t.name));
  const subjects = new Map<number, string>();
  for (const issue of await db.issues.toArray()) {
    if (issue.id === undefined) continue;
    const local = synced.has(issue.table) ? await db.rows(issue.table).get(issue.rowId) : undefined;
    const name = await nameOf(db, synced, { ...local, ...issue.fields });
    if (name) subjects.set(issue.id, name);
  }
  return subjects;
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
    if (typeof id !== 'string' || !synced.has(table)) continue;
    const owner = await db.rows(table).get(id);
    const name = owner?.['name'];
    if (typeof name === 'string' && name !== '') return name;
  }
  return null;
}
