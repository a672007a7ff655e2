// The public pages' tracker, served as one small deferred script
// (/api/analytics/tracker.js, built into tracker-bundle.ts by
// `npm run build:tracker`). It records what only the page knows:
//   page_view on load; offer_view once per offer card per load, when at least
//   half of it is visible; slot_selected when a time is picked on the booking
//   page; checkout_started when the checkout page is shown.
// Each event has its own id; the batch goes after a short idle delay by
// fetch(keepalive) (its answer tells a failure, so nothing is lost silently),
// and when the page hides by sendBeacon (text/plain: no preflight), fetch
// with keepalive if the beacon is refused. What cannot go waits in IndexedDB
// (event-queue.ts). Nothing here delays a tap: listeners are passive, no
// default is prevented, and sending happens off the tap's path.
// No cookie and nothing stored about the visitor; the page's address, its
// referrer's origin and its utm_* parameters are all it reads.
import {
  type PostResult,
  type TrackedEvent,
  createSender,
  referrerOf,
  utmOf,
} from '../../domain/analytics-sender.ts';
import type { BrowserEventName } from '../../domain/analytics-event.ts';
import { eventsWaiting, openEventQueue } from './event-queue.ts';

const ENDPOINT = '/api/analytics/events';
const IDLE_MS = 2000;

function post(body: string, leaving: boolean): Promise<PostResult> {
  if (leaving && navigator.sendBeacon?.(ENDPOINT, new Blob([body], { type: 'text/plain' }))) {
    return Promise.resolve('sent');
  }
  return fetch(ENDPOINT, {
    method: 'POST',
    body,
    keepalive: true,
    credentials: 'omit',
    headers: { 'content-type': 'text/plain' },
  }).then(
    // refused for good (403, 400, 413): sending again would not help
    (r): PostResult => (r.status === 429 || r.status >= 500 ? 'retry' : 'sent'),
    (): PostResult => 'retry',
  );
}

function start(data: DOMStringMap): void {
  let queue: ReturnType<typeof openEventQueue> | null = null;
  const sender = createSender({
    online: () => navigator.onLine !== false,
    post,
    queue: () => (queue ??= openEventQueue()),
    queued: eventsWaiting,
  });
  const base = {
    coach: data['coach'] || null,
    page: data['page'] || null,
    path: location.pathname,
    referrer: referrerOf(document.referrer, location.origin),
    utm: utmOf(location.search),
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flushSoon = () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      void sender.flush(false);
    }, IDLE_MS);
  };
  const track = (name: BrowserEventName, offer: string | null = null) => {
    const event: TrackedEvent = {
      id: crypto.randomUUID(),
      name,
      ...base,
      offer,
      at: new Date().toISOString(),
    };
    sender.record(event);
    flushSoon();
  };

  track('page_view');
  if (data['event'] === 'checkout_started') track('checkout_started', data['checkout'] || null);

  if (typeof IntersectionObserver === 'function') {
    const seen = new Set<string>();
    const watch = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const offer = (entry.target as HTMLElement).dataset['offer'];
          if (!offer || entry.intersectionRatio < 0.5) continue;
          watch.unobserve(entry.target);
          if (seen.has(offer)) continue;
          seen.add(offer);
          track('offer_view', offer);
        }
      },
      { threshold: 0.5 },
    );
    document.querySelectorAll('[data-offer]').forEach((el) => watch.observe(el));
  }

  const leave = () => {
    clearTimeout(timer);
    timer = undefined;
    void sender.flush(true);
  };
  document.addEventListener(
    'click',
    (e) => {
      const target = e.target instanceof Element ? e.target : null;
      const slot = target?.closest('[data-slot]');
      if (slot) track('slot_selected', slot.getAttribute('data-slot') || null);
      // a link is leaving the page: the batch goes now, as a beacon, not on pagehide
      // (a beacon sent while the page unloads is sometimes lost)
      if (target?.closest('a[href]')) leave();
    },
    { capture: true, passive: true },
  );
  // a form leaving the page (the checkout's Pay, a booking's submit) sends it the same way
  document.addEventListener('submit', leave, { capture: true, passive: true });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') leave();
  });
  addEventListener('pagehide', leave);
  addEventListener('online', () => void sender.flush(false));
}

// randomUUID exists only in a secure context: a page over plain http (a phone on
// the dev machine's LAN address) records nothing rather than ids of its own
const script = document.currentScript;
if (script instanceof HTMLScriptElement && typeof crypto.randomUUID === 'function') {
  start(script.dataset);
}
