import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { serviceWorkerUpdates, type ServiceWorkerUpdates } from './service-worker-updates.ts';

/** feeds the "new version — reload" prompt from the service worker registration */
export class SwUpdateController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #updates: ServiceWorkerUpdates;
  #dismissed = false;

  constructor(host: ReactiveControllerHost, updates: ServiceWorkerUpdates = serviceWorkerUpdates) {
    this.#host = host;
    this.#updates = updates;
    host.addController(this);
  }

  /** show the prompt */
  get needRefresh(): boolean {
    return this.#updates.waiting && !this.#dismissed;
  }

  reload(): void {
    this.#updates.applyUpdate();
  }

  /** hide the prompt until the next start; the new version activates once all tabs close */
  dismiss(): void {
    this.#dismissed = true;
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    this.#updates.addEventListener('change', this.#onChange);
  }

  hostDisconnected(): void {
    this.#updates.removeEventListener('change', this.#onChange);
  }

  readonly #onChange = (): void => {
    this.#host.requestUpdate();
  };
}
