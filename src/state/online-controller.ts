import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Whether the browser believes it has a network, for the offline badge.
 * `navigator.onLine === false` is reliable; `true` only means "some network",
 * so callers still treat a failed request as offline.
 */
export class OnlineController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  online = navigator.onLine;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.online = navigator.onLine;
    window.addEventListener('online', this.#update);
    window.addEventListener('offline', this.#update);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#update);
    window.removeEventListener('offline', this.#update);
  }

  readonly #update = (): void => {
    this.online = navigator.onLine;
    this.#host.requestUpdate();
  };
}
