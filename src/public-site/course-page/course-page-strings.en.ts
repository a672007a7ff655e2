// English copy of a course's public page (the Russian source: course-page-strings.ts).
import type { CoursePageStrings } from './course-page-strings.ts';

export const coursePageStringsEn: CoursePageStrings = {
  back: (coach: string) => `← ${coach}`,
  title: (course: string, coach: string) => `${course}: an online course by ${coach}`,
  coverAlt: (course: string) => `Cover of the course “${course}”`,
  lessons: 'Lessons',
  lessonCount: (n: number) => `${n} ${n === 1 ? 'lesson' : 'lessons'}`,
  kind: { text: 'Text', video: 'Video', audio: 'Audio' },
  preview: 'Free lesson',
  quiz: 'quiz',
  dripDays: (n: number) => `opens ${n} ${n === 1 ? 'day' : 'days'} after you start`,
  inOrder: 'Lessons open in order: each one after the one before.',
  previewHeading: 'Free lessons',
  mediaOffline: 'The video or audio is not available right now. Please reload the page later.',
  access: {
    paid: (price: string) => `Price: ${price}`,
    free: 'The course is free. Sign in or create an account to start.',
    members: (club: string | null) =>
      club
        ? `The course is for members of ${club}. Sign in to start.`
        : 'The course is for club members. Sign in to start.',
    email: 'The course is free: give your email and we will send you a link to it.',
  },
  credits: (n: number, days: number) =>
    `The course comes with ${n} ${n === 1 ? 'session' : 'sessions'} (valid for ${days} days).`,
  buy: 'Buy the course',
  start: 'Start the course',
  signIn: 'Sign in',
  form: {
    email: 'Email',
    name: 'Name (optional)',
    honeypot: 'Leave this field empty',
    submit: 'Get the course',
  },
  sent: 'Done! We sent you an email with a link to the course. Check your inbox (and the spam folder).',
  errors: {
    course_not_found: 'This course is no longer available.',
    course_not_email: 'This course is not given by email.',
    other: 'That did not work. Check the address and try again.',
  },
  footer: 'An online course on Trackside',
};
