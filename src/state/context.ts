import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The Web Components Community Group context protocol — the same `context-request`
 * event @lit/context dispatches and answers — in the few lines the shell needs.
 * A provider high in the tree answers requests for its key; consumers anywhere
 * below (through shadow roots) get the value and, if they subscribe, every change.
 * Tests wrap a page in a provider with fakes. Being protocol-compatible, this can
 * be swapped for @lit/context once it is a dependency.
 */
export type Context<T> = symbol & { readonly __type?: T };

export function createContext<T>(name: string): Context<T> {
  return Symbol(name) as Context<T>;
}

type ContextCallback<T> = (value: T, unsubscribe?: () => void) => void;

export class ContextRequestEvent<T> extends Event {
  readonly context: Context<T>;
  readonly callback: ContextCallback<T>;
  readonly subscribe: boolean;

  constructor(context: Context<T>, callback: ContextCallback<T>, subscribe: boolean) {
    super('context-request', { bubbles: true, composed: true });
    this.context = context;
    this.callback = callback;
    this.subscribe = subscribe;
  }
}

declare global {
  interface HTMLElementEventMap {
    'context-request': ContextRequestEvent<unknown>;
  }
}

type Host = ReactiveControllerHost & HTMLElement;

/** answers `context-request` events for one context on its host */
export class ContextProvider<T> implements ReactiveController {
  readonly #host: Host;
  readonly #context: Context<T>;
  readonly #subscribers = new Map<ContextCallback<T>, () => void>();
  #value: T;

  constructor(host: Host, context: Context<T>, initial: T) {
    this.#host = host;
    this.#context = context;
    this.#value = initial;
    host.addController(this);
  }

  get value(): T {
    return this.#value;
  }

  setValue(value: T): void {
    this.#value = value;
    for (const [callback, unsubscribe] of this.#subscribers) callback(value, unsubscribe);
  }

  hostConnected(): void {
    this.#host.addEventListener('context-request', this.#onRequest);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('context-request', this.#onRequest);
    this.#subscribers.clear();
  }

  // must keep its identity so removeEventListener finds it
  readonly #onRequest = (event: ContextRequestEvent<unknown>): void => {
    if (event.context !== this.#context) return;
    event.stopPropagation();
    const callback = event.callback as ContextCallback<T>;
    if (!event.subscribe) {
      callback(this.#value);
      return;
    }
    const unsubscribe = (): void => {
      this.#subscribers.delete(callback);
    };
    this.#subscribers.set(callback, unsubscribe);
    callback(this.#value, unsubscribe);
  };
}

/** asks the nearest provider for a context when the host connects */
export class ContextConsumer<T> implements ReactiveController {
  readonly #host: Host;
  readonly #context: Context<T>;
  readonly #subscribe: boolean;
  #unsubscribe: (() => void) | undefined;
  value: T | undefined;

  constructor(host: Host, context: Context<T>, options: { subscribe?: boolean } = {}) {
    this.#host = host;
    this.#context = context;
    this.#subscribe = options.subscribe ?? false;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.dispatchEvent(
      new ContextRequestEvent(this.#context, this.#callback, this.#subscribe),
    );
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  // stable identity: a provider keys its subscribers by this callback
  readonly #callback = (value: T, unsubscribe?: () => void): void => {
    if (unsubscribe && unsubscribe !== this.#unsubscribe) {
      this.#unsubscribe?.();
      this.#unsubscribe = unsubscribe;
    }
    this.value = value;
    this.#host.requestUpdate();
  };
}
