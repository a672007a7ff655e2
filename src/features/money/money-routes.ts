// The routes the money feature contributes to the shell (src/app/routes.ts).
import { html } from 'lit';
import type { FeatureRoute } from '../../state/feature-route.ts';

export const moneyRoutes: readonly FeatureRoute[] = [
  {
    name: 'purchases',
    pattern: '/purchases',
    access: 'signed-in',
    load: () => import('./purchases-page.ts'),
    title: async () => (await import('./money-strings.ts')).moneyStrings.purchases.title,
    render: () => html`<purchases-page></purchases-page>`,
  },
  {
    name: 'email-settings',
    pattern: '/settings/email',
    access: 'signed-in',
    load: () => import('./email-settings-page.ts'),
    title: async () => (await import('./money-strings.ts')).moneyStrings.email.title,
    render: () => html`<email-settings-page></email-settings-page>`,
  },
  {
    name: 'mailbox',
    pattern: '/mailbox',
    // signed out, it shows an address's mail (the local stack's, as Inbucket does)
    access: 'public',
    load: () => import('./mailbox-page.ts'),
    title: async () => (await import('./money-strings.ts')).moneyStrings.mailbox.title,
    render: () => html`<mailbox-page></mailbox-page>`,
  },
];
