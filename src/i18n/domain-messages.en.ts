import type { domainMessages } from './domain-messages.ts';
import { ATHLETE_NAME_MAX, ATHLETE_NOTES_MAX } from '../domain/athlete.ts';
import { GUARDIAN_NAME_MAX } from '../domain/athlete-contact.ts';
import { REASON_MAX, ROOM_MAX } from '../domain/availability-form.ts';
import { INVITATION_MAX_DAYS, INVITATION_MAX_USES } from '../domain/membership-admin.ts';
import { SCHEDULE_MAX_LENGTH } from '../domain/schedule.ts';
import { TRAINING_GROUP_NAME_MAX } from '../domain/training-group.ts';
import type { Translation } from './localized.ts';
import {
  COMPETITION_MAX,
  PLACE_MAX as RESULT_PLACE_MAX,
  RESULT_NOTES_MAX,
} from '../domain/competition-result.ts';
import {
  DURATION_MAX,
  PLAN_DESCRIPTION_MAX,
  PLAN_TITLE_MAX,
  PLAN_WEEKS_MAX,
  WORKOUT_NOTES_MAX,
  WORKOUT_POSITION_MAX,
  WORKOUT_TITLE_MAX,
} from '../domain/training-plan.ts';
import { COACH_ATHLETE_NOTES_MAX } from '../domain/coach-athlete.ts';
import {
  BIO_MAX,
  DISPLAY_NAME_MAX,
  PLACE_MAX,
  SESSION_DESCRIPTION_MAX,
  SESSION_NAME_MAX,
} from '../domain/coach-page-form.ts';

