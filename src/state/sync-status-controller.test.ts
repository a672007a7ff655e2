import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LocalSyncStatus } from '../data/observe-sync-status.ts';
import type { SchedulerStatus } from '../data/start-sync-scheduler.ts';
import { SyncStatusController, type SyncStatusSource } from './sync-status-controller.ts';

function host() {
  const controllers: ReactiveController[] = [];
  let updates = 0;
  const h: ReactiveControllerHost & { updates: () => number; connect(): void; disconnect(): void } =
    {
      addController: (c) => void controllers.push(c),
      removeController: () => undefined,
      requestUpdate: () => void updates++,
      updateComplete: Promise.resolve(true),
      updates: () => updates,
      connect: () => controllers.forEach((c) => c.hostConnected?.()),
      disconnect: () => controllers.forEach((c) => c.hostDisconnected?.()),
    };
  return h;
}

function source() {
  let local: ((s: LocalSyncStatus) => void) | null = null;
  let sched: ((s: SchedulerStatus) => void) | null = null;
  const answers: unknown[] = [];
  const src: SyncStatusSource = {
    observe: (cb) => ((local = cb), () => (local = null)),
    onScheduler: (cb) => ((sched = cb), () => (sched = null)),
    requestSync: () => void answers.push('sync'),
    resolveIssue: async (id, answer) => void answers.push([id, answer]),
  };
  return {
    src,
    answers,
    emitLocal: (s: LocalSyncStatus) => local?.(s),
    emitScheduler: (s: SchedulerStatus) => sched?.(s),
    subscribed: () => local !== null && sched !== null,
  };
}

describe('SyncStatusController', () => {
  const win = new EventTarget();
  let online = true;
  beforeEach(() => {
    vi.stubGlobal('window', win);
    vi.stubGlobal('navigator', {
      get onLine() {
        return online;
      },
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows online state, pending count, last sync, failures and issues', () => {
    const h = host();
    const s = source();
    const c = new SyncStatusController(h, s.src);
    h.connect();
    expect(s.subscribed()).toBe(true);
    s.emitLocal({
      pending: 3,
      lastSyncAt: 42,
      issues: [
        {
          id: 1,
          kind: 'rejected',
          table: 'athletes',
          rowId: 'r',
          fields: {},
          reason: 'forbidden',
          message: 'no',
          at: 1,
        },
        {
          id: 2,
          kind: 'superseded',
          table: 'athletes',
          rowId: 'r',
          fields: {},
          reason: 'superseded',
          message: 'later',
          at: 2,
        },
      ],
    });
    s.emitScheduler({ syncing: false, error: 'unreachable', needsSignIn: false, retryAt: 99 });
    expect([c.error, c.retryAt]).toEqual(['unreachable', 99]);
    s.emitScheduler({ syncing: false, error: 'offline', needsSignIn: true, retryAt: null });
    expect([c.pending, c.lastSyncAt, c.error, c.needsSignIn]).toEqual([3, 42, 'offline', true]);
    expect(c.retryAt).toBeNull();
    expect(c.rejected.map((i) => i.id)).toEqual([1]);
    expect(c.superseded.map((i) => i.id)).toEqual([2]);
    online = false;
    win.dispatchEvent(new Event('offline'));
    expect(c.online).toBe(false);
    expect(h.updates()).toBeGreaterThanOrEqual(3);
    h.disconnect();
    expect(s.subscribed()).toBe(false);
  });

  it("passes the user's answers to the engine and switches engines on sign-out", async () => {
    const h = host();
    const s = source();
    const c = new SyncStatusController(h, s.src);
    h.connect();
    c.syncNow();
    await c.retry(1, { notes: 'edited' });
    await c.discard(2);
    expect(s.answers).toEqual([
      'sync',
      [1, { action: 'retry', fields: { notes: 'edited' } }],
      [2, { action: 'discard' }],
    ]);
    s.emitLocal({ pending: 1, lastSyncAt: 1, issues: [] });
    c.setSource(null);
    expect(c.pending).toBe(0);
    expect(s.subscribed()).toBe(false);
  });
});
