/**
 * Runs `task` at the main thread's first idle moment, and within `timeoutMs`
 * however busy it stays (soon after, where idle callbacks are missing). For
 * work a cold start can leave until the page the user opened has drawn: the
 * network code, the first sync, the tab bar.
 */
export function whenIdle(task: () => void, timeoutMs = 2000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: timeoutMs });
  else setTimeout(task, 200);
}
