// The sync engine of one signed-in user, wired for the app: the user's database,
// the Supabase transport, the scheduler (Web Locks, triggers, backoff), persistent
// storage, status for the UI and logout. The app starts one after sign-in and
// stops it (or logs out through it) when the user leaves.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { SyncIssue } from '../domain/sync-protocol.ts';
import { applyLocalChange, type LocalChange } from './apply-local-change.ts';
import { markAttendance, type AttendanceInput } from './mark-attendance.ts';
import { logoutUser } from './logout-user.ts';
import { observeSyncStatus, type LocalSyncStatus } from './observe-sync-status.ts';
import { openUserDatabase, type UserDatabase } from './open-user-database.ts';
import { requestPersistentStorage } from './request-persistent-storage.ts';
import { resolveSyncIssue } from './resolve-sync-issue.ts';
import {
  startSyncScheduler,
  type SchedulerOptions,
  type SchedulerStatus,
  type SyncScheduler,
} from './start-sync-scheduler.ts';
import { SyncNetworkError } from './sync-errors.ts';
import { afterFirstDraw } from './first-draw.ts';
import type { SyncTransport } from './sync-transport.ts';

export interface SyncEngine {
  readonly userId: string;
  readonly db: UserDatabase;
  /** a local edit (row + outbox entry in one transaction), then a debounced sync */
  change(change: LocalChange): Promise<void>;
  /** marks (or clears) an athlete's attendance: read, decide and write in one transaction */
  markAttendance(input: AttendanceInput): Promise<void>;
  requestSync(): void;
  /** after the user signed in again */
  resume(): void;
  observe(onChange: (status: LocalSyncStatus) => void): () => void;
  onScheduler(onChange: (status: SchedulerStatus) => void): () => void;
  resolveIssue(
    id: number,
    answer: { action: 'discard' } | { action: 'retry'; fields?: Record<string, unknown> },
  ): Promise<void>;
  /** warns through `confirmDiscard` when changes are pending; true when logged out */
  logout(confirmDiscard: (pending: number) => Promise<boolean> | boolean): Promise<boolean>;
  stop(): void;
  /** issues awaiting the user, for one-off reads */
  issues(): Promise<SyncIssue[]>;
}

export async function startSyncEngine(options: {
  /** loads the app's client on first use: the local database never waits for it */
  client: () => Promise<SupabaseClient>;
  userId: string;
  transport?: SyncTransport;
  scheduler?: Partial<SchedulerOptions>;
}): Promise<SyncEngine> {
  const db = await openUserDatabase(options.userId);
  const transport = options.transport ?? lazySupabaseTransport(options.client);
  const listeners = new Set<(s: SchedulerStatus) => void>();
  let last: SchedulerStatus = { syncing: false, error: null, needsSignIn: false, retryAt: null };
  void requestPersistentStorage();
  const scheduler: SyncScheduler = startSyncScheduler({
    // the network half of the engine loads with the first sync, not before the first render
    run: async () => (await import('./sync-once.ts')).syncOnce(db, transport),
    lockName: `trackside-sync-${db.userId}`,
    firstSync: (begin) => afterFirstDraw(begin),
    ...options.scheduler,
    onStatus: (s) => {
      last = s;
      for (const l of listeners) l(s);
    },
  });
  return {
    userId: db.userId,
    db,
    async change(change) {
      await applyLocalChange(db, change);
      scheduler.notifyLocalChange();
    },
    async markAttendance(input) {
      if (await markAttendance(db, input)) scheduler.notifyLocalChange();
    },
    requestSync: () => scheduler.request(),
    resume: () => scheduler.resume(),
    observe: (onChange) => observeSyncStatus(db, onChange),
    onScheduler(onChange) {
      listeners.add(onChange);
      onChange(last);
      return () => listeners.delete(onChange);
    },
    async resolveIssue(id, answer) {
      await resolveSyncIssue(db, id, answer);
      scheduler.notifyLocalChange();
    },
    async logout(confirmDiscard) {
      const done = await logoutUser({
        db,
        confirmDiscard,
        signOut: async () => (await options.client()).auth.signOut({ scope: 'local' }),
      });
      if (done) scheduler.stop();
      return done;
    },
    stop() {
      scheduler.stop();
      db.close();
    },
    issues: () => db.issues.toArray(),
  };
}

/**
 * The Supabase transport, loaded on the first call. A chunk that cannot be
 * fetched (offline before the app was ever fully cached) is a network error the
 * scheduler retries, and the next call tries the import again.
 */
function lazySupabaseTransport(client: () => Promise<SupabaseClient>): SyncTransport {
  let loading: Promise<SyncTransport> | undefined;
  const transport = (): Promise<SyncTransport> =>
    (loading ??= Promise.all([client(), import('./create-supabase-transport.ts')]).then(
      ([c, module]) => module.createSupabaseTransport(c),
      (error: unknown) => {
        loading = undefined;
        throw new SyncNetworkError(`sync code did not load: ${String(error)}`, { cause: error });
      },
    ));
  return {
    call: async (fn, args) => (await transport()).call(fn, args),
    currentUser: async () => (await transport()).currentUser(),
    refresh: async () => (await transport()).refresh(),
  };
}
