import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SyncEngine } from '../data/start-sync-engine.ts';
import { ContextConsumer } from '@lit/context';
import { syncEngineContext } from './sync-engine-context.ts';
import { holdFirstDraw } from '../data/first-draw.ts';

type Host = ReactiveControllerHost & HTMLElement;

/** what a query hands back: a Dexie liveQuery subscription, or anything else that stops */
export interface LocalSubscription {
  unsubscribe(): void;
}

/** subscribes to one live query of the user's database; answers arrive through `onChange` */
export type LocalQuery<T> = (engine: SyncEngine, onChange: (value: T) => void) => LocalSubscription;

export interface LocalQueryOptions<T> {
  /**
   * what else the query depends on (an id, a date): when it changes the query
   * starts again. Compared with Object.is, so return a primitive.
   */
  key?: () => unknown;
  /** called with each answer after `value` is set (for a page that derives state from it) */
  onChange?: (value: T) => void;
}

/**
 * One live query of the signed-in user's local database for an element: it
 * subscribes when the sync engine arrives, starts again when the engine (the
 * user) or the key changes, and unsubscribes when the element leaves the page.
 * `value` is undefined until the query has answered for the current engine and
 * key, so a page never shows one user's or one athlete's rows for another.
 */
export class LocalQueryController<T> implements ReactiveController {
  readonly #host: Host;
  readonly #engine: ContextConsumer<typeof syncEngineContext, Host>;
  readonly #query: LocalQuery<T>;
  readonly #key: () => unknown;
  readonly #onChange: ((value: T) => void) | undefined;
  #subscription: LocalSubscription | undefined;
  #observed: { engine: SyncEngine | null; key: unknown } | null = null;
  /** lets the start's deferred work go once the query has first answered */
  #drawn: (() => void) | undefined;

  value: T | undefined;

  constructor(host: Host, query: LocalQuery<T>, options: LocalQueryOptions<T> = {}) {
    this.#host = host;
    this.#query = query;
    this.#key = options.key ?? (() => undefined);
    this.#onChange = options.onChange;
    this.#engine = new ContextConsumer(host, { context: syncEngineContext, subscribe: true });
    host.addController(this);
  }

  /** the engine the query follows, or null before sign-in has opened one */
  get engine(): SyncEngine | null {
    return this.#engine.value ?? null;
  }

  hostUpdate(): void {
    const engine = this.engine;
    const key = this.#key();
    const observed = this.#observed;
    if (observed && observed.engine === engine && Object.is(observed.key, key)) return;
    this.#subscription?.unsubscribe();
    this.#drawn?.();
    this.#observed = { engine, key };
    this.value = undefined;
    // a page drawn from the device goes before the network code and the first sync
    const drawn = engine ? holdFirstDraw() : undefined;
    this.#drawn = drawn;
    this.#subscription = engine
      ? this.#query(engine, (value) => {
          drawn?.();
          this.value = value;
          this.#onChange?.(value);
          this.#host.requestUpdate();
        })
      : undefined;
  }

  hostDisconnected(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
    this.#drawn?.();
    this.#drawn = undefined;
    this.#observed = null;
  }
}
