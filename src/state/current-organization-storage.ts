// The remembered organization choice, per user, in localStorage. Kept apart from
// the controller so the shell can wipe it on sign-out without loading Dexie code.
const prefix = 'trackside.current-organization.';

/** fired on window when this tab changes a user's choice (other tabs get `storage`) */
export const CURRENT_ORGANIZATION_EVENT = 'trackside-current-organization';

export function readCurrentOrganization(userId: string): string | null {
  try {
    return localStorage.getItem(prefix + userId);
  } catch {
    return null;
  }
}

export function writeCurrentOrganization(userId: string, orgId: string): void {
  try {
    localStorage.setItem(prefix + userId, orgId);
  } catch {
    // storage disabled: the choice holds until the page reloads
  }
  window.dispatchEvent(new Event(CURRENT_ORGANIZATION_EVENT));
}

/** forget every user's choice (sign-out wipes local data) */
export function clearCurrentOrganizations(): void {
  try {
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const key = localStorage.key(i);
      if (key?.startsWith(prefix) || key?.startsWith(actingPrefix)) localStorage.removeItem(key);
    }
  } catch {
    // storage disabled: nothing was kept
  }
}

// the club a partner acts for: the shell writes it from the session's act_as
// claim, and while it is set that club is the current one
const actingPrefix = 'trackside.acting-organization.';

export function readActingOrganization(userId: string): string | null {
  try {
    return localStorage.getItem(actingPrefix + userId);
  } catch {
    return null;
  }
}

export function writeActingOrganization(userId: string, orgId: string | null): void {
  if (readActingOrganization(userId) === orgId) return;
  try {
    if (orgId === null) localStorage.removeItem(actingPrefix + userId);
    else localStorage.setItem(actingPrefix + userId, orgId);
  } catch {
    // storage disabled: the shell writes it again on the next auth event
  }
  window.dispatchEvent(new Event(CURRENT_ORGANIZATION_EVENT));
}
