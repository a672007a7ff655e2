// A refusal on the partner pages in the user's words: the RPCs of
// 20261206172000_partner_console.sql speak English; each known sentence has its
// translation here, a lost connection reads as such, anything else as "it did
// not work" (the raw words stay in the ErrorDescription for support).
import type { ErrorDescription } from '../../data/describe-error.ts';
import { partnerConsoleStrings } from './partner-console-strings.ts';

const t = partnerConsoleStrings.refusal;

const known: [RegExp, () => string][] = [
  [/tier allows \d+ clients/, () => t.limit],
  [/canceled client/, () => t.canceledFinal],
  [/client not found/, () => t.notFound],
  [/link is not valid/, () => t.linkInvalid],
  [/already been used/, () => t.linkUsed],
  [/link has expired/, () => t.linkExpired],
  [/already managed/, () => t.alreadyManaged],
  [/only an owner of the club/, () => t.onlyOwner],
  [/revoked this partner/, () => t.revoked],
  [/no partner manages/, () => t.noPartner],
  [/already acting/, () => t.alreadyActing],
  [/not allowed its partner to make changes/, () => t.writeNotAllowed],
  [/do not manage this club/, () => t.acting],
];

export function partnerRefusal(error: ErrorDescription): string {
  for (const [pattern, message] of known) if (pattern.test(error.raw)) return message();
  if (error.network) return error.message;
  if (error.code === '42501') return t.notAllowed;
  return partnerConsoleStrings.failed;
}
