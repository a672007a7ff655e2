// The tracker's offline queue: events that could not be sent wait in the
// device's IndexedDB until the next batch (on `online`, or the next page load).
//
// Not Dexie, which the app itself uses: the public pages ship no app code, and
// Dexie (~30 KB gzipped) would be fifteen times the tracker's whole budget
// (~2 KB) to do three things — put, getAll and delete by id in one store —
// that IndexedDB does directly here. And the database is opened only when
// something has to wait (and on later loads only while something waits, which a
// localStorage mark tells without opening it), so a visitor who is never
// offline gets no database at all.
import type { EventQueue, TrackedEvent } from '../../domain/analytics-sender.ts';

const NAME = 'trackside-analytics';
const STORE = 'events';
const MARK = 'trackside-analytics-queued';

function storage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

/** whether an earlier page left events waiting */
export function eventsWaiting(): boolean {
  return storage()?.getItem(MARK) === '1';
}

function mark(waiting: boolean): void {
  try {
    if (waiting) storage()?.setItem(MARK, '1');
    else storage()?.removeItem(MARK);
  } catch {
    // storage full or refused: the queue is still read on `online`
  }
}

function settled(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error);
  });
}

function over(db: IDBDatabase): EventQueue {
  const store = (mode: IDBTransactionMode) => {
    const tx = db.transaction(STORE, mode);
    return { tx, store: tx.objectStore(STORE) };
  };
  return {
    async add(events) {
      const { tx, store: s } = store('readwrite');
      for (const e of events) s.put(e);
      await settled(tx);
      mark(true);
    },
    all() {
      const { store: s } = store('readonly');
      const req = s.getAll();
      return new Promise<TrackedEvent[]>((resolve, reject) => {
        req.onsuccess = () => resolve(req.result as TrackedEvent[]);
        req.onerror = () => reject(req.error);
      });
    },
    async remove(ids) {
      const { tx, store: s } = store('readwrite');
      for (const id of ids) s.delete(id);
      const left = s.count();
      await settled(tx);
      mark(left.result > 0);
    },
  };
}

/** the queue, or null where the device keeps none (storage blocked, some private modes) */
export function openEventQueue(): Promise<EventQueue | null> {
  return new Promise((resolve) => {
    try {
      const req = indexedDB.open(NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
      req.onsuccess = () => resolve(over(req.result));
      req.onerror = () => resolve(null);
      req.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}
