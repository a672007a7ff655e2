import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { CourseRow } from '../../data/synced-rows.ts';
import { CurrentOrganizationController } from '../../state/current-organization-controller.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import { observeTaughtCourses } from './course-builder-data.ts';
import { observeMyCourses, type CourseAccess, type MyCourses } from './courses-data.ts';
import { coursesStrings } from './courses-strings.ts';

const t = coursesStrings;

/** the access words of a course row (the column holds one of four, checked by the database) */
export function accessLabel(access: string): string {
  const labels: Record<CourseAccess, string> = t.access;
  return labels[access as CourseAccess] ?? access;
}

/**
 * `/courses`: the courses I am enrolled in and my clubs' other courses, from the
 * device (so the list shows offline). A refunded or left course stays listed with
 * its state; its lessons are gone from the device. Coaches and club admins also
 * see the courses they teach, with «Новый курс».
 */
@customElement('courses-page')
export class CoursesPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      ul {
        list-style: none;
        margin: 0 0 var(--ts-space-6);
        padding: 0;
        display: grid;
        gap: var(--ts-space-3);
      }
      a.card {
        display: grid;
        gap: var(--ts-space-1);
        color: inherit;
        text-decoration: none;
      }
      .name {
        font-weight: 700;
        color: var(--ts-color-brand-strong);
        overflow-wrap: anywhere;
      }
      .summary {
        margin: 0;
      }
    `,
  ];

  readonly #data = new LocalQueryController<MyCourses>(this, observeMyCourses);
  readonly #organization = new CurrentOrganizationController(this);
  readonly #taught = new LocalQueryController<CourseRow[]>(
    this,
    (engine, onChange) => observeTaughtCourses(engine, this.#adminOrgIds(), onChange),
    { key: () => this.#adminOrgIds().join(',') },
  );

  #adminOrgIds(): string[] {
    return this.#organization.organizations
      .filter((o) => o.role === 'admin' || o.role === 'owner')
      .map((o) => o.orgId);
  }

  #renderTeaching() {
    const staff = this.#organization.organizations.some(
      (o) => o.role !== 'athlete' && o.role !== 'member',
    );
    const taught = this.#taught.value ?? [];
    if (!staff && taught.length === 0) return nothing;
    return html`
      <h2>${t.builder.teaching}</h2>
      ${staff ? html`<p><a class="button" href="/courses/new">${t.builder.newCourse}</a></p>` : nothing}
      ${
        taught.length === 0
          ? html`<p class="muted">${t.builder.noneTaught}</p>`
          : html`<ul aria-label=${t.builder.teaching}>
              ${taught.map(
                (course) =>
                  html`<li>
                    <a class="card" href="/courses/${course.id}/edit">
                      <span class="name">${course.title}</span>
                      <span class="muted"
                        >${course.published ? t.builder.published : t.builder.draft} ·
                        ${accessLabel(course.access)}</span
                      >
                    </a>
                  </li>`,
              )}
            </ul>`
      }
    `;
  }

  override render() {
    const data = this.#data.value;
    if (!data) return html`<h1>${t.list.title}</h1>`;
    const teaching = this.#renderTeaching();
    const card = (course: CourseRow, note: string) =>
      html`<li>
        <a class="card" href="/courses/${course.id}">
          <span class="name">${course.title}</span>
          ${course.summary ? html`<p class="summary">${course.summary}</p>` : nothing}
          <span class="muted">${note}</span>
        </a>
      </li>`;
    return html`
      <h1>${t.list.title}</h1>
      ${teaching}
      <h2>${t.list.mine}</h2>
      ${
        data.mine.length === 0
          ? html`<p class="muted">${t.list.none}</p>`
          : html`<ul aria-label=${t.list.mine}>
              ${data.mine.map(({ course, enrollment }) =>
                card(
                  course,
                  enrollment.status === 'refunded'
                    ? t.list.refunded
                    : enrollment.status === 'cancelled'
                      ? t.list.cancelled
                      : accessLabel(course.access),
                ),
              )}
            </ul>`
      }
      <h2>${t.list.club}</h2>
      ${
        data.club.length === 0
          ? html`<p class="muted">${t.list.noneInClub}</p>`
          : html`<ul aria-label=${t.list.club}>
              ${data.club.map((course) => card(course, accessLabel(course.access)))}
            </ul>`
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'courses-page': CoursesPage;
  }
}
