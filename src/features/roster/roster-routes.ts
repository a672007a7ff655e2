// The routes the roster feature contributes to the shell (src/app/routes.ts).
import { html } from 'lit';
import type { FeatureRoute } from '../../state/feature-route.ts';

export const rosterRoutes: readonly FeatureRoute[] = [
  {
    name: 'roster',
    pattern: '/roster',
    access: 'local',
    load: () => import('./roster-page.ts'),
    title: async () => (await import('./roster-strings.ts')).rosterStrings.title,
    render: () => html`<roster-page></roster-page>`,
  },
  {
    name: 'athlete-new',
    pattern: '/roster/new',
    access: 'signed-in',
    load: () => import('./athlete-page.ts'),
    title: async () => (await import('./roster-strings.ts')).rosterStrings.newTitle,
    render: () => html`<athlete-page creating></athlete-page>`,
  },
  {
    name: 'athlete',
    pattern: '/roster/:id',
    access: 'signed-in',
    load: () => import('./athlete-page.ts'),
    title: async () => (await import('./roster-strings.ts')).rosterStrings.title,
    render: (p) => html`<athlete-page .athleteId=${p['id'] ?? ''}></athlete-page>`,
  },
];
