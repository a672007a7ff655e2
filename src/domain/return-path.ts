// Where signing in returns to. A public page links to `/sign-in?return=<its path>`;
// only a path on this origin is followed, so a crafted link cannot send a user
// who just signed in to another site.

const PARAM = 'return';

/** the sign-in page's path that comes back to `path` (path, search and hash) */
export function signInPath(path: string): string {
  const target = safeReturnPath(path);
  return target && target !== '/' ? `/sign-in?${PARAM}=${encodeURIComponent(target)}` : '/sign-in';
}

/** the same-origin path a sign-in page's query asks to return to, or null */
export function returnPathOf(search: URLSearchParams): string | null {
  return safeReturnPath(search.get(PARAM));
}

function safeReturnPath(value: string | null): string | null {
  if (!value || !value.startsWith('/')) return null;
  // `//host` and `/\host` are other origins to a browser
  if (value.startsWith('//') || value.startsWith('/\\')) return null;
  // a control character (a newline in a header, a tab browsers strip) is never a path
  if ([...value].some((c) => c.charCodeAt(0) < 0x20)) return null;
  if (value === '/sign-in' || value.startsWith('/sign-in?') || value.startsWith('/sign-in#')) {
    return null;
  }
  return value;
}
