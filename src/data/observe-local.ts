// A live read of the user's database for feature data files: `read` runs again
// whenever a table it touched changes (Dexie's liveQuery), and each answer goes
// to `onChange`. Pages subscribe through LocalQueryController and never see Dexie.
import { liveQuery } from 'dexie';

export interface LocalSubscription {
  unsubscribe(): void;
}

export function observeLocal<T>(
  read: () => Promise<T>,
  onChange: (value: T) => void,
  /** names the query in the console when it fails */
  what: string,
): LocalSubscription {
  return liveQuery(read).subscribe({
    next: onChange,
    error: (error: unknown) => console.error(`${what} query failed`, error),
  });
}
