// The refusals of the membership, invitation and group RPCs, apart from the
// forms' schemas (membership-admin.ts): every page that shows an error reads
// them, and none of those should load zod for it.
/**
 * The refusals the membership, invitation and group RPCs and triggers raise,
 * by the start of their (English) message. The interface words each one.
 */
export const ADMIN_REFUSALS = {
  lastOwner: /^an organization needs at least one owner/,
  onlyAdmins: /^only admins and owners can/,
  rankedAbove: /^you cannot (change the role of|remove) someone ranked above you/,
  roleAboveOwn: /^you cannot (grant a role|invite someone with a role) higher than your own/,
  revokeAboveOwn: /^you cannot revoke an invitation for a role higher than your own/,
  noLongerMember: /^this person is no longer a member/,
  membershipNotFound: /^membership not found/,
  invitationNotFound: /^invitation not found$/,
  unknownRole: /^unknown role/,
  expiryPast: /^an invitation must expire in the future/,
  expiryTooLong: /^an invitation can be valid for at most/,
  maxUses: /^an invitation can be used 1 to 1000 times/,
  coachNotStaff: /^only a coach, admin or owner of the organization can coach its groups/,
} as const satisfies Record<string, RegExp>;
export type AdminRefusal = keyof typeof ADMIN_REFUSALS;

/** which known refusal a server message is, or null for anything else */
export function adminRefusal(message: string): AdminRefusal | null {
  for (const [key, pattern] of Object.entries(ADMIN_REFUSALS)) {
    if (pattern.test(message)) return key as AdminRefusal;
  }
  return null;
}
