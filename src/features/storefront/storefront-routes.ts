// The routes the storefront feature contributes to the shell (src/app/routes.ts).
import { html } from 'lit';
import type { FeatureRoute } from '../../state/feature-route.ts';

export const storefrontRoutes: readonly FeatureRoute[] = [
  {
    name: 'storefront',
    pattern: '/storefront',
    access: 'signed-in',
    load: () => import('./storefront-page.ts'),
    title: async () => (await import('./storefront-strings.ts')).storefrontStrings.title,
    render: () => html`<storefront-page></storefront-page>`,
  },
];
