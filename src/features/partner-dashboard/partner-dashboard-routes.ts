// The routes the partner dashboard contributes to the shell (src/app/routes.ts).
import { html } from 'lit';
import type { FeatureRoute } from '../../state/feature-route.ts';

export const partnerDashboardRoutes: readonly FeatureRoute[] = [
  {
    name: 'partner-dashboard',
    pattern: '/partner',
    access: 'signed-in',
    load: () => import('./partner-dashboard-page.ts'),
    title: async () =>
      (await import('./partner-dashboard-strings.ts')).partnerDashboardStrings.title,
    render: () => html`<partner-dashboard-page></partner-dashboard-page>`,
  },
];
