import type { strings } from './shell-strings.ts';
import type { Translation } from './localized.ts';

const kindNames: Record<string, string> = {
  club: 'Club',
  school: 'Sports school',
  coach_business: 'Independent coach',
  race: 'Race',
  timing_company: 'Timing company',
  reseller: 'Reseller',
  partner: 'Partner',
  platform: 'Platform',
};

const roleNames: Record<string, string> = {
  owner: 'Owner',
  admin: 'Administrator',
  coach: 'Coach',
  athlete: 'Athlete',
  member: 'Member',
};

export const shell: Translation<typeof strings> = {
  appName: 'Trackside',
  appTagline: 'Training, attendance and schedules — even with no signal',
  loading: 'Loading…',
  offline: 'Offline',
  offlineHint: 'You are offline: showing the data last loaded.',
  newVersion: 'A new version is available',
  reload: 'Reload',
  dismiss: 'Close',
  skipToContent: 'Skip to content',
  coachesOnly: 'This page is for coaches.',

  acting: {
    label: 'Acting for a club',
    actingFor: (name: string) => `You are acting for the club: ${name}`,
    thisClub: 'a client',
    readOnly: 'view only',
    canWrite: 'changes allowed',
    until: (time: string) => `until ${time}`,
    minutesLeft: (n: number) => `${n} min left`,
    ended: 'Your time acting for the club is over: changes will not be saved. Stop the session.',
    stop: 'Stop',
    stopping: 'Stopping…',
    stopFailed: 'Could not stop: no connection to the server. Try again.',
  },
  toHome: 'Home',

  tabs: {
    label: 'Main sections',
    today: 'Today',
    roster: 'Athletes',
    calendar: 'Calendar',
    club: 'Club',
    me: 'Schedule',
    book: 'Book',
    bookings: 'Bookings',
    purchases: 'Purchases',
    more: 'More',
  },

  signIn: {
    title: 'Sign in',
    signUpTitle: 'Sign up',
    email: 'Email',
    password: 'Password',
    displayName: 'Full name',
    displayNameHint: 'How coaches and athletes will see you',
    passwordHint: 'At least 6 characters',
    submit: 'Sign in',
    submitSignUp: 'Sign up',
    toSignUp: 'No account? Sign up',
    toSignIn: 'Already have an account? Sign in',
    checkEmail: 'We sent you a confirmation email. Open the link in it, then sign in.',
  },

  home: {
    title: 'My organizations',
    empty: 'You are not a member of any organization yet.',
    emptyHint: 'Create your own or accept an invitation from a club.',
    role: 'Role',
    left: 'You left this organization',
    create: 'Create an organization',
    accept: 'Accept an invitation',
    signOut: 'Sign out',
    signedInAs: (who) => `Signed in as ${who}`,
    loadFailed: 'Could not load your organizations',
    retry: 'Try again',
    nav: { coaching: 'Training', mine: 'My training', settings: 'Settings' },
  },

  createOrganization: {
    title: 'New organization',
    name: 'Name',
    slug: 'Short address',
    slugHint: 'Latin letters, digits and hyphens, e.g. dinamo-spb',
    kind: 'Type',
    timeZone: 'Time zone',
    timeZoneHint: 'IANA, e.g. Europe/Moscow',
    locale: 'Language',
    submit: 'Create',
    created: (name) => `Organization “${name}” created`,
  },

  acceptInvitation: {
    title: 'Invitation',
    code: 'Invitation code or link',
    codeHint: 'Paste the code from the message or the whole link',
    submit: 'Accept',
    accepted: 'Invitation accepted',
  },

  notFound: {
    title: 'Page not found',
    home: 'Home',
  },

  back: 'Back',

  field: {
    show: 'Show',
    hide: 'Hide',
  },

  validation: {
    required: 'Fill in this field',
    email: 'Enter an email, e.g. coach@example.com',
    passwordTooShort: 'The password must be at least 6 characters',
    slug: 'Lowercase Latin letters, digits and inner hyphens only, 3 to 63 characters',
    timeZone: 'Unknown time zone',
    tooLong: (max) => `At most ${max} characters`,
  },

  kindName: (kind) => kindNames[kind] ?? kind,
  roleName: (role) => roleNames[role] ?? role,

  // the server already speaks English
};
