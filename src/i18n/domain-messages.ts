/**
 * The messages the domain's zod schemas produce, as one localized namespace. The
 * domain stays free of the app (it is shared with the database tests and the
 * Edge Functions) and writes its messages in Russian; the interface translates
 * them on display.
 */
import { athleteMessages } from '../domain/athlete.ts';
import { athleteContactMessages } from '../domain/athlete-contact.ts';
import { cleanTextMessages } from '../domain/clean-text.ts';
import { competitionResultMessages } from '../domain/competition-result.ts';
import { coachPageFormMessages } from '../domain/coach-page-form.ts';
import { coachSlugMessages } from '../domain/coach-slug.ts';
import { discountCodeMessages } from '../domain/money.ts';
import { availabilityMessages } from '../domain/availability-form.ts';
import { membershipAdminMessages } from '../domain/membership-admin.ts';
import { rankMessages } from '../domain/rank.ts';
import { scheduleMessages } from '../domain/schedule.ts';
import { seasonMessages } from '../domain/season.ts';
import { trainingGroupMessages } from '../domain/training-group.ts';
import { trainingPlanMessages } from '../domain/training-plan.ts';
import { coachAthleteMessages } from '../domain/coach-athlete.ts';
import { localized } from './localized.ts';

const source = {
  schedule: scheduleMessages,
  season: seasonMessages,
  rank: rankMessages,
  athlete: athleteMessages,
  athleteContact: athleteContactMessages,
  discountCode: discountCodeMessages,
  availability: availabilityMessages,
  membershipAdmin: membershipAdminMessages,
  trainingGroup: trainingGroupMessages,
  cleanText: cleanTextMessages,
  coachSlug: coachSlugMessages,
  coachPageForm: coachPageFormMessages,
  competitionResult: competitionResultMessages,
  trainingPlan: trainingPlanMessages,
  coachAthlete: coachAthleteMessages,
};

export const domainMessages = localized('domain', source);

/** a domain message in the interface language (other text comes back unchanged) */
export function translateDomainMessage(message: string): string {
  for (const [group, messages] of Object.entries(source)) {
    for (const [key, text] of Object.entries(messages)) {
      if (text === message) {
        const translated: Record<string, string> = domainMessages[group as keyof typeof source];
        return translated[key] ?? message;
      }
    }
  }
  return message;
}
