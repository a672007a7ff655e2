// The routes the season feature contributes to the shell (src/app/routes.ts).
import { html } from 'lit';
import type { FeatureRoute } from '../../state/feature-route.ts';
import { seasonStrings } from './season-strings.ts';

export const seasonRoutes: readonly FeatureRoute[] = [
  {
    name: 'season',
    pattern: '/season',
    access: 'signed-in',
    load: () => import('./season-page.ts'),
    title: () => seasonStrings.title,
    render: () => html`<season-page></season-page>`,
  },
];
