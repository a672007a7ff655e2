// The routes the me feature contributes to the shell (src/app/routes.ts).
import { html } from 'lit';
import type { FeatureRoute } from '../../state/feature-route.ts';
import { meStrings } from './me-strings.ts';

export const meRoutes: readonly FeatureRoute[] = [
  {
    name: 'me',
    pattern: '/me',
    access: 'signed-in',
    load: () => import('./me-page.ts'),
    title: () => meStrings.title,
    render: () => html`<me-page></me-page>`,
  },
];
