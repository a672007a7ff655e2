// Pulls everything that changed since the stored cursor, page by page. Each page's
// rows and the cursor that follows it are stored in one Dexie transaction, so a
// crash mid-pull resumes where it stopped and never skips a row. Rows with pending
// local edits keep those edits. The last page's digests detect access changes: the
// server sends those of the tables whose access epoch moved in the pull's window,
// and of those the device asks for (unverified-tables.ts).
import { pendingByRow, type SyncRow } from '../domain/sync-outbox.ts';
import { pullResponseSchema, type PullCursor } from '../domain/sync-protocol.ts';
import type { UserDatabase } from './open-user-database.ts';
import {
  bumpRowsVersion,
  localIdsDigests,
  noteRowsWritten,
  type RowsWritten,
} from './local-row-ids.ts';
import { mergeServerRows } from './merge-server-rows.ts';
import { reconcileAccess } from './reconcile-access.ts';
import type { SyncTransport } from './sync-transport.ts';
import { readUnverified, updateUnverified } from './unverified-tables.ts';

interface StoredCursor {
  cursor: PullCursor | null;
  /** the tables the cursor covers: a table added later starts from scratch */
  tables: string[];
}

export interface PullSummary {
  requests: number;
  rows: number;
  reconciled: string[];
}

// a club's first sync is tens of thousands of rows: 5,000 a page (≈2.5 MB of
// JSON) keeps it to about ten requests without one huge response (sync.initial_pull)
const defaultPageSize = 5000;

export async function pullChanges(
  db: UserDatabase,
  transport: SyncTransport,
  options: { pageSize?: number; now?: () => number } = {},
): Promise<PullSummary> {
  const now = options.now ?? Date.now;
  const names = db.synced.map((t) => t.name);
  const stored = (await db.meta.get('cursor'))?.value as StoredCursor | undefined;
  let cursor =
    stored && stored.tables.join(',') === names.join(',')
      ? stored.cursor
      : (null as PullCursor | null);
  const summary: PullSummary = { requests: 0, rows: 0, reconciled: [] };
  const stores = db.rowTables();
  // the server leaves out rows this device pushed and holds exactly as stored
  const clientMeta = (await db.meta.get('clientId'))?.value;
  const clientId = typeof clientMeta === 'string' ? clientMeta : null;
  // the digests to ask for whatever the server's access epoch says: tables this
  // device pushed to or reconciled, and those with edits still waiting
  const check = await readUnverified(db);
  for (const e of await db.outbox.toArray()) check.add(e.table);
  for (;;) {
    const page = pullResponseSchema.parse(
      await transport.call('sync_pull', {
        p_cursor: cursor,
        p_limit: options.pageSize ?? defaultPageSize,
        ...(clientId ? { p_client_id: clientId } : {}),
        ...(check.size ? { p_check: [...check].filter((t) => names.includes(t)) } : {}),
      }),
    );
    summary.requests++;
    const written: RowsWritten[] = [];
    const version = await db.transaction(
      'rw',
      [...stores, db.outbox, db.issues, db.meta],
      async () => {
        const pending = pendingByRow(await db.outbox.toArray());
        for (const change of page.changes) {
          if (!names.includes(change.table)) continue; // a table this app version does not know
          const rows = change.rows as SyncRow[];
          written.push(await mergeServerRows(db, change.table, rows, pending));
          summary.rows += rows.length;
        }
        // the loser of a same-field race is told (only this device's lost writes)
        for (const c of page.conflicts ?? []) {
          if (c.client_id !== clientId) continue;
          await db.issues.add({
            kind: 'superseded',
            table: c.table,
            rowId: c.row_id,
            fields: { [c.field]: c.mine },
            theirs: { [c.field]: c.theirs },
            ...(c.by ? { by: c.by } : {}),
            reason: 'superseded',
            message: 'someone else changed this later without seeing your change',
            at: now(),
          });
        }
        await db.meta.put({ key: 'cursor', value: { cursor: page.cursor, tables: names } });
        // digests received are compared below; until one matches, the next pull asks again
        if (!page.more && page.digests) {
          await updateUnverified(db, {
            add: Object.keys(page.digests).filter((t) => names.includes(t)),
          });
        }
        return written.length ? bumpRowsVersion(db) : null;
      },
    );
    if (version) noteRowsWritten(db, version, written);
    cursor = page.cursor;
    if (page.more) continue;
    const locals = await localIdsDigests(db, names);
    const matched: string[] = [];
    for (const t of names) {
      const digest = page.digests?.[t];
      const local = locals.get(t);
      if (!digest || !local) continue;
      if (local.count === digest.count && local.xor === digest.xor) {
        matched.push(t);
        continue;
      }
      // reconciled: stays unverified, so the next pull checks it again
      await reconcileAccess(db, transport, t);
      summary.reconciled.push(t);
    }
    if (matched.length) {
      await db.transaction('rw', [db.meta], () => updateUnverified(db, { remove: matched }));
    }
    return summary;
  }
}
