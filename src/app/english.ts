// The English catalogue: one typed file per strings module (see localized.ts).
// `templates` is @lit/localize's locale-module contract; Trackside reads its
// typed catalogues instead of `msg()` ids, so no template is looked up by id.
import { account } from '../features/account/account-strings.en.ts';
import { attendance } from '../features/attendance/attendance-strings.en.ts';
import { messages } from '../features/messages/messages-strings.en.ts';
import { booking } from '../features/booking/booking-strings.en.ts';
import { clubAnalytics } from '../features/club-analytics/club-analytics-strings.en.ts';
import { coachAnalytics } from '../features/coach-analytics/coach-analytics-strings.en.ts';
import { courses } from '../features/courses/courses-strings.en.ts';
import { admin } from '../features/admin/admin-strings.en.ts';
import { featureFlags } from '../features/feature-flags/feature-flags-strings.en.ts';
import { adminTitles } from '../features/admin/admin-titles.en.ts';
import { chart } from '../i18n/chart-strings.en.ts';
import { domain } from '../i18n/domain-messages.en.ts';
import { me } from '../features/me/me-strings.en.ts';
import { money } from '../features/money/money-strings.en.ts';
import { partnerConsole } from '../features/partner-console/partner-console-strings.en.ts';
import { partnerDashboard } from '../features/partner-dashboard/partner-dashboard-strings.en.ts';
import { partnerReview } from '../features/partner-review/partner-review-strings.en.ts';
import { products } from '../features/products/products-strings.en.ts';
import { races } from '../features/races/races-strings.en.ts';
import { reports } from '../features/reports/reports-strings.en.ts';
import { roster } from '../features/roster/roster-strings.en.ts';
import { results } from '../features/results/results-strings.en.ts';
import { contacts } from '../features/roster/contacts-strings.en.ts';
import { plans } from '../features/plans/plans-strings.en.ts';
import { groupMove } from '../features/roster/group-move-strings.en.ts';
import { season } from '../features/season/season-strings.en.ts';
import { seats } from '../features/seats/seats-strings.en.ts';
import { clubs } from '../features/clubs/clubs-strings.en.ts';
import { shell } from '../i18n/shell-strings.en.ts';
import { errors } from '../i18n/error-strings.en.ts';
import { photoUpload } from '../i18n/photo-upload-strings.en.ts';
import { storefront } from '../features/storefront/storefront-strings.en.ts';
import { sync } from '../features/sync-issues/sync-strings.en.ts';
import { workouts } from '../features/workouts/workouts-strings.en.ts';

export const english = {
  shell,
  errors,
  photoUpload,
  chart,
  roster,
  contacts,
  results,
  plans,
  groupMove,
  sync,
  domain,
  me,
  season,
  money,
  products,
  attendance,
  messages,
  booking,
  courses,
  admin,
  adminTitles,
  clubAnalytics,
  storefront,
  coachAnalytics,
  account,
  partnerConsole,
  partnerDashboard,
  partnerReview,
  featureFlags,
  workouts,
  reports,
  seats,
  clubs,
  races,
};

export const templates = {};
