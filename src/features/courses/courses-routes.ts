// The routes the courses feature contributes to the shell (src/app/routes.ts).
import { html } from 'lit';
import type { FeatureRoute } from '../../state/feature-route.ts';

const title = async () => (await import('./courses-strings.ts')).coursesStrings.list.title;
const builderTitle = async () =>
  (await import('./courses-strings.ts')).coursesStrings.builder.teaching;

export const coursesRoutes: readonly FeatureRoute[] = [
  {
    name: 'courses',
    pattern: '/courses',
    access: 'signed-in',
    load: () => import('./courses-page.ts'),
    title,
    render: () => html`<courses-page></courses-page>`,
  },
  // the builder's routes first: `/courses/new` would otherwise be a course's id
  {
    name: 'course-new',
    pattern: '/courses/new',
    access: 'signed-in',
    load: () => import('./course-builder-page.ts'),
    title: builderTitle,
    render: () => html`<course-builder-page></course-builder-page>`,
  },
  {
    name: 'course-edit',
    pattern: '/courses/:courseId/edit',
    access: 'signed-in',
    load: () => import('./course-builder-page.ts'),
    title: builderTitle,
    render: (p) =>
      html`<course-builder-page .courseId=${p['courseId'] ?? ''}></course-builder-page>`,
  },
  {
    name: 'lesson-new',
    pattern: '/courses/:courseId/lessons/new',
    access: 'signed-in',
    load: () => import('./lesson-editor-page.ts'),
    title: builderTitle,
    render: (p) => html`<lesson-editor-page .courseId=${p['courseId'] ?? ''}></lesson-editor-page>`,
  },
  {
    name: 'lesson-edit',
    pattern: '/courses/:courseId/lessons/:lessonId/edit',
    access: 'signed-in',
    load: () => import('./lesson-editor-page.ts'),
    title: builderTitle,
    render: (p) =>
      html`<lesson-editor-page
        .courseId=${p['courseId'] ?? ''}
        .lessonId=${p['lessonId'] ?? ''}
      ></lesson-editor-page>`,
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
