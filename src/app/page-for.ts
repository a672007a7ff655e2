import type { AuthState } from '../state/auth-state.ts';
import type { FeatureRoute } from '../state/feature-route.ts';

/**
 * The page the shell shows for a matched route and a session: a public route
 * for anyone; any other route for a signed-in user, and the sign-in page in its
 * place otherwise, so a deep link (`/invite/<token>`) still lands where it
 * pointed once the user has signed in. Undefined while the stored session is read.
 */
export function pageFor(
  route: FeatureRoute | null,
  auth: AuthState['status'],
  fallback: { notFound: FeatureRoute; signIn: FeatureRoute },
): FeatureRoute | undefined {
  if (auth === 'loading') return undefined;
  if (!route) return fallback.notFound;
  if (route.access === 'public') return route;
  return auth === 'signed-in' ? route : fallback.signIn;
}
