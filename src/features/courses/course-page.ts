import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AppClient } from '../../data/supabase-client.ts';
import { supabaseContext } from '../../state/contexts.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { OnlineController } from '../../state/online-controller.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import { deviceZone, formatDateTime } from '../../ui/time-format.ts';
import '../../ui/ts-notice.ts';
import {
  enrollInCourse,
  loadCourseProduct,
  loadOutline,
  observeCourse,
  type LocalCourse,
  type Outline,
  type OutlineLesson,
} from './courses-data.ts';
import { accessLabel } from './courses-page.ts';
import { coursesStrings } from './courses-strings.ts';

const t = coursesStrings;

/** what the page lists: the server's outline online, the device's open lessons offline */
interface ShownLesson {
  id: string;
  position: number;
  title: string;
  kind: 'text' | 'video' | 'audio';
  isPreview: boolean;
  passMark: number | null;
  open: boolean;
  lockReason: OutlineLesson['lockReason'];
  unlockAt: string | null;
  done: boolean;
}

function kindLabel(kind: string): string {
  return kind === 'video' ? t.kind.video : kind === 'audio' ? t.kind.audio : t.kind.text;
}

/**
 * `/courses/<id>`: the course's lessons in order, each open (a link), or closed
 * with when it opens in the learner's zone (drip), or after the lessons before
 * it (order), or after enrolling. Enrol here (free, email, members) or buy the
 * course's product. Offline, the lessons on the device are listed and readable.
 */
