import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** a route: `pattern` is a path with `:name` segments, e.g. `/invite/:token` */
export interface RouteDefinition<N extends string = string> {
  name: N;
  pattern: string;
}

export interface RouteMatch<N extends string = string> {
  /** the matched route, or `null` when no pattern matched (not found) */
  name: N | null;
  params: Record<string, string>;
  path: string;
  search: URLSearchParams;
}

/** matches a pathname against routes, first match wins */
export function matchRoute<N extends string>(
  routes: readonly RouteDefinition<N>[],
  url: URL,
): RouteMatch<N> {
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  const segments = path.split('/');
  for (const route of routes) {
    const parts = route.pattern.split('/');
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matched = parts.every((part, i) => {
      const segment = segments[i] ?? '';
      if (part.startsWith(':')) {
        if (!segment) return false;
        params[part.slice(1)] = safeDecode(segment);
        return true;
      }
      return part === segment;
    });
    if (matched) return { name: route.name, params, path, search: url.searchParams };
  }
  return { name: null, params: {}, path, search: url.searchParams };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Real URLs with the History API: the current route follows `popstate`, and
 * same-origin link clicks anywhere (inside shadow roots too) navigate without a
 * page load. Deep links work because the server and the service worker answer
 * every navigation with index.html — except the pages the server renders itself
 * (`serverPage`: a coach's public page, the public checkout), which a link or a
 * navigation reaches with a real page load.
 */
export class RouterController<N extends string> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #routes: readonly RouteDefinition<N>[];
  route: RouteMatch<N>;

  readonly #serverPage: (url: URL) => boolean;

  constructor(
    host: ReactiveControllerHost,
    routes: readonly RouteDefinition<N>[],
    serverPage: (url: URL) => boolean = () => false,
  ) {
    this.#host = host;
    this.#routes = routes;
    this.#serverPage = serverPage;
    this.route = matchRoute(routes, new URL(window.location.href));
    host.addController(this);
  }

  navigate(to: string, options: { replace?: boolean } = {}): void {
    const url = new URL(to, window.location.href);
    if (url.origin !== window.location.origin || this.#serverPage(url)) {
      window.location.assign(url);
      return;
    }
    if (url.href !== window.location.href) {
      if (options.replace) history.replaceState(null, '', url);
      else history.pushState(null, '', url);
    }
    this.#sync();
    // a new page starts at its top, as after a real page load
    if (!options.replace) window.scrollTo(0, 0);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.#sync);
    window.addEventListener('click', this.#onClick);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.#sync);
    window.removeEventListener('click', this.#onClick);
  }

  readonly #sync = (): void => {
    this.route = matchRoute(this.#routes, new URL(window.location.href));
    this.#host.requestUpdate();
  };

  readonly #onClick = (event: MouseEvent): void => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    // composedPath sees the anchor even when the click happened inside a shadow root
    const anchor = event
      .composedPath()
      .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (!anchor?.href || anchor.hasAttribute('download')) return;
    if (anchor.target && anchor.target !== '_self') return;
    const url = new URL(anchor.href);
    if (url.origin !== window.location.origin || this.#serverPage(url)) return;
    event.preventDefault();
    this.navigate(url.pathname + url.search + url.hash);
  };
}
