import { describe, expect, it } from 'vitest';
import {
  courseFormSchema,
  courseMediaPath,
  emptyQuestion,
  isCalendarDate,
  lessonDraftOf,
  lessonFormSchema,
  mediaProblem,
  movePatches,
  nextPosition,
  type CourseDraft,
  type LessonDraft,
} from './course-form.ts';

const course: CourseDraft = {
  title: '  Техника бега  ',
  summary: '',
  access: 'free',
  published: false,
  enforceOrder: true,
  dripBasis: 'enrollment',
  dripStart: '',
};

const lesson: LessonDraft = {
  title: 'Урок',
  kind: 'text',
  body: 'Текст',
  isPreview: false,
  dripDays: '0',
  questions: [],
  passMark: '80',
};

function issues(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.success ? [] : (result.error?.issues.map((i) => i.message) ?? []);
}

describe('courseFormSchema', () => {
  it('trims the title and gives the row', () => {
    const r = courseFormSchema.parse(course);
    expect(r).toEqual({
      title: 'Техника бега',
      summary: '',
      access: 'free',
      published: false,
      enforce_order: true,
      drip_basis: 'enrollment',
      drip_start: null,
    });
  });

  it('refuses an empty or too long title', () => {
    expect(issues(courseFormSchema.safeParse({ ...course, title: '   ' }))).toEqual(['title']);
    expect(issues(courseFormSchema.safeParse({ ...course, title: 'я'.repeat(201) }))).toEqual([
      'title',
    ]);
    // 200 characters outside the BMP are 200 to Postgres, 400 UTF-16 units
    expect(courseFormSchema.safeParse({ ...course, title: '🏃'.repeat(200) }).success).toBe(true);
  });

  it('a fixed start needs a real date; from enrolment drops it', () => {
    expect(issues(courseFormSchema.safeParse({ ...course, dripBasis: 'date' }))).toEqual([
      'dripStart',
    ]);
    expect(
      courseFormSchema.parse({ ...course, dripBasis: 'date', dripStart: '2027-01-10' }).drip_start,
    ).toBe('2027-01-10');
    expect(courseFormSchema.parse({ ...course, dripStart: '2027-01-10' }).drip_start).toBeNull();
  });

  it('knows calendar dates', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-1-01')).toBe(false);
  });
});

describe('lessonFormSchema', () => {
  it('a text lesson without a quiz', () => {
    expect(lessonFormSchema.parse(lesson)).toEqual({
      row: {
        title: 'Урок',
        kind: 'text',
        body: 'Текст',
        is_preview: false,
        drip_days: 0,
        quiz: null,
        pass_mark: null,
      },
      answers: null,
    });
  });

  it('splits a quiz into the row (no answers) and the answers', () => {
    const r = lessonFormSchema.parse({
      ...lesson,
      questions: [
        { text: ' Сколько? ', options: ['1', ' 2 '], answer: 1 },
        { text: 'Где?', options: ['тут', 'там', 'везде'], answer: 0 },
      ],
      passMark: '67',
    });
    expect(r.row.quiz).toEqual({
      questions: [
        { text: 'Сколько?', options: ['1', '2'] },
        { text: 'Где?', options: ['тут', 'там', 'везде'] },
      ],
    });
    expect(JSON.stringify(r.row)).not.toContain('answer');
    expect(r.row.pass_mark).toBe(67);
    expect(r.answers).toEqual([1, 0]);
  });

  it('every question has 2–10 filled options and a right one', () => {
    const bad = (q: LessonDraft['questions'][number]) =>
      issues(lessonFormSchema.safeParse({ ...lesson, questions: [q] }));
    expect(bad(emptyQuestion())).toEqual(['questionText', 'option', 'option', 'answer']);
    expect(bad({ text: 'q', options: ['a'], answer: 0 })).toEqual(['options']);
    expect(bad({ text: 'q', options: Array(11).fill('a') as string[], answer: 0 })).toEqual([
      'options',
    ]);
    expect(bad({ text: 'q', options: ['a', 'b'], answer: 2 })).toEqual(['answer']);
  });

  it('a pass mark of 1–100 with a quiz', () => {
    const q = [{ text: 'q', options: ['a', 'b'], answer: 0 }];
    for (const mark of ['0', '101', '', '5.5']) {
      expect(
        issues(lessonFormSchema.safeParse({ ...lesson, questions: q, passMark: mark })),
      ).toEqual(['passMark']);
    }
    expect(lessonFormSchema.parse({ ...lesson, questions: q, passMark: '100' }).row.pass_mark).toBe(
      100,
    );
  });

  it('drip days 0–3650', () => {
    expect(issues(lessonFormSchema.safeParse({ ...lesson, dripDays: '3651' }))).toEqual([
      'dripDays',
    ]);
    expect(issues(lessonFormSchema.safeParse({ ...lesson, dripDays: '-1' }))).toEqual(['dripDays']);
    expect(lessonFormSchema.parse({ ...lesson, dripDays: ' 7 ' }).row.drip_days).toBe(7);
  });

  it('reads a stored lesson back with its answers', () => {
    const draft = lessonDraftOf(
      {
        title: 'T',
        kind: 'audio',
        body: '',
        is_preview: true,
        drip_days: 2,
        quiz: null,
        pass_mark: 50,
      },
      { questions: [{ text: 'q', options: ['a', 'b'] }] },
      [1],
    );
    expect(draft.questions).toEqual([{ text: 'q', options: ['a', 'b'], answer: 1 }]);
    expect(draft.passMark).toBe('50');
    expect(draft.dripDays).toBe('2');
  });
});

describe('ordering', () => {
  const lessons = [
    { id: 'b', position: 5 },
    { id: 'a', position: 2 },
    { id: 'c', position: 9 },
  ];
  it('adds after the last', () => {
    expect(nextPosition(lessons)).toBe(10);
    expect(nextPosition([])).toBe(1);
  });
  it('moves by swapping places with the neighbour', () => {
    expect(movePatches(lessons, 'b', -1)).toEqual([
      { id: 'b', position: 2 },
      { id: 'a', position: 5 },
    ]);
    expect(movePatches(lessons, 'b', 1)).toEqual([
      { id: 'b', position: 9 },
      { id: 'c', position: 5 },
    ]);
    expect(movePatches(lessons, 'a', -1)).toBeNull();
    expect(movePatches(lessons, 'c', 1)).toBeNull();
    expect(movePatches(lessons, 'x', 1)).toBeNull();
  });
});

describe('media', () => {
  it('takes the lesson kind’s files only', () => {
    expect(mediaProblem('audio', { type: 'audio/wav', size: 10 })).toBeNull();
    expect(mediaProblem('video', { type: 'audio/wav', size: 10 })).toBe('wrong-type');
    expect(mediaProblem('video', { type: 'video/mp4', size: 0 })).toBe('empty');
    expect(mediaProblem('video', { type: 'video/mp4', size: 60 * 1024 * 1024 })).toBe('too-large');
  });

  it('keeps the file in the course’s folder, under a safe name', () => {
    const course = '19500000-0000-4000-8000-0000000000c1';
    expect(courseMediaPath(course, 'Урок 1 (финал).MP4', 1700000000000)).toBe(
      `${course}/1700000000000-1.mp4`,
    );
    expect(courseMediaPath(course, 'tone.wav', 5)).toBe(`${course}/5-tone.wav`);
    expect(courseMediaPath(course, 'ёж', 5)).toBe(`${course}/5-file`);
  });
});
