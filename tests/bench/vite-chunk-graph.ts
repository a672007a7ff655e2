// Which built files a page needs before it can run, read from Vite's build
// manifest (`build.manifest`, `.vite/manifest.json`): the chunks named, and
// every chunk they import statically, transitively. Dynamic imports (lazy pages)
// are left out: the browser fetches them only when the code asks.

/** one entry of Vite's `.vite/manifest.json` (the fields this module reads) */
export interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
  isDynamicEntry?: boolean;
}

export type ViteManifest = Record<string, ManifestChunk>;

/**
 * The files of `keys` (manifest keys such as `index.html` or
 * `src/features/roster/roster-page.ts`) and of their static imports, each once, in the
 * order first reached. An unknown key throws: a renamed page must not silently
 * shrink the figure.
 */
export function staticChunkFiles(manifest: ViteManifest, keys: readonly string[]): string[] {
  const seen = new Set<string>();
  const files: string[] = [];
  const visit = (key: string, from: string): void => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} (from ${from}) is not in the build manifest`);
    seen.add(key);
    files.push(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported, key);
  };
  for (const key of keys) visit(key, 'the request');
  return files;
}

/** the manifest key of the build's one HTML entry chunk */
export function entryKey(manifest: ViteManifest): string {
  const entries = Object.entries(manifest).filter(([, c]) => c.isEntry);
  const [entry] = entries;
  if (!entry || entries.length > 1) {
    throw new Error(
      `expected one entry chunk, found ${entries.map(([k]) => k).join(', ') || 'none'}`,
    );
  }
  return entry[0];
}
