// The routes the reports feature contributes to the shell (src/app/routes.ts).
// Under the athlete's own page (/roster/:id), whose back link it offers; `local`,
// so the report opens from the device's rows with no network at all.
import { html } from 'lit';
import type { FeatureRoute } from '../../state/feature-route.ts';

export const reportsRoutes: readonly FeatureRoute[] = [
  {
    name: 'athlete-report',
    pattern: '/roster/:id/report',
    access: 'local',
    load: () => import('./report-page.ts'),
    title: async () => (await import('./reports-strings.ts')).reportsStrings.title,
    render: (p) => html`<report-page .athleteId=${p['id'] ?? ''}></report-page>`,
  },
];
