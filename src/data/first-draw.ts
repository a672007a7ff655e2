// The first draw of a cold start: the page the user opened, read from the
// device. Until it is on screen, the rest of the start (supabase-js, the first
// sync, the tab bar, the home page's links) waits, because on a phone every one
// of them is main-thread work in front of the page's few IndexedDB answers.
// Whoever draws holds the start open; the waiting work runs at the first idle
// moment after the last hold is let go, and after `capMs` regardless, so a
// read that never answers cannot keep the network away.
import { whenIdle } from './when-idle.ts';

let holds = 0;
let waiting: (() => void)[] = [];

/** holds the first draw open until the returned function is called (once is enough) */
export function holdFirstDraw(): () => void {
  holds += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holds -= 1;
    if (holds === 0) flush();
  };
}

function flush(): void {
  const tasks = waiting;
  waiting = [];
  for (const task of tasks) runWhenDrawn(task);
}

/** at the first idle moment with no hold; a hold taken meanwhile sends it back to wait */
function runWhenDrawn(task: () => void): void {
  whenIdle(() => {
    if (holds > 0) waiting.push(task);
    else task();
  });
}

/** runs `task` once the first draw is done, or after `capMs` at the latest; once */
export function afterFirstDraw(task: () => void, capMs = 2000): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(cap);
    task();
  };
  const cap = setTimeout(once, capMs);
  runWhenDrawn(once);
}
