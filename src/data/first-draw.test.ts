import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// a fresh module per test: the holds are the page's, counted once per load
async function load() {
  vi.resetModules();
  return import('./first-draw.ts');
}

describe('the first draw', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // no idle callbacks here: whenIdle falls back to a timer of 200 ms
    vi.stubGlobal('requestIdleCallback', undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('runs deferred work at the first idle moment when nothing holds the start', async () => {
    const { afterFirstDraw } = await load();
    const task = vi.fn();
    afterFirstDraw(task);
    expect(task).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(task).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(5000);
    expect(task).toHaveBeenCalledOnce();
  });

  it('waits for every hold, then for idle; letting go twice counts once', async () => {
    const { afterFirstDraw, holdFirstDraw } = await load();
    const page = holdFirstDraw();
    const query = holdFirstDraw();
    const task = vi.fn();
    afterFirstDraw(task);
    await vi.advanceTimersByTimeAsync(500);
    expect(task).not.toHaveBeenCalled();
    query();
    query();
    await vi.advanceTimersByTimeAsync(500);
    expect(task).not.toHaveBeenCalled();
    page();
    expect(task).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(task).toHaveBeenCalledOnce();
  });

  it('sends work back to wait when a hold is taken before its idle moment', async () => {
    const { afterFirstDraw, holdFirstDraw } = await load();
    const task = vi.fn();
    afterFirstDraw(task);
    // the page's own read starts between the release and the idle callback
    const query = holdFirstDraw();
    await vi.advanceTimersByTimeAsync(500);
    expect(task).not.toHaveBeenCalled();
    query();
    await vi.advanceTimersByTimeAsync(200);
    expect(task).toHaveBeenCalledOnce();
  });

  it('never keeps the work waiting longer than its cap', async () => {
    const { afterFirstDraw, holdFirstDraw } = await load();
    holdFirstDraw();
    const task = vi.fn();
    afterFirstDraw(task, 1500);
    await vi.advanceTimersByTimeAsync(1499);
    expect(task).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(task).toHaveBeenCalledOnce();
  });
});
