// The tracker's <script> tag for a public page, and the route that serves the
// script itself (/api/analytics/tracker.js, versioned so a page cached for a
// minute never pairs with a stale script, and the script can be cached for
// good). `defer`: it runs after the page is parsed and never blocks it; with
// JavaScript off the page is the same page, only unmeasured.
import { Html, html } from '../coach-page/coach-page-html.ts';
import type { PublicRoute } from '../public-site-context.ts';
import { TRACKER_JS, TRACKER_VERSION } from './tracker-bundle.ts';

export const TRACKER_PATH = '/api/analytics/tracker.js';

export interface TrackerTarget {
  /** the coach page's address (the database finds the coach by it) */
  page?: string | null;
  /** the coach's user id, where the page knows no address */
  coach?: string | null;
  /** checkout_started for the checkout page, with the product it sells */
  checkout?: string;
}

export function trackerScript(target: TrackerTarget): Html {
  if (!target.page && !target.coach) return new Html('');
  return html`<script
    defer
    src="${TRACKER_PATH}?v=${TRACKER_VERSION}"
    ${target.page ? html`data-page="${target.page}"` : ''}
    ${target.coach ? html`data-coach="${target.coach}"` : ''}
    ${target.checkout ? html`data-event="checkout_started" data-checkout="${target.checkout}"` : ''}
  ></script>`;
}

export const trackerRoute: PublicRoute = {
  name: 'analytics-tracker',
  match: (url) => (url.pathname === TRACKER_PATH ? { v: url.searchParams.get('v') ?? '' } : null),
  handle: (_req, params) =>
    Promise.resolve(
      new Response(TRACKER_JS, {
        status: 200,
        headers: {
          'content-type': 'text/javascript; charset=utf-8',
          // the current version for good; an old or missing one briefly (it names no version)
          'cache-control':
            params['v'] === TRACKER_VERSION
              ? 'public, max-age=31536000, immutable'
              : 'public, max-age=300',
          'x-content-type-options': 'nosniff',
        },
      }),
    ),
};