@customElement('course-page')
export class CoursePage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--ts-space-2);
      }
      li.card {
        display: grid;
        gap: var(--ts-space-1);
      }
      li.locked {
        background: var(--ts-color-surface-muted, transparent);
      }
      .title {
        font-weight: 700;
        overflow-wrap: anywhere;
      }
      a.title {
        color: var(--ts-color-brand-strong);
      }
      .lock {
        width: 1em;
        height: 1em;
        margin-right: var(--ts-space-1);
        vertical-align: -0.125em;
        fill: currentColor;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ts-space-1) var(--ts-space-3);
      }
      .badge {
        display: inline-block;
        padding: 0 var(--ts-space-2);
        border-radius: 999px;
        background: var(--ts-color-brand-soft);
        color: var(--ts-color-brand-strong);
        font-weight: 600;
      }
      .summary {
        margin-top: 0;
      }
      .cta {
        margin: var(--ts-space-4) 0;
        display: grid;
        gap: var(--ts-space-2);
      }
    `,
  ];

  @property() courseId = '';

  readonly #local = new LocalQueryController<LocalCourse>(
    this,
    (engine, onChange) => observeCourse(engine, this.courseId, onChange),
    { key: () => this.courseId },
  );
  readonly #client = new ContextConsumer(this, { context: supabaseContext, subscribe: true });
  readonly #online = new OnlineController(this);
  #loadedFor = '';

  @state() private outline: Outline | null = null;
  @state() private outlineError = '';
  @state() private productId: string | null = null;
  @state() private busy = false;
  @state() private message: { tone: 'success' | 'error'; text: string } | null = null;

  /** what, when it changes, asks the server for the outline again */
  #outlineKey(): string {
    const local = this.#local.value;
    const done = local ? [...local.progress.values()].filter((p) => p.completed_at).length : 0;
    return [
      this.courseId,
      this.#online.online,
      local?.enrollment?.status ?? '',
      local?.lessons.length ?? 0,
      done,
    ].join('|');
  }

  override updated(): void {
    const client = this.#client.value;
    const key = this.#outlineKey();
    if (!client || !this.#online.online || key === this.#loadedFor) return;
    this.#loadedFor = key;
    void this.#load(client);
  }

  async #load(client: AppClient): Promise<void> {
    const courseId = this.courseId;
    const result = await loadOutline(client, courseId);
    if (courseId !== this.courseId) return;
    if (result.ok) {
      this.outline = result.data;
      this.outlineError = '';
      if (result.data.course.access === 'paid' && !result.data.enrollment) {
        this.productId = await loadCourseProduct(client, courseId);
      }
    } else if (!result.error.network) {
      this.outlineError = result.error.message;
    }
  }

  async #enroll(): Promise<void> {
    const client = this.#client.value;
    if (!client || this.busy) return;
    this.busy = true;
    this.message = null;
    const result = await enrollInCourse(client, this.courseId, deviceZone());
    this.busy = false;
    if (!result.ok) {
      this.message = { tone: 'error', text: result.error.message };
      return;
    }
    this.message = { tone: 'success', text: t.course.enrolled };
    this.#loadedFor = '';
    this.#local.engine?.requestSync();
    this.requestUpdate();
  }

  #lessons(): ShownLesson[] {
    const local = this.#local.value;
    if (this.outline && this.#online.online) {
      return this.outline.lessons.map((l) => ({
        id: l.id,
        position: l.position,
        title: l.title,
        kind: l.kind,
        isPreview: l.isPreview,
        passMark: l.passMark,
        open: l.open,
        lockReason: l.lockReason,
        unlockAt: l.unlockAt,
        done: l.completedAt !== null,
      }));
    }
    return (local?.lessons ?? []).map((l) => ({
      id: l.id,
      position: l.position,
      title: l.title,
      kind: l.kind === 'video' || l.kind === 'audio' ? l.kind : 'text',
      isPreview: l.is_preview,
      passMark: l.pass_mark,
      open: true,
      lockReason: null,
      unlockAt: null,
      done: !!local?.progress.get(l.id)?.completed_at,
    }));
  }

  override render() {
    const local = this.#local.value;
    const outline = this.#online.online ? this.outline : null;
    const title = outline?.course.title ?? local?.course?.title;
    const back = html`<p><a href="/courses">← ${t.course.back}</a></p>`;
    if (!title) {
      return html`${back}
      ${
        this.outlineError || (local && !this.#online.online)
          ? html`<ts-notice tone="warning"
              ><p>${this.outlineError || t.course.notFound}</p></ts-notice
            >`
          : nothing
      }`;
    }
    const summary = outline?.course.summary ?? local?.course?.summary ?? '';
    const access = outline?.course.access ?? local?.course?.access ?? 'free';
    const status = outline ? outline.enrollment?.status : local?.enrollment?.status;
    const zone = outline?.enrollment?.timeZone ?? local?.enrollment?.time_zone ?? deviceZone();
    const lessons = this.#lessons();
    const done = lessons.filter((l) => l.done).length;
    return html`
      ${back}
      <h1>${title}</h1>
      ${summary ? html`<p class="summary">${summary}</p>` : nothing}
      <p class="muted">${accessLabel(access)}</p>
      ${!this.#online.online ? html`<ts-notice><p>${t.course.offline}</p></ts-notice>` : nothing}
      ${this.#renderCta(access, status)}
      ${
        this.message
          ? html`<ts-notice tone=${this.message.tone}><p>${this.message.text}</p></ts-notice>`
          : nothing
      }
      <h2>${t.course.lessons}</h2>
      ${
        status === 'active' && outline
          ? html`<p class="muted">
              ${t.list.progress(done, lessons.length)}. ${t.course.zone(zone)}
            </p>`
          : nothing
      }
      <ol aria-label=${t.course.lessons}>
        ${lessons.map((l) => this.#renderLesson(l, zone))}
      </ol>
    `;
  }

  #renderCta(access: string, status: string | undefined) {
    if (status === 'active') return nothing;
    if (status === 'refunded') {
      return html`<ts-notice tone="warning"><p>${t.list.refunded}</p></ts-notice>`;
    }
    if (!this.#online.online || !this.outline) return nothing;
    if (access === 'paid') {
      return this.productId
        ? html`<div class="cta">
            <a class="button block" href="/checkout/${this.productId}">${t.course.buy}</a>
            <p class="muted">${t.course.buyHint}</p>
          </div>`
        : nothing;
    }
    return html`<div class="cta">
      <button class="button block" ?disabled=${this.busy} @click=${() => void this.#enroll()}>
        ${this.busy ? t.course.enrolling : t.course.enroll}
      </button>
    </div>`;
  }

  #renderLesson(l: ShownLesson, zone: string) {
    const lock =
      l.lockReason === 'drip' && l.unlockAt
        ? t.course.opensAt(formatDateTime(Date.parse(l.unlockAt), zone))
        : l.lockReason === 'order'
          ? t.course.afterPrevious
          : t.course.afterEnrol;
    return html`<li class="card ${l.open ? '' : 'locked'}">
      ${
        l.open
          ? html`<a class="title" href="/courses/${this.courseId}/${l.id}"
              >${l.position}. ${l.title}</a
            >`
          : html`<span class="title"
              ><svg class="lock" viewBox="0 0 16 16" aria-hidden="true">
                <path
                  d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2h.5A1 1 0 0 1 13 8v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h.5Zm1.5 0h4V5a2 2 0 0 0-4 0v2Z"
                /></svg
              >${l.position}. ${l.title}</span
            >`
      }
      <span class="meta muted">
        <span>${kindLabel(l.kind)}</span>
        ${l.passMark !== null ? html`<span>${t.course.quiz(l.passMark)}</span>` : nothing}
        ${l.isPreview && !l.done ? html`<span class="badge">${t.course.preview}</span>` : nothing}
        ${l.done ? html`<span class="badge">✓ ${t.course.done}</span>` : nothing}
      </span>
      ${l.open ? nothing : html`<span>${lock}</span>`}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'course-page': CoursePage;
  }
}
