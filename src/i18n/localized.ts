// Typed catalogues instead of message ids: each strings module is written in
// Russian and wrapped with `localized`, and `src/locales/en.ts` gives the English
// for every key — the compiler refuses a catalogue with a key missing, a key too
// many or a function with the wrong parameters. Lookups happen on every read, so
// a string captured in a module constant still follows the chosen language.

/** the English (or any target) shape of a Russian strings module */
export type Translation<T> = {
  readonly [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends (...args: infer A) => infer R
      ? (...args: A) => R
      : Translation<T[K]>;
};

type Catalogue = Readonly<Record<string, unknown>>;

let active: Catalogue | null = null;

/** the target catalogue to read from; null reads the Russian source */
export function useCatalogue(catalogue: Catalogue | null): void {
  active = catalogue;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype
  );
}

function wrap<T extends object>(source: T, target: () => unknown): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    const translated = (): unknown => {
      const t = target();
      return isPlainObject(t) ? t[key] : undefined;
    };
    if (isPlainObject(value)) {
      out[key] = wrap(value, translated);
    } else {
      Object.defineProperty(out, key, {
        enumerable: true,
        get: () => translated() ?? value,
      });
    }
  }
  return out as T;
}

/**
 * A strings module that reads the active catalogue's `namespace` entry, falling
 * back to the Russian source.
 */
export function localized<T extends object>(namespace: string, russian: T): T {
  return wrap(russian, () => active?.[namespace]);
}
