/// <reference lib="webworker" />
/**
 * The service worker. It precaches the built shell (HTML, JS chunks, CSS, icons,
 * manifest: the list vite-plugin-pwa injects as `self.__WB_MANIFEST`), so a cold
 * start with no network still opens the app, and answers every navigation with
 * index.html so deep links (`/invite/<token>`) work offline too. Data never goes
 * through here: the app reads IndexedDB and talks to Supabase directly. Nor does
 * /runtime-config.json (which API to talk to): it must be fresh whenever the
 * server answers, and the page remembers the last answer for offline starts
 * (src/data/runtime-config.ts).
 */
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { publicPageNavigation } from './domain/reserved-slugs.ts';

declare const self: ServiceWorkerGlobalScope;

precacheAndRoute(self.__WB_MANIFEST);
// caches of earlier Workbox versions' precache format would otherwise stay forever
cleanupOutdatedCaches();

registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    // when the API is served from this origin (a reverse proxy in front of both),
    // its paths are not app pages; nor are the public pages (`/volkov`, a guest's
    // booking and checkout pages), which the server renders (src/public-site),
    // nor the partners' materials (public/partners), which are files
    denylist: [
      /^\/(auth|rest|functions|storage|realtime)\/v1\//,
      publicPageNavigation(),
      /^\/partners\/[^/?]+\.[a-z0-9]+(?:\?.*)?$/i,
    ],
  }),
);

// registerType 'prompt': a new version waits until the user presses "reload"
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data: unknown = event.data;
  if (typeof data === 'object' && data !== null && 'type' in data && data.type === 'SKIP_WAITING') {
    void self.skipWaiting();
  }
});
