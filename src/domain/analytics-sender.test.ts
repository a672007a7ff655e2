import { describe, expect, it } from 'vitest';
import {
  type EventQueue,
  type PostResult,
  type TrackedEvent,
  batchBodies,
  createSender,
  referrerOf,
  utmOf,
} from './analytics-sender.ts';

let n = 0;
function event(extra: Partial<TrackedEvent> = {}): TrackedEvent {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    name: 'page_view',
    coach: null,
    page: 'volkov',
    path: '/volkov',
    offer: null,
    referrer: '',
    utm: {},
    at: '2026-12-06T12:00:00.000Z',
    ...extra,
  };
}

function memoryQueue(): EventQueue & { items: Map<string, TrackedEvent> } {
  const items = new Map<string, TrackedEvent>();
  return {
    items,
    add: (events) => {
      for (const e of events) items.set(e.id, e);
      return Promise.resolve();
    },
    all: () => Promise.resolve([...items.values()]),
    remove: (ids) => {
      for (const id of ids) items.delete(id);
      return Promise.resolve();
    },
  };
}

/** a device: online or not, a server that accepts or not, and what it received */
function device() {
  const queue = memoryQueue();
  const state = { online: true, answer: 'sent' as PostResult };
  const received: { ids: string[]; leaving: boolean }[] = [];
  const sender = createSender({
    online: () => state.online,
    post: (body, leaving) => {
      if (state.answer === 'sent') {
        received.push({ ids: (JSON.parse(body) as TrackedEvent[]).map((e) => e.id), leaving });
      }
      return Promise.resolve(state.answer);
    },
    queue: () => Promise.resolve(queue),
    queued: () => queue.items.size > 0,
  });
  const arrived = () => received.flatMap((r) => r.ids);
  return { queue, state, received, sender, arrived };
}

describe('batchBodies', () => {
  it('cuts at 30 events, what one address may send in a minute', () => {
    const events = Array.from({ length: 80 }, () => event());
    const bodies = batchBodies(events);
    expect(bodies.map((b) => b.events.length)).toEqual([30, 30, 20]);
    expect(JSON.parse(bodies[0]?.body ?? '[]')).toHaveLength(30);
  });

  it('cuts by bytes and drops an event too big alone', () => {
    const big = event({ path: `/${'x'.repeat(900)}` });
    const huge = event({ path: `/${'y'.repeat(5000)}` });
    const bodies = batchBodies([big, big, huge, big], 50, 2500);
    expect(bodies.map((b) => b.events.length)).toEqual([2, 1]);
    for (const b of bodies)
      expect(new TextEncoder().encode(b.body).length).toBeLessThanOrEqual(2500);
  });
});

describe('utmOf and referrerOf', () => {
  it('reads the three campaign parameters, trimmed, nothing else', () => {
    expect(
      utmOf('?utm_source=tg&utm_medium=%20post%20&utm_campaign=spring&utm_term=x&a=1'),
    ).toEqual({ source: 'tg', medium: 'post', campaign: 'spring' });
    expect(utmOf('')).toEqual({});
  });

  it("keeps another site's origin only, nothing for our own pages", () => {
    const own = 'https://trackside.app';
    expect(referrerOf('https://t.me/s/channel/123?x=1', own)).toBe('https://t.me/');
    expect(referrerOf('https://trackside.app/volkov', own)).toBe('');
    expect(referrerOf('', own)).toBe('');
    expect(referrerOf('android-app://org.telegram.messenger/', own)).toBe('');
  });
});

describe('createSender', () => {
  it('sends what was recorded in one batch, once', async () => {
    const d = device();
    const a = event();
    const b = event();
    d.sender.record(a);
    d.sender.record(b);
    await d.sender.flush(false);
    await d.sender.flush(false);
    expect(d.received).toEqual([{ ids: [a.id, b.id], leaving: false }]);
    expect(d.queue.items.size).toBe(0);
  });

  it('offline: events wait in the queue and go once when back online', async () => {
    const d = device();
    d.state.online = false;
    const a = event();
    const b = event();
    d.sender.record(a);
    await d.sender.flush(false);
    d.sender.record(b);
    await d.sender.flush(true);
    expect(d.received).toEqual([]);
    expect([...d.queue.items.keys()]).toEqual([a.id, b.id]);

    d.state.online = true;
    await Promise.all([d.sender.flush(false), d.sender.flush(false)]);
    await d.sender.flush(false);
    expect(d.arrived()).toEqual([a.id, b.id]);
    expect(d.queue.items.size).toBe(0);
  });

  it('a refused beacon or a failed request keeps the batch for the next one', async () => {
    const d = device();
    d.state.answer = 'retry';
    const a = event();
    d.sender.record(a);
    await d.sender.flush(true);
    const b = event();
    d.sender.record(b);
    await d.sender.flush(false);
    expect([...d.queue.items.keys()].sort()).toEqual([a.id, b.id].sort());

    d.state.answer = 'sent';
    const c = event();
    d.sender.record(c);
    await d.sender.flush(false);
    expect(d.arrived().sort()).toEqual([a.id, b.id, c.id].sort());
    expect(d.queue.items.size).toBe(0);
  });

  it('a thrown post counts as a failure, not a loss', async () => {
    const queue = memoryQueue();
    const sender = createSender({
      online: () => true,
      post: () => Promise.reject(new Error('network')),
      queue: () => Promise.resolve(queue),
      queued: () => queue.items.size > 0,
    });
    const a = event();
    sender.record(a);
    await sender.flush(false);
    expect([...queue.items.keys()]).toEqual([a.id]);
  });

  it('leaving sends by beacon without reading the queue', async () => {
    const d = device();
    d.state.online = false;
    const old = event();
    d.sender.record(old);
    await d.sender.flush(false);
    d.state.online = true;
    const a = event();
    d.sender.record(a);
    await d.sender.flush(true);
    expect(d.received).toEqual([{ ids: [a.id], leaving: true }]);
    expect([...d.queue.items.keys()]).toEqual([old.id]);
  });

  it('a device without a queue still sends when it can', async () => {
    let posted = 0;
    const sender = createSender({
      online: () => true,
      post: () => {
        posted += 1;
        return Promise.resolve('sent');
      },
      queue: () => Promise.resolve(null),
      queued: () => true,
    });
    sender.record(event());
    await sender.flush(false);
    expect(posted).toBe(1);
    expect(sender.pending()).toBe(0);
  });
});
