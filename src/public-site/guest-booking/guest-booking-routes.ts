// A guest's booking pages (filled in by the guest-booking work).
import type { PublicRoute } from '../public-site-context.ts';

export const guestBookingRoutes: readonly PublicRoute[] = [];
