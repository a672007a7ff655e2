// The routes the courses feature contributes to the shell (src/app/routes.ts).
import { html } from 'lit';
import type { FeatureRoute } from '../../state/feature-route.ts';

const title = async () => (await import('./courses-strings.ts')).coursesStrings.list.title;

export const coursesRoutes: readonly FeatureRoute[] = [
  {
    name: 'courses',
    pattern: '/courses',
    access: 'signed-in',
    load: () => import('./courses-page.ts'),
    title,
    render: () => html`<courses-page></courses-page>`,
  },
  {
    name: 'course',
    pattern: '/courses/:courseId',
    access: 'signed-in',
    load: () => import('./course-page.ts'),
    title,
    render: (p) => html`<course-page .courseId=${p['courseId'] ?? ''}></course-page>`,
  },
  {
    name: 'lesson',
    pattern: '/courses/:courseId/:lessonId',
    access: 'signed-in',
    load: () => import('./lesson-page.ts'),
    title,
    render: (p) =>
      html`<lesson-page
        .courseId=${p['courseId'] ?? ''}
        .lessonId=${p['lessonId'] ?? ''}
      ></lesson-page>`,
  },
];
