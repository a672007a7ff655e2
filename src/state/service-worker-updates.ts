import { Workbox } from 'workbox-window';

// A PWA can stay open for days; look for a new deploy now and then, not only at start.
const updateCheckIntervalMs = 60 * 60 * 1000;

/**
 * The registered service worker and whether a new version is waiting. The new
 * worker never takes over on its own (`registerType: 'prompt'`): a coach mid-way
 * through marking attendance decides when to reload.
 */
export class ServiceWorkerUpdates extends EventTarget {
  #workbox: Workbox | undefined;
  #waiting = false;

  /** a new version is installed and waits for {@link applyUpdate} */
  get waiting(): boolean {
    return this.#waiting;
  }

  register(url: string): void {
    if (this.#workbox || !('serviceWorker' in navigator)) return;
    const workbox = new Workbox(url, { scope: import.meta.env.BASE_URL });
    this.#workbox = workbox;
    workbox.addEventListener('waiting', () => {
      this.#waiting = true;
      this.dispatchEvent(new Event('change'));
    });
    workbox.register().catch((error: unknown) => {
      // the app works without a worker, just not offline; never break the page for it
      console.warn('service worker registration failed', error);
    });
    setInterval(() => {
      if (navigator.onLine) workbox.update().catch(() => undefined);
    }, updateCheckIntervalMs);
  }

  /** activate the waiting worker, then reload once it controls the page */
  applyUpdate(): void {
    const workbox = this.#workbox;
    if (!workbox || !this.#waiting) return;
    workbox.addEventListener('controlling', () => window.location.reload());
    workbox.messageSkipWaiting();
  }
}

/** the page's one registration; main.ts registers, the update prompt listens */
export const serviceWorkerUpdates = new ServiceWorkerUpdates();
