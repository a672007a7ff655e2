// The routes the platform admins' review of partner applications contributes to
// the shell (src/app/routes.ts). /stats before /:id.
import { html } from 'lit';
import type { FeatureRoute } from '../../state/feature-route.ts';

const titles = async () => (await import('./partner-review-strings.ts')).partnerReviewStrings;

export const partnerReviewRoutes: readonly FeatureRoute[] = [
  {
    name: 'platform-applications',
    pattern: '/platform/applications',
    access: 'signed-in',
    load: () => import('./applications-page.ts'),
    title: async () => (await titles()).listTitle,
    render: () => html`<partner-applications-page></partner-applications-page>`,
  },
  {
    name: 'platform-application-stats',
    pattern: '/platform/applications/stats',
    access: 'signed-in',
    load: () => import('./application-stats-page.ts'),
    title: async () => (await titles()).statsTitle,
    render: () => html`<partner-application-stats-page></partner-application-stats-page>`,
  },
  {
    name: 'platform-application',
    pattern: '/platform/applications/:id',
    access: 'signed-in',
    load: () => import('./application-page.ts'),
    title: async () => (await titles()).detailTitle,
    render: (p) =>
      html`<partner-application-page .applicationId=${p['id'] ?? ''}></partner-application-page>`,
  },
];
