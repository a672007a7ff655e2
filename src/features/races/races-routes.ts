// The routes races contribute to the shell (src/app/routes.ts). The list and a
// race page are public: anyone reads a published race, and buying signs in first
// and comes back; the organizer's page is for its admins.
import { html } from 'lit';
import type { FeatureRoute } from '../../state/feature-route.ts';

export const racesRoutes: readonly FeatureRoute[] = [
  {
    name: 'races',
    pattern: '/races',
    access: 'public',
    load: () => import('./races-page.ts'),
    title: async () => (await import('./races-strings.ts')).racesStrings.list.title,
    render: () => html`<races-page></races-page>`,
  },
  {
    name: 'race',
    pattern: '/races/:raceId',
    access: 'public',
    load: () => import('./race-page.ts'),
    title: async () => (await import('./races-strings.ts')).racesStrings.list.title,
    render: (p) => html`<race-page .raceId=${p['raceId'] ?? ''}></race-page>`,
  },
  {
    name: 'org-races',
    pattern: '/org/:orgId/races',
    access: 'signed-in',
    load: () => import('./organizer-races-page.ts'),
    title: async () => (await import('./races-strings.ts')).racesStrings.organizer.title,
    render: (p) => html`<organizer-races-page .orgId=${p['orgId'] ?? ''}></organizer-races-page>`,
  },
];
