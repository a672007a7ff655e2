// The routes the platform admins' feature flags pages contribute to the shell
// (src/app/routes.ts). /by-organization before /:key: a key never has a hyphen
// (^[a-z][a-z0-9_]{1,62}$), so no flag's page can be shadowed by it.
import { html } from 'lit';
import type { FeatureRoute } from '../../state/feature-route.ts';

const titles = async () => (await import('./feature-flags-strings.ts')).featureFlagsStrings;

export const featureFlagsRoutes: readonly FeatureRoute[] = [
  {
    name: 'platform-flags',
    pattern: '/platform/flags',
    access: 'signed-in',
    load: () => import('./flags-page.ts'),
    title: async () => (await titles()).listTitle,
    render: () => html`<feature-flags-page></feature-flags-page>`,
  },
  {
    name: 'platform-flags-check',
    pattern: '/platform/flags/by-organization',
    access: 'signed-in',
    load: () => import('./flags-check-page.ts'),
    title: async () => (await titles()).checkTitle,
    render: () => html`<feature-flags-check-page></feature-flags-check-page>`,
  },
  {
    name: 'platform-flag',
    pattern: '/platform/flags/:key',
    access: 'signed-in',
    load: () => import('./flag-page.ts'),
    title: async () => (await titles()).flagTitle,
    render: (p) => html`<feature-flag-page .flagKey=${p['key'] ?? ''}></feature-flag-page>`,
  },
];
