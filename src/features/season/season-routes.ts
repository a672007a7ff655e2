// The routes the season feature contributes to the shell (src/app/routes.ts).
import { html } from 'lit';
import type { FeatureRoute } from '../../state/feature-route.ts';

export const seasonRoutes: readonly FeatureRoute[] = [
  {
    name: 'season',
    pattern: '/season',
    access: 'signed-in',
    load: () => import('./season-page.ts'),
    title: async () => (await import('./season-strings.ts')).seasonStrings.title,
    render: () => html`<season-page></season-page>`,
  },
];
