// The routes the account feature contributes to the shell (src/app/routes.ts).
import { html } from 'lit';
import type { FeatureRoute } from '../../state/feature-route.ts';
import { strings } from '../../i18n/shell-strings.ts';

export const accountRoutes: readonly FeatureRoute[] = [
  {
    name: 'sign-in',
    pattern: '/sign-in',
    access: 'public',
    load: () => import('./sign-in-page.ts'),
    title: () => strings.signIn.title,
    render: () => html`<sign-in-page></sign-in-page>`,
  },
  {
    name: 'create-organization',
    pattern: '/organizations/new',
    access: 'signed-in',
    load: () => import('./create-organization-page.ts'),
    title: () => strings.createOrganization.title,
    render: () => html`<create-organization-page></create-organization-page>`,
  },
  {
    name: 'accept-invitation',
    pattern: '/invite',
    access: 'signed-in',
    load: () => import('./accept-invitation-page.ts'),
    title: () => strings.acceptInvitation.title,
    render: () => html`<accept-invitation-page></accept-invitation-page>`,
  },
  {
    name: 'invite',
    pattern: '/invite/:token',
    access: 'signed-in',
    load: () => import('./accept-invitation-page.ts'),
    title: () => strings.acceptInvitation.title,
    render: (p) =>
      html`<accept-invitation-page .token=${p['token'] ?? ''}></accept-invitation-page>`,
  },
];
