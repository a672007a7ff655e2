// Every public page, gathered from the public site's parts; each part owns the
// routes it contributes, as the app's features do (src/app/routes.ts).
import { trackerRoute } from './analytics/tracker-tag.ts';
import { checkoutRoutes } from './checkout/checkout-routes.ts';
import { coachPageRoutes } from './coach-page/coach-page-routes.ts';
import { coursePageRoutes } from './course-page/course-page-routes.ts';
import { guestBookingRoutes } from './guest-booking/guest-booking-routes.ts';
import { partnerApplyRoutes } from './partner-apply/partner-apply-routes.ts';
import type { PublicRoute } from './public-site-context.ts';

export const publicRoutes: readonly PublicRoute[] = [
  trackerRoute,
  ...partnerApplyRoutes,
  ...guestBookingRoutes,
  ...checkoutRoutes,
  ...coursePageRoutes,
  ...coachPageRoutes,
];
