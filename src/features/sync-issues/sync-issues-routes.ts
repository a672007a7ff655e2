// The routes the sync-issues feature contributes to the shell (src/app/routes.ts).
import { html } from 'lit';
import type { FeatureRoute } from '../../state/feature-route.ts';

export const syncIssuesRoutes: readonly FeatureRoute[] = [
  {
    name: 'sync',
    pattern: '/sync',
    access: 'signed-in',
    load: () => import('./sync-issues-page.ts'),
    title: async () => (await import('./sync-strings.ts')).syncStrings.issues.title,
    render: () => html`<sync-issues-page></sync-issues-page>`,
  },
];
