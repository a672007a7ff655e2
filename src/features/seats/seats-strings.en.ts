import type { seatsStrings } from './seats-strings.ts';
import type { Translation } from '../../i18n/localized.ts';

export const seats: Translation<typeof seatsStrings> = {
  memberLink: 'Club seats',
  needsNetwork: 'Offline: seats are kept on the server. Connect to the internet to see them.',
  loadFailed: 'Could not load the seats',
  retry: 'Try again',
  featureOff: (club) =>
    `${club}: plan seats are turned off at the moment. Once they are on, the club’s seat pools show here.`,
  seller: 'Seller',
  price: 'Price per seat',
  taken: (taken, total) => `${taken} of ${total} taken`,
  left: (n) => `${n} left`,
  state: {
    open: 'Open',
    full: 'Full',
    closed: 'Closed',
  },
  unnamedPlan: 'Plan',
  unnamedSeller: 'another organization',
  club: {
    title: 'Plan seats',
    intro:
      'Seats in training plans the club bought from coaches and schools. A member of the club takes a seat, or you give one; a revoked seat goes back to the pool.',
    none: 'The club has no seat pools yet.',
    pool: (plan) => `Pool “${plan}”`,
    claims: 'Who holds seats',
    noClaims: 'Nobody holds a seat yet.',
    claimed: 'took it',
    assigned: 'given by an admin',
    since: (date) => `since ${date}`,
    assignTo: 'Give a seat to a member',
    noOneLeft: 'Every member of the club already has a seat of this pool.',
    choose: 'Choose a member',
    assign: 'Give a seat',
    gaveSeat: (name) => `${name} gets a seat.`,
    revoke: 'Revoke seat',
    revokeLabel: (name) => `Revoke ${name}’s seat`,
    confirmRevoke: (name) =>
      `Revoke ${name}’s seat? Their copy of the plan is archived and the seat goes back to the pool.`,
    confirm: 'Yes, revoke',
    cancel: 'Cancel',
    revoked: (name) => `${name}’s seat is revoked and back in the pool.`,
    someone: 'A member',
  },
  member: {
    title: 'Club seats',
    intro:
      'Your club bought seats in training plans. Take a free seat and your own copy of the plan shows on the home page.',
    mine: 'My seat',
    noneMine: 'You hold no seat yet.',
    heldIn: (club) => `Club: ${club}`,
    since: (date) => `Seat since ${date}`,
    openPlan: 'Today’s workout',
    openPlanHint: 'The plan opens on the home page: today’s workout and the week ahead.',
    available: 'Free seats',
    none: 'No free seats in your clubs right now.',
    take: 'Take a seat',
    takeLabel: (plan) => `Take a seat in the plan “${plan}”`,
    taken: (plan) => `The seat is yours: “${plan}” shows on the home page once it syncs.`,
  },
};
