// The routes the admin feature contributes to the shell (src/app/routes.ts).
import { html } from 'lit';
import type { FeatureRoute } from '../../state/feature-route.ts';

export const adminRoutes: readonly FeatureRoute[] = [
  {
    name: 'org-members',
    pattern: '/org/:orgId/members',
    access: 'signed-in',
    load: () => import('./members-page.ts'),
    title: async () => (await import('./admin-titles.ts')).adminTitles.members,
    render: (p) => html`<members-page .orgId=${p['orgId'] ?? ''}></members-page>`,
  },
  {
    name: 'org-invitations',
    pattern: '/org/:orgId/invitations',
    access: 'signed-in',
    load: () => import('./invitations-page.ts'),
    title: async () => (await import('./admin-titles.ts')).adminTitles.invitations,
    render: (p) => html`<invitations-page .orgId=${p['orgId'] ?? ''}></invitations-page>`,
  },
  {
    name: 'org-groups',
    pattern: '/org/:orgId/groups',
    access: 'signed-in',
    load: () => import('./groups-page.ts'),
    title: async () => (await import('./admin-titles.ts')).adminTitles.groups,
    render: (p) => html`<groups-page .orgId=${p['orgId'] ?? ''}></groups-page>`,
  },
  {
    name: 'group',
    pattern: '/groups/:groupId',
    access: 'signed-in',
    load: () => import('./group-page.ts'),
    title: async () => (await import('./admin-titles.ts')).adminTitles.groups,
    render: (p) => html`<group-page .groupId=${p['groupId'] ?? ''}></group-page>`,
  },
];
