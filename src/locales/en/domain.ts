import type { domainMessages } from '../../domain-messages.ts';
import { ATHLETE_NAME_MAX, ATHLETE_NOTES_MAX } from '../../domain/athlete.ts';
import { SCHEDULE_MAX_LENGTH } from '../../domain/schedule.ts';
import type { Translation } from '../localized.ts';

export const domain: Translation<typeof domainMessages> = {
  schedule: {
    format: 'Wrong schedule format. Expected: "Пн 18:00, Ср 19:00"',
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
  discountCode: {
    format: 'A code is 3 to 32 Latin letters, digits, "-" or "_", starting with a letter or digit',
  },
};
