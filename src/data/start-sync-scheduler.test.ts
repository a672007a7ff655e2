import { describe, expect, it } from 'vitest';
import { SyncAuthError, SyncNetworkError } from './sync-errors.ts';
import {
  startSyncScheduler,
  type SchedulerOptions,
  type SchedulerStatus,
} from './start-sync-scheduler.ts';

/** manual timers: `advance(ms)` fires what is due, in order */
function clock() {
  let now = 0;
  let next = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimer: (fn: () => void, ms: number) => {
      const id = next++;
      timers.set(id, { at: now + ms, fn });
      return id as unknown as ReturnType<typeof setTimeout>;
    },
    clearTimer: (h: ReturnType<typeof setTimeout>) => void timers.delete(h as unknown as number),
    pending: () => [...timers.values()].map((t) => t.at - now).sort((a, b) => a - b),
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, t]) => t.at <= until)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
        await new Promise((r) => setTimeout(r, 0));
      }
      now = until;
    },
  };
}

/** a Web Locks stand-in shared by "tabs" */
function locks() {
  const held = new Set<string>();
  return {
    held,
    async request<T>(
      name: string,
      _opts: LockOptions,
      fn: (lock: Lock | null) => Promise<T>,
    ): Promise<T> {
      if (held.has(name)) return fn(null);
      held.add(name);
      try {
        return await fn({ name, mode: 'exclusive' } as Lock);
      } finally {
        held.delete(name);
      }
    },
  };
}

function setup(run: () => Promise<unknown>, extra: Partial<SchedulerOptions> = {}) {
  const c = clock();
  const win = new EventTarget();
  const doc = Object.assign(new EventTarget(), {
    visibilityState: 'visible' as DocumentVisibilityState,
  });
  const statuses: SchedulerStatus[] = [];
  let online = true;
  const l = locks();
  const s = startSyncScheduler({
    run,
    lockName: 'sync-u1',
    locks: l as unknown as LockManager,
    windowTarget: win,
    documentTarget: doc,
    isOnline: () => online,
    random: () => 0.5,
    now: c.now,
    setTimer: c.setTimer,
    clearTimer: c.clearTimer,
    debounceMs: 1000,
    periodMs: 60_000,
    onStatus: (st) => statuses.push(st),
    ...extra,
  });
  return { s, c, win, doc, statuses, locks: l, setOnline: (v: boolean) => (online = v) };
}

describe('startSyncScheduler', () => {
  it('syncs at start, on online, focus, visibility, after edits (debounced) and periodically', async () => {
    let runs = 0;
    const { s, c, win, doc } = setup(async () => void runs++);
    await s.idle();
    expect(runs).toBe(1);
    win.dispatchEvent(new Event('online'));
    await s.idle();
    win.dispatchEvent(new Event('focus'));
    await s.idle();
    doc.dispatchEvent(new Event('visibilitychange'));
    await s.idle();
    expect(runs).toBe(4);
    s.notifyLocalChange();
    s.notifyLocalChange();
    s.notifyLocalChange();
    await c.advance(999);
    expect(runs).toBe(4);
    await c.advance(1);
    await s.idle();
    expect(runs).toBe(5);
    await c.advance(60_000);
    await s.idle();
    expect(runs).toBe(6);
    s.stop();
    win.dispatchEvent(new Event('online'));
    await c.advance(120_000);
    expect(runs).toBe(6);
  });

  it('coalesces requests made during a sync into one more sync', async () => {
    let runs = 0;
    let release!: () => void;
    const { s } = setup(() => {
      runs++;
      return runs === 1 ? new Promise<void>((r) => (release = r)) : Promise.resolve();
    });
    s.request();
    s.request();
    s.request();
    release();
    await s.idle();
    expect(runs).toBe(2);
  });

  it('backs off exponentially with jitter after failures, and resets on success', async () => {
    let fail = 3;
    let runs = 0;
    const { s, c, statuses } = setup(async () => {
      runs++;
      if (fail-- > 0) throw new SyncNetworkError('offline');
    });
    await s.idle();
    expect(c.pending()[0]).toBe(750);
    await c.advance(750);
    await s.idle();
    expect(c.pending()[0]).toBe(1500);
    await c.advance(1500);
    await s.idle();
    expect(c.pending()[0]).toBe(3000);
    expect(statuses.at(-1)?.error).toMatch(/offline/);
    await c.advance(3000);
    await s.idle();
    expect(runs).toBe(4);
    expect(statuses.at(-1)).toMatchObject({ error: null, retryAt: null, syncing: false });
    s.stop();
  });

  it('stops retrying when the session is gone, until the user signs in again', async () => {
    let runs = 0;
    let auth = true;
    const { s, c, statuses } = setup(async () => {
      runs++;
      if (auth) throw new SyncAuthError('sign in again');
    });
    await s.idle();
    expect(statuses.at(-1)?.needsSignIn).toBe(true);
    await c.advance(600_000);
    s.request();
    await s.idle();
    expect(runs).toBe(1);
    auth = false;
    s.resume();
    await s.idle();
    expect(runs).toBe(2);
    expect(statuses.at(-1)?.needsSignIn).toBe(false);
    s.stop();
  });

  it('lets one tab sync at a time', async () => {
    let runs = 0;
    const { s, c, locks: l } = setup(async () => void runs++);
    await s.idle();
    l.held.add('sync-u1'); // another tab is syncing
    s.request();
    await s.idle();
    expect(runs).toBe(1);
    l.held.delete('sync-u1');
    await c.advance(1000);
    await s.idle();
    expect(runs).toBe(2);
    s.stop();
  });

  it('does not try while the browser is offline', async () => {
    let runs = 0;
    const { s, win, setOnline } = setup(async () => void runs++, {});
    await s.idle();
    setOnline(false);
    s.request();
    await s.idle();
    expect(runs).toBe(1);
    setOnline(true);
    win.dispatchEvent(new Event('online'));
    await s.idle();
    expect(runs).toBe(2);
    s.stop();
  });

  it('holds the first sync until told to begin, and a request before then does not wait', async () => {
    let runs = 0;
    let begin: (() => void) | undefined;
    const { s, win } = setup(async () => void runs++, { firstSync: (go) => (begin = go) });
    await s.idle();
    expect(runs).toBe(0);
    begin?.();
    await s.idle();
    expect(runs).toBe(1);
    // the network coming back is reason enough on its own
    win.dispatchEvent(new Event('online'));
    await s.idle();
    expect(runs).toBe(2);
    s.stop();
  });
});
