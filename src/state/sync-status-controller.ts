// Sync status for the UI: online/offline, pending changes, the last successful
// sync, whether a sync is running or failed, and the changes awaiting the user
// (rejected by the server, or overwritten by someone else). Reads come from the
// engine's live query over IndexedDB; the network is never on the path.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SyncIssue } from '../domain/sync-protocol.ts';
import type { LocalSyncStatus } from '../data/observe-sync-status.ts';
import type { SchedulerStatus } from '../data/start-sync-scheduler.ts';

/** the part of the sync engine the controller needs (SyncEngine satisfies it) */
export interface SyncStatusSource {
  observe(onChange: (status: LocalSyncStatus) => void): () => void;
  onScheduler(onChange: (status: SchedulerStatus) => void): () => void;
  requestSync(): void;
  resolveIssue(
    id: number,
    answer: { action: 'discard' } | { action: 'retry'; fields?: Record<string, unknown> },
  ): Promise<void>;
}

export class SyncStatusController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #source: SyncStatusSource | null;
  #unsubscribe: (() => void)[] = [];
  #connected = false;

  online = typeof navigator === 'undefined' ? true : navigator.onLine;
  pending = 0;
  lastSyncAt: number | null = null;
  issues: SyncIssue[] = [];
  syncing = false;
  error: string | null = null;
  /** when a failed sync is tried again (backoff), or null */
  retryAt: number | null = null;
  needsSignIn = false;

  constructor(host: ReactiveControllerHost, source: SyncStatusSource | null = null) {
    this.#host = host;
    this.#source = source;
    host.addController(this);
  }

  /** changes that the server refused */
  get rejected(): SyncIssue[] {
    return this.issues.filter((i) => i.kind === 'rejected');
  }

  /** changes someone else overwrote later */
  get superseded(): SyncIssue[] {
    return this.issues.filter((i) => i.kind === 'superseded');
  }

  /** switch engines (sign-in, sign-out) */
  setSource(source: SyncStatusSource | null): void {
    this.#unsubscribeAll();
    this.#source = source;
    this.pending = 0;
    this.lastSyncAt = null;
    this.issues = [];
    this.syncing = false;
    this.error = null;
    this.retryAt = null;
    this.needsSignIn = false;
    if (this.#connected) this.#subscribe();
    this.#host.requestUpdate();
  }

  syncNow(): void {
    this.#source?.requestSync();
  }

  retry(issueId: number, fields?: Record<string, unknown>): Promise<void> {
    return (
      this.#source?.resolveIssue(issueId, { action: 'retry', ...(fields ? { fields } : {}) }) ??
      Promise.resolve()
    );
  }

  discard(issueId: number): Promise<void> {
    return this.#source?.resolveIssue(issueId, { action: 'discard' }) ?? Promise.resolve();
  }

  hostConnected(): void {
    this.#connected = true;
    this.online = navigator.onLine;
    window.addEventListener('online', this.#onNetwork);
    window.addEventListener('offline', this.#onNetwork);
    this.#subscribe();
  }

  hostDisconnected(): void {
    this.#connected = false;
    window.removeEventListener('online', this.#onNetwork);
    window.removeEventListener('offline', this.#onNetwork);
    this.#unsubscribeAll();
  }

  #subscribe(): void {
    const source = this.#source;
    if (!source) return;
    this.#unsubscribe.push(
      source.observe((s) => {
        this.pending = s.pending;
        this.lastSyncAt = s.lastSyncAt;
        this.issues = s.issues;
        this.#host.requestUpdate();
      }),
      source.onScheduler((s) => {
        this.syncing = s.syncing;
        this.error = s.error;
        this.retryAt = s.retryAt;
        this.needsSignIn = s.needsSignIn;
        this.#host.requestUpdate();
      }),
    );
  }

  #unsubscribeAll(): void {
    for (const u of this.#unsubscribe.splice(0)) u();
  }

  readonly #onNetwork = (): void => {
    this.online = navigator.onLine;
    this.#host.requestUpdate();
  };
}
