import type { TemplateResult } from 'lit';

/**
 * Who a route is for:
 * - `public`: anyone, with no account and no local database (a coach's public
 *   page, a partner's application form); signing in from it comes back to it;
 * - `signed-in`: a session and the Supabase client (pages that talk to the server);
 * - `local`: a session, drawn from the device's database alone, so it never waits
 *   for the Supabase client (the roster's offline cold start).
 */
export type RouteAccess = 'public' | 'signed-in' | 'local';

/** one route a feature contributes to the shell's table (src/app/routes.ts) */
export interface FeatureRoute {
  /** unique across the app */
  readonly name: string;
  /** a path with `:name` segments, e.g. `/invite/:token` */
  readonly pattern: string;
  readonly access: RouteAccess;
  /** loads the page's module (a separate chunk) */
  readonly load: () => Promise<unknown>;
  /**
   * read when shown (the English catalogue arrives after this module has
   * evaluated); a promise, so a feature's strings load with its page and the
   * shell's first load carries none of them
   */
  readonly title: () => string | Promise<string>;
  readonly render: (params: Readonly<Record<string, string>>) => TemplateResult;
}
