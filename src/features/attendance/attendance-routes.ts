// The routes the attendance feature contributes to the shell (src/app/routes.ts).
import { html } from 'lit';
import type { FeatureRoute } from '../../state/feature-route.ts';

export const attendanceRoutes: readonly FeatureRoute[] = [
  {
    name: 'today',
    pattern: '/today',
    access: 'signed-in',
    load: () => import('./today-page.ts'),
    title: async () => (await import('./attendance-strings.ts')).attendanceStrings.title,
    render: () => html`<today-page></today-page>`,
  },
];
