// The tracker's batching and offline queue, without the browser: the public
// pages' script (src/public-site/analytics/tracker.ts) gives it the network,
// the device's queue and whether the device is online. Events are kept in
// memory and sent in batches (≤ 50 events, ≤ 60 KB, under the function's 64 KiB);
// a batch that cannot go (offline, the beacon refused, the request failed or
// was throttled) waits in the queue and goes with the next batch, and a queued
// event leaves the queue only once a batch carrying it was accepted. A copy
// sent twice (the page hid while a request was in flight) costs nothing: the
// database keeps each event id once, for ever.
import type { BrowserEventName } from './analytics-event.ts';

/** an event as the tracker sends it (analytics-event.ts validates it at the server) */
export interface TrackedEvent {
  id: string;
  name: BrowserEventName;
  coach: string | null;
  page: string | null;
  path: string;
  offer: string | null;
  referrer: string;
  utm: { source?: string; medium?: string; campaign?: string };
  at: string;
}

/** the device's queue (IndexedDB in the browser) */
export interface EventQueue {
  add(events: readonly TrackedEvent[]): Promise<void>;
  all(): Promise<TrackedEvent[]>;
  remove(ids: readonly string[]): Promise<void>;
}

/**
 * 'sent': handed over (accepted, or refused for good: sending again would not help);
 * 'retry': keep it for later.
 */
export type PostResult = 'sent' | 'retry';

export interface SenderPorts {
  online(): boolean;
  /** `leaving`: the page is hiding, so only a beacon can still go */
  post(body: string, leaving: boolean): Promise<PostResult>;
  /** the queue, opened on first use; null when the device has none (private mode) */
  queue(): Promise<EventQueue | null>;
  /** whether anything may be waiting in the queue (so it is opened only then) */
  queued(): boolean;
}

// the ingest takes 50 a request but 30 a minute from one address: a bigger batch would
// have its tail refused for good, a second batch of 30 is answered 429 and kept for later
export const BATCH_EVENTS = 30;
export const BATCH_BYTES = 60 * 1024;

/** events cut into request bodies of ≤ `maxEvents` and ≤ `maxBytes` (an event too big alone is dropped) */
export function batchBodies(
  events: readonly TrackedEvent[],
  maxEvents = BATCH_EVENTS,
  maxBytes = BATCH_BYTES,
): { body: string; events: TrackedEvent[] }[] {
  const out: { body: string; events: TrackedEvent[] }[] = [];
  let current: TrackedEvent[] = [];
  let size = 2;
  const close = () => {
    if (current.length) out.push({ body: JSON.stringify(current), events: current });
    current = [];
    size = 2;
  };
  for (const e of events) {
    const bytes = new TextEncoder().encode(JSON.stringify(e)).length + 1;
    if (bytes + 2 > maxBytes) continue;
    if (current.length >= maxEvents || size + bytes > maxBytes) close();
    current.push(e);
    size += bytes;
  }
  close();
  return out;
}

/** the campaign parameters of a page's query string (utm_source, utm_medium, utm_campaign) */
export function utmOf(search: string): TrackedEvent['utm'] {
  const q = new URLSearchParams(search);
  const out: TrackedEvent['utm'] = {};
  for (const key of ['source', 'medium', 'campaign'] as const) {
    const v = q.get(`utm_${key}`)?.trim().slice(0, 100);
    if (v) out[key] = v;
  }
  return out;
}

/**
 * Where the visitor came from: another site's origin only (its path may be
 * private), nothing for a page of this site (moving between our own pages is
 * not a source) or no referrer at all.
 */
export function referrerOf(documentReferrer: string, ownOrigin: string): string {
  try {
    const from = new URL(documentReferrer);
    if (from.protocol !== 'http:' && from.protocol !== 'https:') return '';
    return from.origin === ownOrigin ? '' : `${from.origin}/`;
  } catch {
    return '';
  }
}

export interface Sender {
  record(event: TrackedEvent): void;
  /** sends what is pending and, unless leaving, what waited in the queue */
  flush(leaving: boolean): Promise<void>;
  /** events recorded and not yet handed to a flush */
  pending(): number;
}

export function createSender(ports: SenderPorts): Sender {
  let pending: TrackedEvent[] = [];
  // one flush at a time: an `online` and a timer at once must not send a queued event twice
  let chain: Promise<void> = Promise.resolve();

  async function park(events: TrackedEvent[]): Promise<void> {
    if (!events.length) return;
    const queue = await ports.queue().catch(() => null);
    await queue?.add(events).catch(() => undefined);
  }

  async function run(leaving: boolean): Promise<void> {
    const fresh = pending;
    pending = [];
    if (!ports.online()) return park(fresh);
    if (leaving) {
      // the page is going: no time to read the queue; what cannot go waits there
      const left: TrackedEvent[] = [];
      for (const b of batchBodies(fresh)) {
        const result = await ports.post(b.body, true).catch((): PostResult => 'retry');
        if (result === 'retry') left.push(...b.events);
      }
      return park(left);
    }
    const queue = ports.queued() ? await ports.queue().catch(() => null) : null;
    const waiting = queue ? await queue.all().catch((): TrackedEvent[] => []) : [];
    const freshIds = new Set(fresh.map((e) => e.id));
    const all = [...waiting.filter((e) => !freshIds.has(e.id)), ...fresh];
    const waitingIds = new Set(waiting.map((e) => e.id));
    const retry: TrackedEvent[] = [];
    for (const b of batchBodies(all)) {
      const result = await ports.post(b.body, false).catch((): PostResult => 'retry');
      const gone = b.events.filter((e) => waitingIds.has(e.id)).map((e) => e.id);
      if (result === 'sent') {
        if (gone.length) await queue?.remove(gone).catch(() => undefined);
      } else {
        retry.push(...b.events.filter((e) => !waitingIds.has(e.id)));
      }
    }
    return park(retry);
  }

  return {
    record(event) {
      pending.push(event);
    },
    flush(leaving) {
      // leaving cannot wait for a request in flight: the beacon goes now
      if (leaving) return run(true);
      const next = chain.then(() => run(false));
      chain = next.catch(() => undefined);
      return next;
    },
    pending: () => pending.length,
  };
}
