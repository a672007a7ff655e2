// The routes the reseller console and the club's partner page contribute to the
// shell (src/app/routes.ts). `/partner/clients/new` comes before `/partner/clients/:clientId`;
// a club owner's accept page sits under `/partner` too, so no coach's slug can shadow it.
import { html } from 'lit';
import type { FeatureRoute } from '../../state/feature-route.ts';

const titles = async () =>
  (await import('./partner-console-strings.ts')).partnerConsoleStrings.titles;

export const partnerConsoleRoutes: readonly FeatureRoute[] = [
  {
    name: 'partner-clients',
    pattern: '/partner/clients',
    access: 'signed-in',
    load: () => import('./partner-clients-page.ts'),
    title: async () => (await titles()).clients,
    render: () => html`<partner-clients-page></partner-clients-page>`,
  },
  {
    name: 'partner-client-new',
    pattern: '/partner/clients/new',
    access: 'signed-in',
    load: () => import('./partner-client-new-page.ts'),
    title: async () => (await titles()).newClient,
    render: () => html`<partner-client-new-page></partner-client-new-page>`,
  },
  {
    name: 'partner-client',
    pattern: '/partner/clients/:clientId',
    access: 'signed-in',
    load: () => import('./partner-client-page.ts'),
    title: async () => (await titles()).client,
    render: (p) =>
      html`<partner-client-page .clientId=${p['clientId'] ?? ''}></partner-client-page>`,
  },
  {
    name: 'partner-link',
    pattern: '/partner/link',
    access: 'signed-in',
    load: () => import('./partner-link-page.ts'),
    title: async () => (await titles()).link,
    render: () => html`<partner-link-page></partner-link-page>`,
  },
  {
    name: 'partner-audit',
    pattern: '/partner/audit',
    access: 'signed-in',
    load: () => import('./partner-audit-page.ts'),
    title: async () => (await titles()).audit,
    render: () => html`<partner-audit-page></partner-audit-page>`,
  },
  {
    name: 'org-partner',
    pattern: '/org/:orgId/partner',
    access: 'signed-in',
    load: () => import('./club-partner-page.ts'),
    title: async () => (await titles()).clubPartner,
    render: (p) => html`<club-partner-page .orgId=${p['orgId'] ?? ''}></club-partner-page>`,
  },
  {
    name: 'partner-link-accept',
    pattern: '/partner/link/:token',
    access: 'signed-in',
    load: () => import('./partner-link-accept-page.ts'),
    title: async () => (await titles()).accept,
    render: (p) =>
      html`<partner-link-accept-page .token=${p['token'] ?? ''}></partner-link-accept-page>`,
  },
];
