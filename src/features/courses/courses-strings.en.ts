import type { coursesStrings } from './courses-strings.ts';
import type { Translation } from '../../i18n/localized.ts';

export const courses: Translation<typeof coursesStrings> = {
  list: {
    title: 'Courses',
    link: 'My courses',
    mine: 'My courses',
    none: 'You are not enrolled in any course yet.',
    club: 'Courses of the club',
    noneInClub: 'The club has no courses yet.',
    progress: (done: number, total: number) => `Lessons done: ${done} of ${total}`,
    refunded: 'Refunded: the lessons are closed',
    cancelled: 'You left this course',
  },
  access: {
    free: 'Free',
    paid: 'Paid',
    email: 'Free with your email',
    members: 'For club members',
  },
  course: {
    back: 'All courses',
    lessons: 'Lessons',
    enroll: 'Enrol in the course',
    enrolling: 'Enrolling…',
    enrolled: 'You are enrolled.',
    buy: 'Buy the course',
    buyHint: 'The lessons open once you have paid. The first lesson is open now.',
    preview: 'Open to all',
    quiz: (mark: number) => `Quiz: ${mark}% to pass`,
    done: 'Done',
    opensAt: (when: string) => `Opens ${when}`,
    afterPrevious: 'Opens after the lessons before it',
    afterEnrol: 'Opens once you enrol',
    offline:
      'Offline: showing the lessons saved on this device. Closed lessons appear when you are online.',
    notFound: 'This course does not exist or is not open to you.',
    zone: (zone: string) => `Lessons open by the ${zone} time zone.`,
  },
  kind: {
    text: 'Text',
    video: 'Video',
    audio: 'Audio',
  },
  lesson: {
    back: 'Back to the course',
    complete: 'Mark as done',
    completing: 'Saving…',
    completed: 'Lesson marked as done.',
    quiz: 'Quiz',
    question: (n: number) => `Question ${n}`,
    submit: 'Check my answers',
    checking: 'Checking…',
    answerAll: 'Answer every question.',
    passed: (score: number, mark: number) =>
      `Quiz passed: ${score}% (${mark}% needed). The next lesson is open.`,
    failed: (score: number, mark: number) =>
      `${score}% so far, ${mark}% needed. Read the lesson again and retry.`,
    best: (score: number, attempts: number) => `Best score: ${score}% · attempts: ${attempts}`,
    needsNetwork:
      'You can read the lesson offline; marking it done or taking the quiz needs the network.',
    notOnDevice:
      'This lesson is not on this device: it is still closed or has not loaded. Open it when you are online.',
    media: 'Video and audio lessons play only when you are online.',
  },
  refusal: {
    lesson_order: 'Complete the lessons before this one first.',
    lesson_locked: 'This lesson has not opened yet.',
    not_enrolled: 'You are not enrolled in this course.',
    course_paid: 'This course is paid: buy it to enrol.',
    members_only: 'This course is for club members.',
    email_required: 'Add an email to your account to get this course.',
    invalid_answers: 'Answer every question.',
    enrollment_refunded: 'This course was refunded.',
    course_not_found: 'This course does not exist or is not open to you.',
  },
};
