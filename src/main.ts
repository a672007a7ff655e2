/**
 * Entry point: fixes the interface language first (every strings module reads
 * it), registers the service worker (production builds only; the dev server has
 * none) and mounts the shell. Pages load lazily from the shell.
 */
import './app/locale-ready.ts';
import './app/app-root.ts';
import { serviceWorkerUpdates } from './state/service-worker-updates.ts';

if (import.meta.env.PROD) {
  serviceWorkerUpdates.register(`${import.meta.env.BASE_URL}sw.js`);
}
