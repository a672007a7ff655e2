// The routes the booking feature contributes to the shell (src/app/routes.ts).
import { html } from 'lit';
import type { FeatureRoute } from '../../state/feature-route.ts';

export const bookingRoutes: readonly FeatureRoute[] = [
  {
    name: 'availability',
    pattern: '/availability',
    access: 'signed-in',
    load: () => import('./availability-page.ts'),
    title: async () => (await import('./booking-strings.ts')).bookingStrings.availability.title,
    render: () => html`<availability-page></availability-page>`,
  },
  {
    name: 'calendar',
    pattern: '/calendar',
    access: 'signed-in',
    load: () => import('./calendar-page.ts'),
    title: async () => (await import('./booking-strings.ts')).bookingStrings.calendar.title,
    render: () => html`<calendar-page></calendar-page>`,
  },
  {
    name: 'calendar-session',
    pattern: '/calendar/session/:id',
    access: 'signed-in',
    load: () => import('./session-page.ts'),
    title: async () => (await import('./booking-strings.ts')).bookingStrings.session.title,
    render: (p) => html`<session-page .sessionId=${p['id'] ?? ''}></session-page>`,
  },
  {
    name: 'conflicts',
    pattern: '/conflicts',
    access: 'signed-in',
    load: () => import('./conflicts-page.ts'),
    title: async () => (await import('./booking-strings.ts')).bookingStrings.conflicts.title,
    render: () => html`<conflicts-page></conflicts-page>`,
  },
  {
    name: 'book',
    pattern: '/book',
    access: 'signed-in',
    load: () => import('./book-page.ts'),
    title: async () => (await import('./booking-strings.ts')).bookingStrings.book.title,
    render: () => html`<book-page></book-page>`,
  },
  {
    name: 'bookings',
    pattern: '/bookings',
    access: 'signed-in',
    load: () => import('./bookings-page.ts'),
    title: async () => (await import('./booking-strings.ts')).bookingStrings.bookings.title,
    render: () => html`<bookings-page></bookings-page>`,
  },
];
