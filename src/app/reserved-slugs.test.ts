// A coach page lives at the site's root (`/volkov`), so no slug may shadow the
// app: every first path segment of the SPA's routes and of the files the static
// host serves (public/, and dist/ when built) must be reserved, or be no slug
// at all (`sw.js`, `robots.txt`).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESERVED_SLUGS, slugProblem } from '../domain/coach-slug.ts';

const root = join(import.meta.dirname, '..', '..');

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? routeFiles(join(dir, e.name))
      : /(^|-)routes\.ts$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

function firstSegments(paths: readonly string[]): string[] {
  return [...new Set(paths.map((p) => p.split('/')[1] ?? '').filter((s) => s !== ''))];
}

/** a segment a coach could take as a slug, were it not reserved */
const couldBeSlug = (segment: string) => slugProblem(segment.toLowerCase()) !== 'shape';

describe('reserved slugs cover the app', () => {
  it('every first segment of the SPA routes is reserved', () => {
    const files = [...routeFiles(join(root, 'src', 'features')), join(root, 'src/app/routes.ts')];
    const patterns = files.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/pattern:\s*'([^']*)'/g)].map((m) => m[1] ?? ''),
    );
    const segments = firstSegments(patterns);
    expect(segments.length).toBeGreaterThan(10);
    expect(segments.filter((s) => couldBeSlug(s) && !RESERVED_SLUGS.includes(s))).toEqual([]);
  });

  it('every top-level file or folder the static host serves is reserved', () => {
    const served = ['public', 'dist']
      .map((d) => join(root, d))
      .filter((d) => existsSync(d))
      .flatMap((d) => readdirSync(d));
    // vite's output folder exists only after a build
    served.push('assets');
    // a name with a dot (`robots.txt`, `sw.js`) is never a slug: folders are what could clash
    expect(served.filter((n) => couldBeSlug(n) && !RESERVED_SLUGS.includes(n))).toEqual([]);
  });

  it('the public pages own a few first segments of their own', () => {
    for (const s of ['book', 'booking', 'checkout', 'storefront', 'functions', 'rest', 'auth']) {
      expect(RESERVED_SLUGS).toContain(s);
    }
  });
});
