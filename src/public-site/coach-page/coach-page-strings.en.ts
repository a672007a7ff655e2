// English copy of a coach's public page (the Russian source: coach-page-strings.ts).
import type { CoachPageStrings } from './coach-page-strings.ts';

export const coachPageStringsEn: CoachPageStrings = {
  title: (name: string, sports: readonly string[]) =>
    sports.length > 0 ? `${name}, coach: ${sports.join(', ')}` : `${name}, coach`,
  description: (name: string, club: string | null, place: string | null) =>
    [`${name}, coach`, club, place].filter(Boolean).join(' · ') +
    '. Book sessions and buy packages online.',
  languageNav: 'Page language',
  club: 'Club',
  place: 'Where',
  sports: 'Sports',
  book: {
    heading: 'Book a session',
    cta: 'Book',
    free: 'Free',
    noTime: 'No time is open for booking right now. Please check back later.',
  },
  buy: {
    heading: 'Buy',
    cta: 'Buy',
    package: (credits: number, days: number) => `Sessions: ${credits} · valid for ${days} days`,
  },
  courses: {
    heading: 'Online courses',
    lessons: (n: number) => `${n} ${n === 1 ? 'lesson' : 'lessons'}`,
    previews: (n: number) => `${n} free`,
    access: {
      free: 'Free',
      email: 'Free with your email',
      members: 'For club members',
      paid: '',
    },
    buy: 'Buy',
    more: 'Details',
  },
  nothingOffered: 'This coach offers nothing online yet.',
  about: 'About the coach',
  certifications: 'Qualifications',
  languages: 'Languages',
  duration: (minutes: number) => {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return [h > 0 ? `${h} h` : '', m > 0 ? `${m} min` : ''].filter(Boolean).join(' ');
  },
  photoAlt: (name: string) => `Photo: ${name}`,
  footer: 'A coach page on Trackside',
  brand: (name: string) => `${name}, a Trackside partner`,
  notFound: {
    title: 'Page not found',
    text: 'There is no coach page at this address. Check the link for a typo.',
  },
  unavailable: {
    title: 'Page temporarily unavailable',
    text: 'The coach page could not be loaded. Please refresh in a minute.',
  },
};
