import type { MyOrganization } from './my-organizations-controller.ts';

// The last good list per user, so a cold start offline still lists the clubs.
// Kept apart from the controller so the shell can wipe it without loading zod.
const prefix = 'trackside.my-organizations.';

export function readMyOrganizationsCache(userId: string): MyOrganization[] | null {
  try {
    const raw = localStorage.getItem(prefix + userId);
    return raw ? (JSON.parse(raw) as MyOrganization[]) : null;
  } catch {
    return null;
  }
}

export function writeMyOrganizationsCache(userId: string, items: MyOrganization[]): void {
  try {
    localStorage.setItem(prefix + userId, JSON.stringify(items));
  } catch {
    // storage full or disabled: the list still shows, it just won't survive offline
  }
}

/** forget every user's cached list (sign-out wipes local data) */
export function clearMyOrganizationsCache(): void {
  for (let i = localStorage.length - 1; i >= 0; i--) {
    const key = localStorage.key(i);
    if (key?.startsWith(prefix)) localStorage.removeItem(key);
  }
}
