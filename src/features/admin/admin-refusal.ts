// A refusal on the club admin pages in the user's language only: a known one in
// our words, a lost connection as such, anything else as a plain "it did not
// work". The server's English never reaches the page (the ErrorDescription
// keeps it, `raw`, for support and logs).
import { adminRefusal } from '../../domain/membership-admin.ts';
import type { ErrorDescription } from '../../data/describe-error.ts';
import { errorStrings } from '../../i18n/error-strings.ts';
import { adminStrings } from './admin-strings.ts';

export function refusalMessage(error: ErrorDescription): string {
  const known = adminRefusal(error.raw);
  if (known) return errorStrings.refusal(known);
  return error.network ? error.message : adminStrings.members.failed;
}
