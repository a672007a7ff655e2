// The parts every club admin screen shares: the organization's name, the
// sub-navigation between members, invitations, groups and the club's figures,
// the admins-only gate, and form styles.
import { fieldStyles } from '../../ui/field-styles.ts';
import { css, html, type TemplateResult } from 'lit';
import { adminStrings as t } from './admin-strings.ts';
import { hasRoleAtLeast } from '../../domain/organization.ts';
import { strings } from '../../i18n/shell-strings.ts';
import type { AdminData } from './admin-data.ts';

export type AdminSection =
  'members' | 'invitations' | 'groups' | 'analytics' | 'partner' | 'seats' | 'club';

export const adminStyles = [
  fieldStyles,
  css`
    .org {
      margin: 0 0 var(--ts-space-2);
      color: var(--ts-color-muted);
      overflow-wrap: anywhere;
    }
    nav ul {
      list-style: none;
      margin: 0 0 var(--ts-space-5);
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: var(--ts-space-2);
    }
    nav a {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
      padding: 0 var(--ts-space-3);
      border-radius: 999px;
      border: 1px solid var(--ts-color-border-strong);
      color: var(--ts-color-brand-strong);
      text-decoration: none;
      font-weight: 600;
    }
    nav a[aria-current='page'] {
      background: var(--ts-color-brand-strong);
      border-color: var(--ts-color-brand-strong);
      color: var(--ts-color-on-brand);
    }
    form {
      display: grid;
      gap: var(--ts-space-4);
    }
    label {
      display: grid;
      gap: var(--ts-space-1);
      font-weight: 600;
    }
    section {
      margin-top: var(--ts-space-6);
    }
    section.first {
      margin-top: 0;
    }
    h2 {
      font-size: 1.125rem;
      margin: 0 0 var(--ts-space-3);
    }
    ul.cards {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--ts-space-3);
    }
    ul.cards > li {
      display: grid;
      gap: var(--ts-space-2);
      min-width: 0;
    }
    .name {
      font-weight: 700;
      font-size: 1.0625rem;
      margin: 0;
      overflow-wrap: anywhere;
    }
    .pill {
      display: inline-block;
      padding: 1px var(--ts-space-2);
      border-radius: 999px;
      background: var(--ts-color-brand-soft);
      color: var(--ts-color-brand-strong);
      font-weight: 600;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: var(--ts-space-2);
    }
    .row > label {
      flex: 1 1 9rem;
    }
    .after-list {
      margin-top: var(--ts-space-4);
    }
  `,
];

/** the organization's name and the links between the admin screens */
export function adminHeader(data: AdminData, active: AdminSection): TemplateResult {
  const base = `/org/${data.orgId ?? ''}`;
  const link = (section: AdminSection, label: string) =>
    html`<li>
      <a href="${base}/${section}" aria-current=${active === section ? 'page' : 'false'}
        >${label}</a
      >
    </li>`;
  return html`<p class="org">${data.orgName}</p>
    <nav aria-label=${t.nav.label(data.orgName)}>
      <ul>
        ${link('members', t.nav.members)} ${link('invitations', t.nav.invitations)}
        ${link('groups', t.nav.groups)} ${link('analytics', t.nav.analytics)}
        ${link('partner', t.nav.partner)} ${link('seats', t.nav.seats)} ${link('club', t.nav.club)}
      </ul>
    </nav>`;
}

/**
 * What to show instead of an admin screen: "loading" before the local data
 * answers, "not found" for an organization this device does not know, the
 * admins-only message for everyone else. Null when the user may go on.
 */
export function adminGate(data: AdminData | undefined, title: string): TemplateResult | null {
  if (data === undefined) return html`<p class="muted" role="status">${strings.loading}</p>`;
  if (data.orgName === '') {
    return html`<h1>${title}</h1>
      <p>${t.notFound}</p>
      <p><a class="button secondary" href="/">${strings.notFound.home}</a></p>`;
  }
  if (data.myRole === null || !hasRoleAtLeast(data.myRole, 'admin')) {
    return html`<h1>${title}</h1>
      <p class="org">${data.orgName}</p>
      <ts-notice><p>${t.onlyAdmins}</p></ts-notice>
      <p><a class="button secondary" href="/">${strings.notFound.home}</a></p>`;
  }
  return null;
}