export const domain: Translation<typeof domainMessages> = {
  schedule: {
    format: 'Wrong schedule format. For example: “Mon 18:00, Wed 19:00” or “Self-booking”',
    day: 'Unknown weekday. Days: Mon, Tue, Wed, Thu, Fri, Sat, Sun',
    time: 'Wrong time: hours 0 to 23, minutes 00 to 59 (e.g. 18:00)',
    empty: 'Nothing between two commas: remove the extra comma',
    tooLong: `The schedule is too long (at most ${SCHEDULE_MAX_LENGTH} characters)`,
    repeated: 'A day and time is repeated',
  },
  season: {
    format: 'Write the season as "2024-2025"',
  },
  rank: {
    invalid: 'Not a rank',
  },
  athlete: {
    name: `Enter a name of at most ${ATHLETE_NAME_MAX} characters`,
    notes: `Notes can be at most ${ATHLETE_NOTES_MAX} characters`,
    status: 'Unknown status',
  },
  athleteContact: {
    guardianName: `A name can be at most ${GUARDIAN_NAME_MAX} characters`,
    guardianNameMissing: "Say whose contact this is: the parent's or guardian's name",
    guardianReach: "Enter the parent's phone or email",
    phone:
      'A phone: digits, an optional leading "+", spaces, brackets and hyphens — 5 to 15 digits',
    email: 'An email looks like name@example.com',
    birthDate: 'Date of birth as YYYY-MM-DD',
    birthDateFuture: 'The date of birth cannot be in the future',
    birthDateEarly: 'The date of birth cannot be before 1900',
  },
  discountCode: {
    format: 'A code is 3 to 32 Latin letters, digits, "-" or "_", starting with a letter or digit',
  },
  availability: {
    duration: 'Length — from 0:05 to 12:00 (hours:minutes)',
    buffer: 'Break — from 0:00 to 4:00 (hours:minutes)',
    notice: 'Notice — from 0:00 to 720:00, that is up to 30 days (hours:minutes)',
    interval: 'Step — from 0:05 to 12:00 (hours:minutes), or empty (the length)',
    horizon: 'Horizon — a whole number of days from 1 to 366',
    cancellation:
      'Cancellation window — from 0:00 to 720:00, that is up to 30 days (hours:minutes)',
    zone: 'Unknown time zone: pick one from the list (e.g. Europe/Moscow)',
    room: `Room — at most ${ROOM_MAX} characters`,
    reason: `Reason — at most ${REASON_MAX} characters`,
    weekday: 'Choose a weekday',
    time: 'Time as HH:MM',
    endAfterStart: 'The end must be after the start',
    dateTime: 'Enter a date and time',
  },
  membershipAdmin: {
    role: 'Choose a role',
    days: `Validity: a whole number of days from 1 to ${INVITATION_MAX_DAYS}`,
    maxUses: `Number of uses: 1 to ${INVITATION_MAX_USES}`,
    roleTooHigh: 'You cannot grant a role higher than your own',
  },
  trainingGroup: {
    name: `Enter a group name of at most ${TRAINING_GROUP_NAME_MAX} characters`,
    taken: 'A group with this name already exists this season',
  },
  cleanText: {
    control:
      'Remove the control characters (such as a text direction override): they are invisible but change how the text looks',
    invisible: 'Needs visible characters: spaces and invisible marks alone will not do',
  },
  coachSlug: {
    length: 'The address is 3 to 40 characters',
    shape:
      'The address uses Latin letters, digits and "-"; it does not start or end with a hyphen and has no two hyphens in a row',
    reserved: 'This address is used by the app itself',
  },
  coachPageForm: {
    displayName: `A name of 1 to ${DISPLAY_NAME_MAX} characters`,
    bio: `About you: at most ${BIO_MAX} characters`,
    place: `Place: at most ${PLACE_MAX} characters`,
    sports: 'At most 20 sports',
    certifications: 'At most 20 lines of qualifications',
    languages: 'Languages: up to 10 codes separated by commas, e.g. ru, en',
    sessionName: `A name of 1 to ${SESSION_NAME_MAX} characters`,
    sessionDescription: `Description: at most ${SESSION_DESCRIPTION_MAX} characters`,
    duration: 'Length from 0:05 to 12:00 (hours:minutes)',
    price: 'Price: a number from 0 (free), e.g. 2500 or 2500.50',
  },
  competitionResult: {
    competition: `Competition name: 1 to ${COMPETITION_MAX} characters`,
    level: 'Choose the level of the competition',
    discipline: 'Choose the event',
    value: 'The result is a positive number with at most two decimals',
    timeFormat: 'Write a time as 11.94 or 1:58.30',
    timing: 'For a time, say how it was timed: automatic or hand',
    venue: 'Say where it took place: indoor or outdoor',
    place: `Place: a whole number from 1 to ${RESULT_PLACE_MAX}`,
    notes: `Note: at most ${RESULT_NOTES_MAX} characters`,
    date: 'Date as YYYY-MM-DD',
    dateFuture: 'The competition date cannot be in the future',
    dateEarly: 'The competition date cannot be before 1900',
  },
  trainingPlan: {
    title: `A plan's title is 1 to ${PLAN_TITLE_MAX} characters`,
    description: `A description can be at most ${PLAN_DESCRIPTION_MAX} characters`,
    weeks: `A plan has 1 to ${PLAN_WEEKS_MAX} weeks`,
    type: 'Choose the kind of workout',
    workoutTitle: `A workout's title can be at most ${WORKOUT_TITLE_MAX} characters`,
    notes: `Notes can be at most ${WORKOUT_NOTES_MAX} characters`,
    duration: `Duration — a whole number of minutes from 1 to ${DURATION_MAX}`,
    distance: 'Distance — a whole number of metres from 1 to 1,000,000',
    pace: 'Pace — mm:ss per kilometre, from 2:00 to 20:00',
    hrZone: 'Heart-rate zone — 1 to 5',
    rpe: 'RPE — 1 to 10',
    intensity: 'Give a value for the chosen intensity',
    week: `Week — 1 to ${PLAN_WEEKS_MAX}`,
    day: 'Day of the week — 1 to 7',
    position: `Order within the day — 0 to ${WORKOUT_POSITION_MAX}`,
    startDate: 'Start date as YYYY-MM-DD',
  },
  coachAthlete: {
    kind: 'Choose: coaching or consulting',
    startsOn: 'Start date as YYYY-MM-DD',
    endsOn: 'End date as YYYY-MM-DD, not before the start',
    notes: `Notes can be at most ${COACH_ATHLETE_NOTES_MAX} characters`,
  },
};
