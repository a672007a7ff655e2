// A refusal on the flags pages in the reader's words. The tables' triggers and
// constraints (20261207140000_feature_flags.sql) and the look-ups
// (20261207141000_platform_organizations.sql) speak English or name a
// constraint; each one we know has its sentence here. A lost connection reads as
// such, anything else as "it did not work" with the server's words (for support).
import type { ErrorDescription } from '../../data/describe-error.ts';
import { featureFlagsStrings } from './feature-flags-strings.ts';

const t = featureFlagsStrings.refusal;

const known: [RegExp, () => string][] = [
  [/is retired and no longer changes/, () => t.retired],
  [/feature_flags_pkey/, () => t.keyTaken],
  [/feature_flags_key_check/, () => t.keyShape],
  [/rollout_check/, () => t.rollout],
  [/_(description|owner|note)_check/, () => t.tooLong],
  [/feature_flag_rules_pkey/, () => t.ruleExists],
  [/feature_flag_overrides_pkey/, () => t.overrideExists],
  [/suspended or canceled/, () => t.suspended],
];

/** the refusal as the flags pages say it, the rest of the description kept */
export function inFlagWords(error: ErrorDescription): ErrorDescription {
  if (error.network) return error;
  const found = known.find(([pattern]) => pattern.test(error.raw))?.[1];
  const message = found
    ? found()
    : error.code === '23503'
      ? t.gone
      : error.code === '42501'
        ? t.notAllowed
        : t.failed(error.raw || error.message);
  return { ...error, message };
}

/** what a write that reached no row (gone, or hidden by row-level security) is told */
export function nothingChanged(): ErrorDescription {
  return {
    message: t.notFound,
    network: false,
    code: undefined,
    hint: undefined,
    details: undefined,
    raw: '',
  };
}
