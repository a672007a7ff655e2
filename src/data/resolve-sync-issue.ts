// The user's answer to a sync issue: retry the change (optionally edited) as a new
// local edit, or discard it. Either way the issue leaves the list.
import type { UserDatabase } from './open-user-database.ts';
import { applyLocalChange } from './apply-local-change.ts';

export async function resolveSyncIssue(
  db: UserDatabase,
  issueId: number,
  answer: { action: 'discard' } | { action: 'retry'; fields?: Record<string, unknown> },
  now: () => number = Date.now,
): Promise<void> {
  const issue = await db.issues.get(issueId);
  if (!issue) return;
  if (answer.action === 'retry') {
    const fields = { ...issue.fields, ...(answer.fields ?? {}) };
    const local = await db.store(issue.table).get(issue.rowId);
    if (issue.op === 'delete') {
      await applyLocalChange(db, { table: issue.table, op: 'delete', id: issue.rowId }, now);
    } else if (local) {
      await applyLocalChange(
        db,
        { table: issue.table, op: 'update', id: issue.rowId, patch: fields },
        now,
      );
    } else {
      await applyLocalChange(
        db,
        { table: issue.table, op: 'insert', row: { ...fields, id: issue.rowId } },
        now,
      );
    }
  }
  await db.issues.delete(issueId);
}
