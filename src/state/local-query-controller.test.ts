import { describe, expect, it, vi } from 'vitest';
import type { ReactiveController } from 'lit';
import type { Subscription } from 'dexie';
import type { SyncEngine } from '../data/start-sync-engine.ts';
import type { ContextEvent } from '@lit/context';
import { LocalQueryController } from './local-query-controller.ts';
import type { syncEngineContext } from './sync-engine-context.ts';

const engineA = { userId: 'a' } as unknown as SyncEngine;
const engineB = { userId: 'b' } as unknown as SyncEngine;

/** an element-like host whose provider answers with whatever engine the test sets */
function host() {
  const controllers: ReactiveController[] = [];
  let provide: ((engine: SyncEngine | null) => void) | undefined;
  let updates = 0;
  const h = Object.assign(new EventTarget(), {
    addController: (c: ReactiveController) => void controllers.push(c),
    removeController: () => undefined,
    requestUpdate: () => void updates++,
    updateComplete: Promise.resolve(true),
  });
  h.addEventListener('context-request', (event) => {
    const request = event as ContextEvent<typeof syncEngineContext>;
    // like a provider: one unsubscribe per subscriber, passed with every value
    const unsubscribe = () => (provide = undefined);
    provide = (engine) => request.callback(engine, unsubscribe);
    provide(null);
  });
  return {
    element: h as unknown as HTMLElement & typeof h,
    connect: () => controllers.forEach((c) => c.hostConnected?.()),
    update: () => controllers.forEach((c) => c.hostUpdate?.()),
    disconnect: () => controllers.forEach((c) => c.hostDisconnected?.()),
    provide: (engine: SyncEngine | null) => provide?.(engine),
    updates: () => updates,
  };
}

/** a query that records who it was opened for and lets the test answer */
function query() {
  const opened: { engine: SyncEngine; closed: boolean; answer: (v: string) => void }[] = [];
  const run = (engine: SyncEngine, onChange: (value: string) => void): Subscription => {
    const entry = { engine, closed: false, answer: onChange };
    opened.push(entry);
    return {
      unsubscribe: () => void (entry.closed = true),
      closed: false,
    } as Subscription;
  };
  return { run, opened, open: () => opened.filter((o) => !o.closed) };
}

describe('LocalQueryController', () => {
  it('opens the query once the engine arrives and passes its answers on', () => {
    const h = host();
    const q = query();
    const c = new LocalQueryController(h.element, q.run);
    h.connect();
    h.update();
    expect(q.opened).toEqual([]);
    expect(c.value).toBeUndefined();

    h.provide(engineA);
    h.update();
    h.update();
    expect(q.opened.map((o) => o.engine)).toEqual([engineA]);
    const before = h.updates();
    q.opened[0]?.answer('rows of a');
    expect(c.value).toBe('rows of a');
    expect(h.updates()).toBe(before + 1);
  });

  it('starts again, forgetting the old answer, when the user or the key changes', () => {
    const h = host();
    const q = query();
    let athlete = 'x';
    const c = new LocalQueryController(h.element, q.run, { key: () => athlete });
    h.connect();
    h.provide(engineA);
    h.update();
    q.opened[0]?.answer('x of a');

    athlete = 'y';
    h.update();
    expect(c.value).toBeUndefined();
    expect(q.open()).toHaveLength(1);
    expect(q.opened).toHaveLength(2);

    h.provide(engineB);
    h.update();
    expect(q.open().map((o) => o.engine)).toEqual([engineB]);

    h.provide(null);
    h.update();
    expect(q.open()).toEqual([]);
    expect(c.engine).toBeNull();
  });

  it('closes the query when the element leaves and reopens when it returns', () => {
    const h = host();
    const q = query();
    new LocalQueryController(h.element, q.run);
    h.connect();
    h.provide(engineA);
    h.update();
    h.disconnect();
    expect(q.open()).toEqual([]);
    h.connect();
    h.provide(engineA);
    h.update();
    expect(q.open()).toHaveLength(1);
  });

  it('holds the start’s deferred work until its first answer, or until the element leaves', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestIdleCallback', undefined);
    // fresh modules: the other tests left reads open, each a hold on this page load's start
    vi.resetModules();
    const { afterFirstDraw } = await import('../data/first-draw.ts');
    const { LocalQueryController } = await import('./local-query-controller.ts');
    try {
      const h = host();
      const q = query();
      new LocalQueryController(h.element, q.run);
      h.connect();
      h.provide(engineA);
      h.update();
      const network = vi.fn();
      afterFirstDraw(network);
      await vi.advanceTimersByTimeAsync(1000);
      expect(network).not.toHaveBeenCalled();
      q.opened[0]?.answer('first');
      await vi.advanceTimersByTimeAsync(200);
      expect(network).toHaveBeenCalledOnce();

      // a page left before its read answered lets go too
      const other = host();
      new LocalQueryController(other.element, q.run);
      other.connect();
      other.provide(engineA);
      other.update();
      const later = vi.fn();
      afterFirstDraw(later);
      await vi.advanceTimersByTimeAsync(1000);
      expect(later).not.toHaveBeenCalled();
      other.disconnect();
      await vi.advanceTimersByTimeAsync(200);
      expect(later).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
      vi.unstubAllGlobals();
    }
  });
});
