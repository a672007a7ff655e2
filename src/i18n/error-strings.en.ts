import type { AdminRefusal } from '../domain/membership-admin.ts';
import type { errorStrings } from './error-strings.ts';
import type { Translation } from './localized.ts';

const refusals: Record<AdminRefusal, string> = {
  lastOwner: 'An organization needs at least one owner. Make someone else an owner first.',
  onlyAdmins: 'Only the organization’s admins and owners can do this.',
  rankedAbove: 'You cannot change the role of, or remove, someone ranked above you.',
  roleAboveOwn: 'You cannot grant a role higher than your own.',
  revokeAboveOwn: 'You cannot revoke an invitation for a role higher than yours.',
  noLongerMember: 'This person is no longer a member of the organization.',
  membershipNotFound: 'Member not found: they may have been removed already.',
  invitationNotFound: 'Invitation not found.',
  unknownRole: 'Unknown role.',
  expiryPast: 'An invitation must expire in the future.',
  expiryTooLong: 'An invitation can be valid for at most 90 days.',
  maxUses: 'An invitation can be used 1 to 1000 times.',
  coachNotStaff: 'Only a coach, admin or owner of the organization can lead its groups.',
};

export const errors: Translation<typeof errorStrings> = {
  network: 'Cannot reach the server. Check your connection and try again.',
  unexpected: 'Something went wrong. Please try again.',
  explain: (explanation) => explanation,
  refusal: (key) => refusals[key],
  // the server speaks English already
  server: (message) => message,
  booking: {
    slotTaken: 'This time was just taken. Choose another.',
    tooSoon: 'Too late: this time can no longer be booked.',
    beyondHorizon: 'This is too far ahead to book.',
    outsideAvailability: 'The coach does not take bookings at this time.',
    blocked: 'The coach is unavailable at this time.',
    notBookable: 'This coach does not take bookings yet.',
    cancellationWindow:
      'Too late to cancel: the start is closer than the coach allows. Message your coach.',
    sessionFull: 'No seats left.',
  },
  partnerships: {
    featureDisabled: 'This feature is turned off for your organization.',
    poolFull: 'No seats are left in this pool.',
    seatTaken: 'This member already has a seat of this pool.',
    notAMember: 'Seats are for members of the club.',
    challengeOver: 'This challenge is over.',
    notJoined: 'Join the challenge first.',
  },
};
