// The routes running clubs' seats contribute to the shell (src/app/routes.ts).
import { html } from 'lit';
import type { FeatureRoute } from '../../state/feature-route.ts';

export const seatsRoutes: readonly FeatureRoute[] = [
  {
    name: 'org-seats',
    pattern: '/org/:orgId/seats',
    access: 'signed-in',
    load: () => import('./club-seats-page.ts'),
    title: async () => (await import('./seats-strings.ts')).seatsStrings.club.title,
    render: (p) => html`<club-seats-page .orgId=${p['orgId'] ?? ''}></club-seats-page>`,
  },
  {
    name: 'seats',
    pattern: '/seats',
    access: 'signed-in',
    load: () => import('./my-seats-page.ts'),
    title: async () => (await import('./seats-strings.ts')).seatsStrings.member.title,
    render: () => html`<my-seats-page></my-seats-page>`,
  },
];
