// Asks the browser not to evict the user's data under storage pressure (offline
// edits live only on the device until they sync). Safe to call at every start.

export async function requestPersistentStorage(
  storage: Pick<StorageManager, 'persisted' | 'persist'> | undefined = globalThis.navigator
    ?.storage,
): Promise<boolean> {
  if (!storage?.persist) return false;
  try {
    if (await storage.persisted()) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}
