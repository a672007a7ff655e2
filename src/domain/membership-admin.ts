// What club admins may do to memberships and invitations, as the tenancy and
// invitation RPCs decide it (20261122110000_create_tenancy.sql,
// 20261122110200_create_invitations.sql): the forms offer only what the server
// would allow, and every refusal the server can still send is recognised so the
// interface can explain it in the user's language. No clock is read here.
import { z } from 'zod';
import { ROLES, hasRoleAtLeast, type Role } from './organization.ts';

/** create_invitation: `p_expires_at <= now() + interval '90 days'` */
export const INVITATION_MAX_DAYS = 90;
/** invitations_max_uses_check: `max_uses between 1 and 1000` */
export const INVITATION_MAX_USES = 1000;

export const membershipAdminMessages = {
  role: 'Выберите роль',
  days: `Срок — целое число дней от 1 до ${INVITATION_MAX_DAYS}`,
  maxUses: `Число использований — от 1 до ${INVITATION_MAX_USES}`,
  roleTooHigh: 'Нельзя выдать роль выше своей',
} as const;

export const roleSchema = z.enum(ROLES, { error: membershipAdminMessages.role });

export { isRole } from './organization.ts';

/** roles a caller may grant or invite for: none above their own, and only admins grant any */
export function assignableRoles(callerRole: Role): Role[] {
  if (!hasRoleAtLeast(callerRole, 'admin')) return [];
  return ROLES.filter((r) => hasRoleAtLeast(callerRole, r));
}

/** whether a caller may change the role of, or remove, a member with `targetRole` */
export function mayManageMember(callerRole: Role, targetRole: Role): boolean {
  return hasRoleAtLeast(callerRole, 'admin') && hasRoleAtLeast(callerRole, targetRole);
}

/** whole numbers written in a form field ("7", " 30 ") */
const wholeNumber = (message: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^[0-9]{1,4}$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message);

/** the invitation form as typed: role, days until it expires, how many may use it */
export function invitationFormSchema(callerRole: Role) {
  return z.object({
    role: roleSchema.refine(
      (role) => assignableRoles(callerRole).includes(role),
      membershipAdminMessages.roleTooHigh,
    ),
    days: wholeNumber(membershipAdminMessages.days, 1, INVITATION_MAX_DAYS),
    maxUses: wholeNumber(membershipAdminMessages.maxUses, 1, INVITATION_MAX_USES),
  });
}
export type InvitationForm = z.infer<ReturnType<typeof invitationFormSchema>>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** when (epoch ms) an invitation made at `now` (epoch ms) for `days` days expires */
export function invitationExpiry(now: number, days: number): number {
  return now + days * DAY_MS;
}

export type InvitationState = 'open' | 'expired' | 'used-up' | 'revoked';

export interface InvitationLike {
  /** epoch ms */
  expiresAt: number;
  revoked: boolean;
  useCount: number;
  maxUses: number;
}

/** whether an invitation can still be accepted at `now` (epoch ms; accept_invitation's checks, in order) */
export function invitationState(invitation: InvitationLike, now: number): InvitationState {
  if (invitation.revoked) return 'revoked';
  if (invitation.expiresAt <= now) return 'expired';
  if (invitation.useCount >= invitation.maxUses) return 'used-up';
  return 'open';
}

/** the link that accepts an invitation in this app (`/invite/:token`) */
export function invitationLink(origin: string, token: string): string {
  return `${origin}/invite/${encodeURIComponent(token)}`;
}

export * from './admin-refusal.ts';
