import { describe, expect, test, vi } from 'vitest';
import { requestPersistentStorage } from './request-persistent-storage.ts';

function storage(persisted: boolean, grant: boolean | Error) {
  return {
    persisted: vi.fn(() => Promise.resolve(persisted)),
    persist: vi.fn(() => (grant instanceof Error ? Promise.reject(grant) : Promise.resolve(grant))),
  };
}

describe('requestPersistentStorage', () => {
  test('asks once storage is not yet persistent, and reports the answer', async () => {
    const granted = storage(false, true);
    expect(await requestPersistentStorage(granted)).toBe(true);
    expect(granted.persist).toHaveBeenCalledOnce();
    const refused = storage(false, false);
    expect(await requestPersistentStorage(refused)).toBe(false);
    expect(refused.persist).toHaveBeenCalledOnce();
  });

  test('does not ask again when the data is already persistent', async () => {
    const already = storage(true, false);
    expect(await requestPersistentStorage(already)).toBe(true);
    expect(already.persist).not.toHaveBeenCalled();
  });

  test('no Storage API or a failing one is "not persistent", never an error', async () => {
    expect(await requestPersistentStorage(undefined)).toBe(false);
    expect(await requestPersistentStorage(storage(false, new Error('denied')))).toBe(false);
  });
});
