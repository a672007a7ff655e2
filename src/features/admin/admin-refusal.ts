import { adminStrings as t } from './admin-strings.ts';
import { adminRefusal } from '../../domain/membership-admin.ts';
import { describeError } from '../../state/describe-error.ts';

/**
 * What a failed admin RPC should say: a known refusal explained in the user's
 * language (the server's own words kept beside it in Russian), a network
 * failure as such, anything else as the server said it.
 */
export function refusalMessage(error: unknown, status?: number): string {
  const described = describeError(error, status);
  if (described.network) return described.message;
  const raw =
    typeof error === 'object' && error !== null && 'message' in error
      ? String((error as { message: unknown }).message)
      : '';
  const key = adminRefusal(raw);
  return key ? t.explain(t.refusal(key), raw) : described.message;
}
