import { describe, expect, test } from 'vitest';
import { entryKey, staticChunkFiles, type ViteManifest } from './vite-chunk-graph.ts';

// the shape of the app's real manifest: an entry that lazily imports pages, pages
// sharing chunks that import each other and the entry back
const manifest: ViteManifest = {
  'index.html': {
    file: 'assets/index.js',
    isEntry: true,
    imports: ['_lit.js'],
    dynamicImports: ['src/features/roster/roster-page.ts', 'src/features/roster/athlete-page.ts'],
  },
  '_lit.js': { file: 'assets/lit.js' },
  '_rank.js': { file: 'assets/rank.js', imports: ['_lit.js'] },
  '_badge.js': { file: 'assets/badge.js', imports: ['_rank.js'] },
  '_form.js': { file: 'assets/form.js', imports: ['index.html'] },
  'src/features/roster/roster-page.ts': {
    file: 'assets/roster-page.js',
    isDynamicEntry: true,
    imports: ['_lit.js', 'index.html', '_badge.js'],
    dynamicImports: ['src/features/roster/athlete-page.ts'],
  },
  'src/features/roster/athlete-page.ts': {
    file: 'assets/athlete-page.js',
    isDynamicEntry: true,
    imports: ['_form.js', '_badge.js'],
  },
};

describe('staticChunkFiles', () => {
  test('the entry alone: itself and its static imports, no lazy pages', () => {
    expect(staticChunkFiles(manifest, ['index.html'])).toEqual([
      'assets/index.js',
      'assets/lit.js',
    ]);
  });

  test('a page: its chunk and the chunks it imports transitively, each once', () => {
    expect(
      staticChunkFiles(manifest, ['index.html', 'src/features/roster/roster-page.ts']),
    ).toEqual([
      'assets/index.js',
      'assets/lit.js',
      'assets/roster-page.js',
      'assets/badge.js',
      'assets/rank.js',
    ]);
  });

  test('a dynamic import of a page is not followed, a static cycle ends', () => {
    const files = staticChunkFiles(manifest, ['src/features/roster/athlete-page.ts']);
    expect(files).toEqual([
      'assets/athlete-page.js',
      'assets/form.js',
      'assets/index.js',
      'assets/lit.js',
      'assets/badge.js',
      'assets/rank.js',
    ]);
    expect(staticChunkFiles(manifest, ['src/features/roster/roster-page.ts'])).not.toContain(
      'assets/athlete-page.js',
    );
  });

  test('an unknown key throws instead of shrinking the figure', () => {
    expect(() => staticChunkFiles(manifest, ['src/features/roster/gone-page.ts'])).toThrow(
      /gone-page.ts .* not in the build manifest/,
    );
    expect(() =>
      staticChunkFiles({ 'index.html': { file: 'a.js', imports: ['_missing.js'] } }, [
        'index.html',
      ]),
    ).toThrow(/_missing.js \(from index.html\)/);
  });
});

describe('entryKey', () => {
  test('finds the one entry', () => {
    expect(entryKey(manifest)).toBe('index.html');
  });

  test('none or several is an error', () => {
    expect(() => entryKey({ a: { file: 'a.js' } })).toThrow(/found none/);
    expect(() =>
      entryKey({ a: { file: 'a.js', isEntry: true }, b: { file: 'b.js', isEntry: true } }),
    ).toThrow(/found a, b/);
  });
});
