// The routes the club dashboard contributes to the shell (src/app/routes.ts).
import { html } from 'lit';
import type { FeatureRoute } from '../../state/feature-route.ts';

export const clubAnalyticsRoutes: readonly FeatureRoute[] = [
  {
    name: 'org-analytics',
    pattern: '/org/:orgId/analytics',
    access: 'signed-in',
    load: () => import('./club-analytics-page.ts'),
    title: async () => (await import('./club-analytics-strings.ts')).clubAnalyticsStrings.title,
    render: (p) => html`<club-analytics-page .orgId=${p['orgId'] ?? ''}></club-analytics-page>`,
  },
];
