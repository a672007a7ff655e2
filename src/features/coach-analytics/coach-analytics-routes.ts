// The routes the coach analytics feature contributes to the shell (src/app/routes.ts).
// Under /storefront: the figures are the public page's, and `storefront` is already
// a reserved first segment, so no coach slug can shadow the dashboard.
import { html } from 'lit';
import type { FeatureRoute } from '../../state/feature-route.ts';

export const coachAnalyticsRoutes: readonly FeatureRoute[] = [
  {
    name: 'coach-analytics',
    pattern: '/storefront/analytics',
    access: 'signed-in',
    load: () => import('./coach-analytics-page.ts'),
    title: async () => (await import('./coach-analytics-strings.ts')).coachAnalyticsStrings.title,
    render: () => html`<coach-analytics-page></coach-analytics-page>`,
  },
];
