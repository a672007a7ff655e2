// The app's route table, gathered from the features: each feature folder owns
// the routes it contributes (`<feature>-routes.ts`); the shell adds home and
// not found. Order matters only where patterns overlap (`/roster/new` before
// `/roster/:id`), and that order lives inside the feature.
import { html } from 'lit';
import { accountRoutes } from '../features/account/account-routes.ts';
import { adminRoutes } from '../features/admin/admin-routes.ts';
import { attendanceRoutes } from '../features/attendance/attendance-routes.ts';
import { bookingRoutes } from '../features/booking/booking-routes.ts';
import { clubAnalyticsRoutes } from '../features/club-analytics/club-analytics-routes.ts';
import { coachAnalyticsRoutes } from '../features/coach-analytics/coach-analytics-routes.ts';
import { coursesRoutes } from '../features/courses/courses-routes.ts';
import { featureFlagsRoutes } from '../features/feature-flags/feature-flags-routes.ts';
import { meRoutes } from '../features/me/me-routes.ts';
import { messagesRoutes } from '../features/messages/messages-routes.ts';
import { moneyRoutes } from '../features/money/money-routes.ts';
import { partnerConsoleRoutes } from '../features/partner-console/partner-console-routes.ts';
import { partnerDashboardRoutes } from '../features/partner-dashboard/partner-dashboard-routes.ts';
import { partnerReviewRoutes } from '../features/partner-review/partner-review-routes.ts';
import { plansRoutes } from '../features/plans/plans-routes.ts';
import { productsRoutes } from '../features/products/products-routes.ts';
import { racesRoutes } from '../features/races/races-routes.ts';
import { reportsRoutes } from '../features/reports/reports-routes.ts';
import { rosterRoutes } from '../features/roster/roster-routes.ts';
import { seasonRoutes } from '../features/season/season-routes.ts';
import { seatsRoutes } from '../features/seats/seats-routes.ts';
import { clubsRoutes } from '../features/clubs/clubs-routes.ts';
import { storefrontRoutes } from '../features/storefront/storefront-routes.ts';
import { syncIssuesRoutes } from '../features/sync-issues/sync-issues-routes.ts';
import { strings } from '../i18n/shell-strings.ts';
import type { FeatureRoute } from '../state/feature-route.ts';

const home: FeatureRoute = {
  name: 'home',
  pattern: '/',
  // today's workout and the links draw from the device; the page hears of the client later
  access: 'local',
  load: () => import('./home-page.ts'),
  title: () => strings.home.title,
  render: () => html`<home-page></home-page>`,
};

export const routes: readonly FeatureRoute[] = [
  home,
  ...accountRoutes,
  ...syncIssuesRoutes,
  ...rosterRoutes,
  ...plansRoutes,
  ...reportsRoutes,
  ...meRoutes,
  ...seasonRoutes,
  ...moneyRoutes,
  ...productsRoutes,
  ...attendanceRoutes,
  ...messagesRoutes,
  ...bookingRoutes,
  ...coursesRoutes,
  ...adminRoutes,
  ...clubAnalyticsRoutes,
  ...storefrontRoutes,
  ...coachAnalyticsRoutes,
  ...partnerConsoleRoutes,
  ...partnerDashboardRoutes,
  ...partnerReviewRoutes,
  ...featureFlagsRoutes,
  ...seatsRoutes,
  ...clubsRoutes,
  ...racesRoutes,
];

/** any URL no route matches; public, so a signed-out visitor is told too */
export const notFound: FeatureRoute = {
  name: 'not-found',
  pattern: '',
  access: 'public',
  load: () => import('./not-found-page.ts'),
  title: () => strings.notFound.title,
  render: () => html`<not-found-page></not-found-page>`,
};

/** where a visitor without a session is sent from a route that needs one (shown in place) */
export const signIn: FeatureRoute = routeNamed('sign-in');

export function routeNamed(name: string): FeatureRoute {
  const route = routes.find((r) => r.name === name);
  if (!route) throw new Error(`no route named ${name}`);
  return route;
}
