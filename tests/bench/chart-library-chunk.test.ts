// The chart library is fetched only by pages that draw a chart: no source file
// but src/ui/chart-library.ts imports it, and that module is only ever loaded
// with `import()` (a type-only import is erased), so the bundler puts it in a
// chunk of its own, outside the app shell's static graph. The e2e
// tests/e2e/coach-analytics.test.ts checks the same on the real build manifest.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

const files = sourceFiles(join(root, 'src')).map((f) => ({
  path: relative(root, f),
  text: readFileSync(f, 'utf8'),
}));

describe('the chart library stays out of the app shell', () => {
  test('only src/ui/chart-library.ts imports chart.js', () => {
    const importers = files
      .filter((f) => /from\s+'chart\.js(\/[^']*)?'|import\(\s*'chart\.js/.test(f.text))
      .map((f) => f.path);
    expect(importers).toEqual(['src/ui/chart-library.ts']);
  });

  test('chart-library.ts is loaded only by import() or for its types', () => {
    const staticImports = files.filter((f) =>
      /^\s*import\s+(?!type\b)[^;]*from\s+'[^']*chart-library\.ts'/m.test(f.text),
    );
    expect(staticImports.map((f) => f.path)).toEqual([]);
    const dynamic = files.filter((f) => /import\(\s*'[^']*chart-library\.ts'\s*\)/.test(f.text));
    expect(dynamic.map((f) => f.path)).toEqual(['src/ui/chart-figure.ts']);
  });
});
