// What a public page's handler is given. Public pages (a coach's `/volkov`, a
// guest's booking pages) are HTML rendered on the server, because messengers and
// crawlers run no script and a visitor with JavaScript off must still read the
// page and follow Book and Buy. The same handlers run in the local stack (in
// front of dist/, supabase/local/served-app.ts) and in production on an edge
// runtime in front of the static host (deploy/, README "Public pages"): so they
// speak only web-standard Request and Response, and reach Supabase over HTTP
// with the anon key, like any visitor.

export interface PublicSiteContext {
  /** the Supabase project's URL: REST, RPC and Edge Functions under it */
  readonly supabaseUrl: string;
  /** the anon key: public pages read only what RLS gives anon */
  readonly anonKey: string;
  /** the site's own origin (absolute links, Open Graph URLs), e.g. https://trackside.app */
  readonly siteUrl: string;
  readonly fetch: typeof fetch;
  /** injected so a page's "now" (slots, holds) is pinned in tests */
  readonly now: () => Date;
}

export interface PublicRoute {
  readonly name: string;
  /** the path's parameters when the route answers `url`, else null */
  match(url: URL): Readonly<Record<string, string>> | null;
  handle(
    req: Request,
    params: Readonly<Record<string, string>>,
    ctx: PublicSiteContext,
  ): Promise<Response>;
}
