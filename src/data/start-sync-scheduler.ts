// When to sync: at start, when the browser comes online, when the app regains focus
// or becomes visible, shortly after local edits (debounced) and periodically. One
// tab syncs at a time (Web Locks); failures back off exponentially with jitter; a
// session that cannot be refreshed stops retrying until the user signs in again.
import { backoffDelay, defaultBackoff, type BackoffOptions } from '../domain/sync-backoff.ts';
import { SyncAuthError } from './sync-errors.ts';

export interface SchedulerStatus {
  syncing: boolean;
  /** the last failure, until a sync succeeds */
  error: string | null;
  /** the session is gone: the outbox is kept and the user must sign in again */
  needsSignIn: boolean;
  /** device clock of the next retry after a failure */
  retryAt: number | null;
}

type Handle = ReturnType<typeof setTimeout>;

export interface SchedulerOptions {
  /** one sync (push then pull) */
  run: () => Promise<unknown>;
  /** the Web Lock shared by every tab of this user */
  lockName: string;
  locks?: Pick<LockManager, 'request'> | null;
  /** fires online, focus (window) */
  windowTarget?: EventTarget | null;
  /** fires visibilitychange (document) */
  documentTarget?: (EventTarget & { visibilityState?: DocumentVisibilityState }) | null;
  isOnline?: () => boolean;
  random?: () => number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => Handle;
  clearTimer?: (h: Handle) => void;
  debounceMs?: number;
  periodMs?: number;
  backoff?: BackoffOptions;
  onStatus?: (status: SchedulerStatus) => void;
  /**
   * when the first sync begins: at once unless given. The app waits for the
   * first idle moment, so a cold start draws the page from the device before
   * the network code loads and the sync's work competes with it.
   */
  firstSync?: (begin: () => void) => void;
}

export interface SyncScheduler {
  /** sync as soon as possible (coalesced with a sync in progress) */
  request(): void;
  /** a local edit was queued: sync after the debounce */
  notifyLocalChange(): void;
  /** the user signed in again: clear the sign-in block and sync */
  resume(): void;
  stop(): void;
  /** resolves when no sync is running or queued (tests) */
  idle(): Promise<void>;
}

export function startSyncScheduler(options: SchedulerOptions): SyncScheduler {
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h));
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const isOnline = options.isOnline ?? (() => globalThis.navigator?.onLine ?? true);
  const locks = options.locks === undefined ? (globalThis.navigator?.locks ?? null) : options.locks;
  const debounceMs = options.debounceMs ?? 1_500;
  const periodMs = options.periodMs ?? 5 * 60_000;
  const backoff = options.backoff ?? defaultBackoff;

  const status: SchedulerStatus = {
    syncing: false,
    error: null,
    needsSignIn: false,
    retryAt: null,
  };
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let attempt = 0;
  let debounce: Handle | null = null;
  let retry: Handle | null = null;
  let period: Handle | null = null;

  const emit = () => options.onStatus?.({ ...status });

  function schedulePeriodic() {
    if (period !== null) clearTimer(period);
    period = setTimer(() => {
      period = null;
      request();
      schedulePeriodic();
    }, periodMs);
  }

  async function once(): Promise<'done' | 'busy'> {
    if (!locks) {
      await options.run();
      return 'done';
    }
    return locks.request(options.lockName, { ifAvailable: true }, async (lock) => {
      if (!lock) return 'busy' as const;
      await options.run();
      return 'done' as const;
    });
  }

  async function loop(): Promise<void> {
    do {
      again = false;
      if (stopped || status.needsSignIn || !isOnline()) return;
      status.syncing = true;
      emit();
      try {
        const outcome = await once();
        if (outcome === 'busy') {
          // another tab is syncing the same database; look again shortly
          schedule('debounce', debounceMs);
        } else {
          attempt = 0;
          status.error = null;
          status.retryAt = null;
        }
      } catch (e) {
        status.error = e instanceof Error ? e.message : String(e);
        if (e instanceof SyncAuthError) {
          status.needsSignIn = true;
        } else {
          const delay = backoffDelay(attempt++, random, backoff);
          status.retryAt = now() + delay;
          schedule('retry', delay);
        }
        again = false;
      } finally {
        status.syncing = false;
        emit();
      }
    } while (again && !stopped);
  }

  function schedule(kind: 'debounce' | 'retry', ms: number) {
    if (stopped) return;
    if (kind === 'debounce') {
      if (debounce !== null) clearTimer(debounce);
      debounce = setTimer(() => {
        debounce = null;
        request();
      }, ms);
    } else {
      if (retry !== null) clearTimer(retry);
      retry = setTimer(() => {
        retry = null;
        request();
      }, ms);
    }
  }

  function request() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = loop().finally(() => {
      running = null;
    });
  }

  const onOnline = () => {
    // a fresh network: retry now rather than waiting out the backoff
    attempt = 0;
    request();
  };
  const onFocus = () => request();
  const onVisibility = () => {
    if (options.documentTarget?.visibilityState !== 'hidden') request();
  };
  const win =
    options.windowTarget === undefined ? (globalThis.window ?? null) : options.windowTarget;
  const doc =
    options.documentTarget === undefined ? (globalThis.document ?? null) : options.documentTarget;
  win?.addEventListener('online', onOnline);
  win?.addEventListener('focus', onFocus);
  doc?.addEventListener('visibilitychange', onVisibility);

  schedulePeriodic();
  if (options.firstSync) options.firstSync(request);
  else request();

  return {
    request,
    notifyLocalChange: () => schedule('debounce', debounceMs),
    resume() {
      status.needsSignIn = false;
      status.error = null;
      attempt = 0;
      emit();
      request();
    },
    stop() {
      stopped = true;
      for (const h of [debounce, retry, period]) if (h !== null) clearTimer(h);
      win?.removeEventListener('online', onOnline);
      win?.removeEventListener('focus', onFocus);
      doc?.removeEventListener('visibilitychange', onVisibility);
    },
    async idle() {
      while (running) await running;
    },
  };
}
