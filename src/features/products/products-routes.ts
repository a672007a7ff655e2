// The route the products feature contributes to the shell (src/app/routes.ts).
import { html } from 'lit';
import type { FeatureRoute } from '../../state/feature-route.ts';

export const productsRoutes: readonly FeatureRoute[] = [
  {
    name: 'products',
    pattern: '/products',
    access: 'signed-in',
    load: () => import('./products-page.ts'),
    title: async () => (await import('./products-strings.ts')).productsStrings.title,
    render: () => html`<products-page></products-page>`,
  },
];
