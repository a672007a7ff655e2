// A feature flag as the platform's page edits it: public.feature_flags, its rules
// per organization kind and its overrides per organization
// (20261207140000_feature_flags.sql). The key's shape, the lists of stabilities,
// enforcements and kinds, the rollout's range and the text limits are the tables'
// CHECK constraints, held equal by tests/db/feature-flag-agreement.test.ts; the
// form says what is wrong before anything is sent.

/** a key: a lowercase letter, then 1–62 lowercase letters, digits or underscores (feature_flags_key_check) */
export const FLAG_KEY_PATTERN = /^[a-z][a-z0-9_]{1,62}$/;

export const FLAG_STABILITIES = ['experimental', 'beta', 'stable'] as const;
export type FlagStability = (typeof FLAG_STABILITIES)[number];

/** where a flag is enforced: a gated table's policies, a gated function, or only the interface */
export const FLAG_ENFORCEMENTS = ['rls', 'rpc', 'ui'] as const;
export type FlagEnforcement = (typeof FLAG_ENFORCEMENTS)[number];

/** the organization kinds a rule may name (feature_flag_rules_kind_check) */
export const FLAG_RULE_KINDS = [
  'club',
  'school',
  'coach_business',
  'race',
  'timing_company',
  'reseller',
  'partner',
  'platform',
] as const;
export type FlagRuleKind = (typeof FLAG_RULE_KINDS)[number];

/** the longest description, owner and override note the tables keep */
export const FLAG_LIMITS = { description: 500, owner: 100, note: 500 } as const;

/** the key as the form sends it (surrounding spaces dropped), or why it cannot be one */
export type FlagKeyVerdict = { ok: true; key: string } | { ok: false; problem: 'empty' | 'shape' };

/**
 * Reads a new flag's key as typed.
 *
 * @example flagKeyInput(' running_clubs ') // { ok: true, key: 'running_clubs' }
 */
export function flagKeyInput(raw: string): FlagKeyVerdict {
  const key = raw.trim();
  if (key === '') return { ok: false, problem: 'empty' };
  return FLAG_KEY_PATTERN.test(key) ? { ok: true, key } : { ok: false, problem: 'shape' };
}

/** a rollout percentage the tables accept: a whole number 0–100 (null: no rollout) */
export function isRolloutPercent(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= 100;
}

export type RolloutVerdict = { ok: true; percent: number | null } | { ok: false };

/**
 * Reads a rollout as typed: empty is no rollout, else a whole number 0–100, a
 * trailing % allowed.
 *
 * @example rolloutInput('25 %') // { ok: true, percent: 25 }
 */
export function rolloutInput(raw: string): RolloutVerdict {
  const text = raw.trim().replace(/\s*%$/, '');
  if (text === '') return raw.trim() === '' ? { ok: true, percent: null } : { ok: false };
  if (!/^\d{1,3}$/.test(text)) return { ok: false };
  const percent = Number(text);
  return isRolloutPercent(percent) ? { ok: true, percent } : { ok: false };
}

/** why a flag has its value for an organization, from private.evaluate_flag's reason and variant */
export type FlagWhy =
  | 'override'
  | 'kind'
  | 'default'
  | 'rollout_in'
  | 'rollout_out'
  | 'retired'
  | 'not_found'
  | 'unknown';

/**
 * OpenFeature's reason (DEFAULT, TARGETING_MATCH, SPLIT, DISABLED, ERROR) with the
 * variant that says which targeting matched.
 *
 * @example flagWhy('TARGETING_MATCH', 'override') // 'override'
 */
export function flagWhy(reason: string | null, variant: string | null): FlagWhy {
  switch (reason) {
    case 'DEFAULT':
      return 'default';
    case 'TARGETING_MATCH':
      return variant === 'override' ? 'override' : variant === 'kind' ? 'kind' : 'unknown';
    case 'SPLIT':
      return variant === 'rollout_in' ? 'rollout_in' : 'rollout_out';
    case 'DISABLED':
      return 'retired';
    case 'ERROR':
      return 'not_found';
    default:
      return 'unknown';
  }
}

/** the kinds a flag has no rule for yet, in FLAG_RULE_KINDS's order */
export function kindsWithoutRule(ruled: readonly string[]): FlagRuleKind[] {
  return FLAG_RULE_KINDS.filter((k) => !ruled.includes(k));
}

/** the flags in use first, then the retired ones, each by key */
export function sortFlags<T extends { key: string; retired_at: string | null }>(
  flags: readonly T[],
): T[] {
  return [...flags].sort(
    (a, b) =>
      Number(a.retired_at !== null) - Number(b.retired_at !== null) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}
