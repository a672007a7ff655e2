import { defineConfig, loadEnv, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { DEFAULT_JWT_SECRET, localAnonKey } from './supabase/local/keys.ts';

// The local stack's default API (Supabase's own local port) when no project is configured.
const localApiUrl = 'http://127.0.0.1:54321';

/**
 * The Supabase URL and anon key baked into the build, and written beside it as
 * its /runtime-config.json (src/data/runtime-config.ts reads that first). The
 * local stack always answers it with the ports it runs on, so `npm start` and
 * `npm run dev` never depend on these. Unset, they name the local stack's
 * defaults (its anon key derived from its JWT secret). A production build on a
 * static host sets both:
 * `VITE_SUPABASE_URL=https://….supabase.co VITE_SUPABASE_ANON_KEY=… npm run build`.
 */
function supabaseEnv(mode: string): { url: string; anonKey: string } {
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  return {
    url: env.VITE_SUPABASE_URL || localApiUrl,
    anonKey:
      env.VITE_SUPABASE_ANON_KEY || localAnonKey(process.env.JWT_SECRET ?? DEFAULT_JWT_SECRET),
  };
}

/**
 * Writes the build's own /runtime-config.json with the values above. A static
 * host then answers the app's question instead of a 404 (which every browser
 * logs as an error on each start), and a deploy that points the same build at
 * another project replaces this one file. The local stack answers the path
 * itself, ahead of the file, with the API it runs.
 */
function runtimeConfigFile(config: { url: string; anonKey: string }): Plugin {
  return {
    name: 'trackside-runtime-config',
    apply: 'build',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'runtime-config.json',
        source: `${JSON.stringify({ supabaseUrl: config.url, supabaseAnonKey: config.anonKey }, null, 2)}\n`,
      });
    },
  };
}

/** the HTML entry and its script (src/main.ts), as the bundler names them */
const isEntryModule = (id: string) => /(index\.html|[\\/]src[\\/]main\.ts)$/.test(id);

export default defineConfig(({ mode }) => {
  const { url, anonKey } = supabaseEnv(mode);
  return {
    define: {
      'import.meta.env.VITE_SUPABASE_URL': JSON.stringify(url),
      'import.meta.env.VITE_SUPABASE_ANON_KEY': JSON.stringify(anonKey),
    },
    build: {
      outDir: 'dist',
      target: 'es2022',
      rolldownOptions: {
        output: {
          codeSplitting: {
            // Everything the entry imports statically is one chunk: the app needs all of
            // it before the first page draws, and offline each chunk is one more round
            // trip through the service worker (thirty of them made the benches' cold
            // starts about 50 ms slower). Lazy pages still split as before; the entry module
            // itself stays apart so the build manifest keeps its HTML entry.
            groups: [{ name: 'shell', tags: ['$initial'], test: (id) => !isEntryModule(id) }],
          },
        },
      },
    },
    plugins: [
      runtimeConfigFile({ url, anonKey }),
      VitePWA({
        strategies: 'injectManifest',
        srcDir: 'src',
        filename: 'sw.ts',
        // main.ts registers through workbox-window, which drives the update prompt
        injectRegister: false,
        registerType: 'prompt',
        injectManifest: {
          // a classic script: module service workers are not everywhere yet
          rollupFormat: 'iife',
          // the shell: pages are lazy chunks, all precached so any route opens offline;
          // the manifest and its icons are added by the plugin (includeManifestIcons);
          // the report's PDF fonts (about 100 KB, Latin and Cyrillic) too, so a PDF
          // downloads offline
          globPatterns: ['**/*.{js,css,html,ttf}'],
        },
        manifest: {
          id: '/',
          name: 'Trackside',
          short_name: 'Trackside',
          description: 'Тренировки, посещаемость и расписание — даже без связи',
          lang: 'ru',
          dir: 'ltr',
          start_url: '/',
          scope: '/',
          display: 'standalone',
          orientation: 'any',
          theme_color: '#b3361d',
          background_color: '#f6f4f1',
          categories: ['sports', 'productivity'],
          icons: [
            { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
            { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
            {
              src: '/icons/icon-maskable-512.png',
              sizes: '512x512',
              type: 'image/png',
              purpose: 'maskable',
            },
          ],
        },
        // the dev server runs without a service worker; offline is tested on the build
        devOptions: { enabled: false },
      }),
    ],
  };
});
