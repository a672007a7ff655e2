// The served tracker is the current build of tracker.ts, and small: it rides on
// every public page (storefront.js_gzip reports it).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildTracker } from './build-tracker-source.ts';
import { TRACKER_JS, TRACKER_VERSION } from './tracker-bundle.ts';
import { TRACKER_PATH, trackerRoute, trackerScript } from './tracker-tag.ts';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..', '..');

describe('the tracker bundle', () => {
  it('is the current build of tracker.ts (run `npm run build:tracker` after a change)', async () => {
    const built = await buildTracker(root);
    expect(built.code).toBe(TRACKER_JS);
    expect(built.version).toBe(TRACKER_VERSION);
  });

  it('stays under 2 KB gzipped and carries no zod', () => {
    expect(gzipSync(TRACKER_JS, { level: 9 }).length).toBeLessThan(2048);
    expect(TRACKER_JS).not.toContain('ZodError');
  });
});

describe('the tracker tag and route', () => {
  it('names the page, and the checkout it starts', () => {
    expect(trackerScript({ page: 'volkov', checkout: 'p1' }).value).toMatch(
      /data-page="volkov"\s+data-event="checkout_started" data-checkout="p1"/,
    );
    // nothing to count for: no tag
    expect(trackerScript({ page: null }).value).toBe('');
  });

  it('serves the script, cached for good under its version', async () => {
    const url = new URL(`https://site.test${TRACKER_PATH}?v=${TRACKER_VERSION}`);
    const params = trackerRoute.match(url);
    expect(params).not.toBeNull();
    const res = await trackerRoute.handle(new Request(url), params ?? {}, {} as never);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(await res.text()).toBe(TRACKER_JS);
    const old = trackerRoute.match(new URL(`https://site.test${TRACKER_PATH}?v=0`)) ?? {};
    const stale = await trackerRoute.handle(new Request(url), old, {} as never);
    expect(stale.headers.get('cache-control')).toBe('public, max-age=300');
  });
});
