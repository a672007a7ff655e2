// Layer rules from ARCHITECTURE §3: domain is pure, data never imports Lit,
// components never touch Dexie or Supabase.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.data/', '.cache/', '.bench/', 'dev-dist/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  prettier,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
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
            {
              group: ['../data/*', '../state/*', '../components/*', '../pages/*'],
              message: 'domain imports nothing of the app',
            },
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
    files: ['src/components/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['dexie', 'dexie/*', '@supabase/*'],
              message: 'components get data through state',
            },
            { group: ['../data/*', '../../data/*'], message: 'components get data through state' },
          ],
        },
      ],
    },
  },
);
