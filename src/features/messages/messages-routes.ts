// The routes the messages feature contributes to the shell (src/app/routes.ts).
import { html } from 'lit';
import type { FeatureRoute } from '../../state/feature-route.ts';

const title = async () => (await import('./messages-strings.ts')).messagesStrings.title;

export const messagesRoutes: readonly FeatureRoute[] = [
  {
    name: 'messages',
    pattern: '/messages',
    access: 'signed-in',
    load: () => import('./messages-page.ts'),
    title,
    render: () => html`<messages-page></messages-page>`,
  },
  {
    name: 'announcement-new',
    pattern: '/messages/announcements/new',
    access: 'signed-in',
    load: () => import('./compose-announcement-page.ts'),
    title: async () => (await import('./messages-strings.ts')).messagesStrings.compose.title,
    render: () => html`<compose-announcement-page></compose-announcement-page>`,
  },
  {
    name: 'announcement',
    pattern: '/messages/announcements/:id',
    access: 'signed-in',
    load: () => import('./announcement-page.ts'),
    title,
    render: (p) => html`<announcement-page .announcementId=${p['id'] ?? ''}></announcement-page>`,
  },
  {
    name: 'conversation',
    pattern: '/messages/conversations/:id',
    access: 'signed-in',
    load: () => import('./conversation-page.ts'),
    title,
    render: (p) => html`<conversation-page .conversationId=${p['id'] ?? ''}></conversation-page>`,
  },
  {
    name: 'conversation-with',
    pattern: '/messages/with/:athleteId/:coachId',
    access: 'signed-in',
    load: () => import('./conversation-page.ts'),
    title,
    render: (p) =>
      html`<conversation-page
        .athleteId=${p['athleteId'] ?? ''}
        .coachId=${p['coachId'] ?? ''}
      ></conversation-page>`,
  },
];
