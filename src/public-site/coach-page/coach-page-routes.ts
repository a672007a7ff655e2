// The coach's public page and what hangs off it (filled in by the storefront work).
import type { PublicRoute } from '../public-site-context.ts';

export const coachPageRoutes: readonly PublicRoute[] = [];
