import { describe, expect, it } from 'vitest';
import { courseAccessLink, renderCourseAccess } from './course-access-templates.ts';

const COURSE = 'db000000-0000-4000-8000-000000000003';

describe('course_access email', () => {
  it('links to the course in the app with the address filled in', () => {
    expect(
      courseAccessLink('https://trackside.app/', { courseId: COURSE, email: 'a+b@example.com' }),
    ).toBe(`https://trackside.app/courses/${COURSE}?email=a%2Bb%40example.com`);
  });

  it('has no link without a site or a course id it can trust', () => {
    expect(courseAccessLink(null, { courseId: COURSE })).toBeNull();
    expect(courseAccessLink('https://x.test', { courseId: '../admin' })).toBeNull();
  });

  it('tells how to sign in with a code, in Russian and English', () => {
    const ru = renderCourseAccess('ru', { courseTitle: 'Питание' }, 'https://x.test/courses/1');
    expect(ru.subject).toBe('Курс «Питание» открыт');
    expect(ru.text).toContain('https://x.test/courses/1');
    expect(ru.text).toContain('«Войти по коду из письма»');
    const en = renderCourseAccess('en', { courseTitle: 'Food' }, null);
    expect(en.subject).toBe('Your course "Food" is open');
    expect(en.text).toContain('Sign in to Trackside with this address');
  });
});
