// The house rules (ARCHITECTURE §3, README "Architecture tour"), enforced with
// eslint-plugin-boundaries: each folder of src/ is a layer, each feature folder
// an element of its own, each Edge Function too. A dependency not allowed below
// fails `npm run lint`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';

const sameFeature = { feature: '{{ from.element.captured.feature }}' };
const sameFunction = { fn: '{{ from.element.captured.fn }}' };

// first match wins: a feature's public entry, routes and English catalogue are
// elements of their own, so the shell may import them and other features may not
// reach past the entry
const elements = [
  { type: 'entry', pattern: 'src/{main,sw}.ts', mode: 'full' },
  { type: 'feature-entry', pattern: 'src/features/*/index.ts', mode: 'full', capture: ['feature'] },
  {
    type: 'feature-routes',
    pattern: 'src/features/*/*-routes.ts',
    mode: 'full',
    capture: ['feature'],
  },
  {
    type: 'feature-catalogue',
    pattern: 'src/features/*/*.en.ts',
    mode: 'full',
    capture: ['feature'],
  },
  { type: 'feature', pattern: 'src/features/*', mode: 'folder', capture: ['feature'] },
  { type: 'app', pattern: 'src/app', mode: 'folder' },
  { type: 'ui', pattern: 'src/ui', mode: 'folder' },
  { type: 'state', pattern: 'src/state', mode: 'folder' },
  { type: 'data', pattern: 'src/data', mode: 'folder' },
  { type: 'i18n', pattern: 'src/i18n', mode: 'folder' },
  { type: 'domain', pattern: 'src/domain', mode: 'folder' },
  // server-rendered public pages: web-standard Request/Response, no DOM, no Lit
  { type: 'public-site', pattern: 'src/public-site', mode: 'folder' },
  { type: 'function-shared', pattern: 'supabase/functions/_shared', mode: 'folder' },
  {
    type: 'function-test',
    pattern: 'supabase/functions/*/*.test.ts',
    mode: 'full',
    capture: ['fn'],
  },
  { type: 'function', pattern: 'supabase/functions/*', mode: 'folder', capture: ['fn'] },
  // the local stack and its stand-ins for outside services: never imported by what deploys
  { type: 'stand-in', pattern: 'supabase/local/stand-ins', mode: 'folder' },
  { type: 'local-stack', pattern: 'supabase/local', mode: 'folder' },
];

const layers = ['ui', 'state', 'data', 'i18n', 'domain'];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      '.data/',
      '.cache/',
      '.bench/',
      'dev-dist/',
      'public/',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  prettier,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // a promise nobody awaits loses its error; one passed where a void callback
      // is expected (an event listener) does too
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/**/*.ts', 'supabase/functions/**/*.ts', 'supabase/local/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'boundaries/include': ['src/**/*.ts', 'supabase/functions/**/*.ts', 'supabase/local/**/*.ts'],
      'boundaries/legacy-warnings': false,
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          message: '${file.type} may not import ${dependency.type} (see the architecture tour)',
          rules: [
            { from: 'entry', allow: ['app', 'state', 'i18n', 'domain', 'data'] },
            {
              from: 'app',
              allow: ['app', 'feature-entry', 'feature-routes', 'feature-catalogue', ...layers],
            },
            // a feature: its own files, the layers, and other features' public entries
            {
              from: 'feature',
              allow: [{ type: 'feature', captured: sameFeature }, 'feature-entry', ...layers],
            },
            {
              from: 'feature-entry',
              allow: [{ type: 'feature', captured: sameFeature }, ...layers],
            },
            {
              from: 'feature-routes',
              allow: [{ type: 'feature', captured: sameFeature }, ...layers],
            },
            {
              from: 'feature-catalogue',
              allow: [{ type: 'feature', captured: sameFeature }, 'i18n', 'domain'],
            },
            // ui, state and data never import features or the shell
            { from: 'ui', allow: ['ui', 'i18n', 'domain'] },
            { from: 'state', allow: ['state', 'data', 'i18n', 'domain'] },
            { from: 'data', allow: ['data', 'i18n', 'domain'] },
            { from: 'i18n', allow: ['i18n', 'domain'] },
            { from: 'domain', allow: ['domain'] },
            { from: 'public-site', allow: ['public-site', 'domain'] },
            // an Edge Function: its own folder, _shared and the domain, never another function
            {
              from: 'function',
              allow: [{ type: 'function', captured: sameFunction }, 'function-shared', 'domain'],
            },
            { from: 'function-shared', allow: ['function-shared', 'domain'] },
            {
              from: 'function-test',
              allow: [
                { type: 'function', captured: sameFunction },
                'function-shared',
                'domain',
                'stand-in',
              ],
            },
            { from: 'stand-in', allow: ['stand-in', 'function', 'function-shared', 'domain'] },
            {
              from: 'local-stack',
              allow: [
                'local-stack',
                'stand-in',
                'function',
                'function-shared',
                'public-site',
                'domain',
              ],
            },
          ],
        },
      ],
    },
  },
  {
    // tests may reach across (a feature's test seeds rows through the engine)
    files: ['src/**/*.test.ts'],
    rules: { 'boundaries/dependencies': 'off' },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['lit', 'lit/*', '@lit/*'], message: 'domain is pure: no Lit' },
            { group: ['dexie', 'dexie/*'], message: 'domain is pure: no Dexie' },
            { group: ['@supabase/*'], message: 'domain is pure: no Supabase' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'inject a clock' },
        'window',
        'document',
        'localStorage',
      ],
    },
  },
  {
    files: ['src/data/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['lit', 'lit/*', '@lit/*'], message: 'data never imports Lit' }] },
      ],
    },
  },
  {
    // pages and elements get their rows and calls from data files: only a
    // feature's `*-data.ts` touches Dexie or supabase-js
    files: ['src/features/**/*.ts', 'src/app/**/*.ts', 'src/ui/**/*.ts'],
    ignores: ['src/features/**/*-data.ts', 'src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['dexie', 'dexie/*', '@supabase/*'],
              message: 'pages and elements read through the feature’s *-data.ts and src/data',
            },
          ],
        },
      ],
    },
  },
);
