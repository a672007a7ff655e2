// The routes the me feature contributes to the shell (src/app/routes.ts).
import { html } from 'lit';
import type { FeatureRoute } from '../../state/feature-route.ts';

export const meRoutes: readonly FeatureRoute[] = [
  {
    name: 'me',
    pattern: '/me',
    access: 'signed-in',
    load: () => import('./me-page.ts'),
    title: async () => (await import('./me-strings.ts')).meStrings.title,
    render: () => html`<me-page></me-page>`,
  },
];
