// The routes running clubs' dashboard and challenges contribute to the shell (src/app/routes.ts).
import { html } from 'lit';
import type { FeatureRoute } from '../../state/feature-route.ts';

export const clubsRoutes: readonly FeatureRoute[] = [
  {
    name: 'org-club',
    pattern: '/org/:orgId/club',
    access: 'signed-in',
    load: () => import('./club-dashboard-page.ts'),
    title: async () => (await import('./clubs-strings.ts')).clubsStrings.dashboard.title,
    render: (p) => html`<club-dashboard-page .orgId=${p['orgId'] ?? ''}></club-dashboard-page>`,
  },
  {
    name: 'org-challenges',
    pattern: '/org/:orgId/challenges',
    // the list is synced: drawn from the device, offline too
    access: 'local',
    load: () => import('./club-challenges-page.ts'),
    title: async () => (await import('./clubs-strings.ts')).clubsStrings.challenges.title,
    render: (p) => html`<club-challenges-page .orgId=${p['orgId'] ?? ''}></club-challenges-page>`,
  },
  {
    name: 'org-challenge',
    pattern: '/org/:orgId/challenges/:challengeId',
    access: 'local',
    load: () => import('./club-challenge-page.ts'),
    title: async () => (await import('./clubs-strings.ts')).clubsStrings.challenges.title,
    render: (p) =>
      html`<club-challenge-page
        .orgId=${p['orgId'] ?? ''}
        .challengeId=${p['challengeId'] ?? ''}
      ></club-challenge-page>`,
  },
];
