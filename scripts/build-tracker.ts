// Builds the public pages' tracker (src/public-site/analytics/tracker.ts and
// what it imports) into one minified script and writes it, with a version from
// its hash, into src/public-site/analytics/tracker-bundle.ts — a string the
// public-site handler serves as /api/analytics/tracker.js on any runtime (the
// edge runtime in production bundles no second entry). Run after changing the
// tracker: `npm run build:tracker`; a unit test fails while the two differ.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import {
  buildTracker,
  trackerModuleSource,
} from '../src/public-site/analytics/build-tracker-source.ts';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const target = join(root, 'src/public-site/analytics/tracker-bundle.ts');
const built = await buildTracker(root);
const text = trackerModuleSource(built);
await writeFile(target, await format(text, { ...(await resolveConfig(target)), filepath: target }));
console.log(`tracker: ${built.code.length} bytes, version ${built.version}`);
