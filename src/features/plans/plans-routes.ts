// The routes the plans feature contributes to the shell (src/app/routes.ts).
import { html } from 'lit';
import type { FeatureRoute } from '../../state/feature-route.ts';

export const plansRoutes: readonly FeatureRoute[] = [
  {
    name: 'plans',
    pattern: '/plans',
    access: 'local',
    load: () => import('./plans-page.ts'),
    title: async () => (await import('./plans-strings.ts')).plansStrings.title,
    render: () => html`<plans-page></plans-page>`,
  },
  {
    name: 'plan',
    pattern: '/plans/:id',
    access: 'local',
    load: () => import('./plan-page.ts'),
    title: async () => (await import('./plans-strings.ts')).plansStrings.title,
    render: (p) => html`<plan-page .planId=${p['id'] ?? ''}></plan-page>`,
  },
];
