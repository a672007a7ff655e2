import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { lessonMediaUrl } from '../../data/storage.ts';
import type { AppClient } from '../../data/supabase-client.ts';
import type { CourseLessonRow, CourseRow } from '../../data/synced-rows.ts';
import { COACH_PHOTO_TYPES, coachPhotoProblem } from '../../domain/coach-photo.ts';
import { courseFormSchema, type CourseDraft } from '../../domain/course-form.ts';
import { readQuiz } from '../../domain/course-quiz.ts';
import { formatMoney } from '../../domain/money.ts';
import {
  CURRENCIES,
  creditsSchema,
  parsePrice,
  priceText,
  validDaysSchema,
} from '../../domain/product-form.ts';
import { currentIntlTag, currentLocale } from '../../i18n/locale.ts';
import { photoUploadStrings } from '../../i18n/photo-upload-strings.ts';
import { supabaseContext } from '../../state/contexts.ts';
import { CurrentOrganizationController } from '../../state/current-organization-controller.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { OnlineController } from '../../state/online-controller.ts';
import { fieldStyles } from '../../ui/field-styles.ts';
import { NavigateEvent } from '../../ui/navigate-event.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import { builderStyles } from './builder-styles.ts';
import {
  createCourse,
  deleteLesson,
  loadCourseProductDetails,
  moveLesson,
  observeBuilderCourse,
  saveCourseProduct,
  updateCourse,
  uploadToCourse,
  whenPushed,
  type BuilderCourse,
  type CourseProduct,
} from './course-builder-data.ts';
import { coursesStrings } from './courses-strings.ts';

const t = coursesStrings.builder;

type Note = { tone: 'success' | 'error' | 'warning'; text: string };

const emptyDraft: CourseDraft = {
  title: '',
  summary: '',
  access: 'free',
  published: false,
  enforceOrder: false,
  dripBasis: 'enrollment',
  dripStart: '',
};

function draftOf(course: CourseRow): CourseDraft {
  return {
    title: course.title,
    summary: course.summary,
    access: course.access,
    published: course.published,
    enforceOrder: course.enforce_order,
    dripBasis: course.drip_basis,
    dripStart: course.drip_start ?? '',
  };
}

interface PriceDraft {
  price: string;
  currency: string;
  credits: string;
  validDays: string;
}

function kindLabel(kind: string): string {
  const kinds: Record<string, string> = coursesStrings.kind;
  return kinds[kind] ?? kind;
}

/**
 * `/courses/new` and `/courses/<id>/edit`: a coach (or a club admin) writes a
 * course — title, summary, access, published, order, drip — and its lessons in
 * order (add, edit, move, delete). The course and its lessons are synced rows
 * written on the device, so the form works offline and nothing typed is lost;
 * the cover upload and a paid course's price need the network and say so.
 */
@customElement('course-builder-page')
export class CourseBuilderPage extends LitElement {
  static override styles = [
    sharedStyles,
    fieldStyles,
    builderStyles,
    css`
      ol {
        list-style: none;
        margin: 0 0 var(--ts-space-3);
        padding: 0;
        display: grid;
        gap: var(--ts-space-2);
      }
      li.card {
        display: grid;
        gap: var(--ts-space-2);
      }
      .lesson-title {
        font-weight: 700;
        overflow-wrap: anywhere;
      }
      .cover {
        width: 100%;
        max-width: 320px;
        aspect-ratio: 16 / 9;
        object-fit: cover;
        border-radius: var(--ts-radius, 12px);
        border: 1px solid var(--ts-color-border);
        background: var(--ts-color-brand-soft);
      }
      .cover.empty {
        display: flex;
        align-items: center;
        justify-content: center;
        color: var(--ts-color-muted);
      }
      section {
        margin-bottom: var(--ts-space-6);
      }
    `,
  ];

  /** '' for a new course */
  @property() courseId = '';

  readonly #organization = new CurrentOrganizationController(this);
  readonly #local = new LocalQueryController<BuilderCourse>(
    this,
    (engine, onChange) => observeBuilderCourse(engine, this.courseId, onChange),
    { key: () => this.courseId },
  );
  readonly #client = new ContextConsumer(this, { context: supabaseContext, subscribe: true });
  readonly #online = new OnlineController(this);

  @state() private draft: CourseDraft = emptyDraft;
  /** the course whose row the draft was filled from (so a sync never overwrites typing) */
  #draftOf = '';
  @state() private errors: Record<string, string> = {};
  @state() private notes: Record<string, Note> = {};
  @state() private busy = '';
  @state() private product: CourseProduct | null | undefined = undefined;
  @state() private priceDraft: PriceDraft = {
    price: '',
    currency: 'RUB',
    credits: '',
    validDays: '',
  };
  #productFor = '';
  @state() private coverUrl = '';
  #coverFor = '';

  override willUpdate(): void {
    const course = this.#local.value?.course;
    if (this.courseId && course && this.#draftOf !== course.id) {
      this.#draftOf = course.id;
      this.draft = draftOf(course);
    }
    if (!this.courseId && this.#draftOf) {
      this.#draftOf = '';
      this.draft = emptyDraft;
    }
  }

  override updated(): void {
    const client = this.#client.value;
    const course = this.#local.value?.course;
    if (!client || !course || !this.#online.online) return;
    const paid = course.access === 'paid' || this.draft.access === 'paid';
    const productKey = `${course.id}|${paid}`;
    if (paid && this.#productFor !== productKey) {
      this.#productFor = productKey;
      void this.#loadProduct(client, course.id);
    }
    const coverKey = course.cover_path ?? '';
    if (coverKey && this.#coverFor !== coverKey) {
      this.#coverFor = coverKey;
      void lessonMediaUrl(client, coverKey).then((r) => {
        if (r.ok) this.coverUrl = r.value;
      });
    }
  }

  async #loadProduct(client: AppClient, courseId: string): Promise<void> {
    const result = await loadCourseProductDetails(client, courseId);
    if (!result.ok) return;
    this.product = result.data;
    const p = result.data;
    const comma = currentLocale === 'ru';
    this.priceDraft = p
      ? {
          price: priceText(p.price_minor, p.currency, comma),
          currency: p.currency,
          credits: p.credits === null ? '' : String(p.credits),
          validDays: p.valid_days === null ? '' : String(p.valid_days),
        }
      : this.priceDraft;
  }

  #note(key: string, note: Note | null): void {
    const rest = Object.fromEntries(Object.entries(this.notes).filter(([k]) => k !== key));
    this.notes = note ? { ...rest, [key]: note } : rest;
  }

  /** the clubs where the user may add a course: coach, admin or owner */
  #staffOrgs() {
    return this.#organization.organizations.filter(
      (o) => o.role === 'coach' || o.role === 'admin' || o.role === 'owner',
    );
  }

  async #save(e: Event): Promise<void> {
    e.preventDefault();
    const engine = this.#local.engine;
    if (!engine || this.busy) return;
    const parsed = courseFormSchema.safeParse(this.draft);
    this.#note('course', null);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        const words: Record<string, string> = t.errors;
        errors[key] ??= words[issue.message] ?? issue.message;
      }
      this.errors = errors;
      this.#note('course', { tone: 'error', text: t.fixErrors });
      const first = Object.keys(errors)[0];
      this.renderRoot.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    this.errors = {};
    this.busy = 'course';
    try {
      const saved = this.#online.online ? t.saved : t.savedOffline;
      if (this.courseId) {
        const before = this.#local.value?.course;
        await updateCourse(engine, this.courseId, parsed.data);
        this.#note('course', { tone: 'success', text: saved });
        // a course no longer paid is no longer sold
        if (before?.access === 'paid' && parsed.data.access !== 'paid') await this.#stopSelling();
      } else {
        const org =
          this.#staffOrgs().find((o) => o.orgId === this.#organization.currentId) ??
          this.#staffOrgs()[0];
        if (!org) return;
        const id = await createCourse(engine, org.orgId, engine.userId, parsed.data);
        this.dispatchEvent(new NavigateEvent(`/courses/${id}/edit`, { replace: true }));
      }
    } catch (error) {
      this.#note('course', { tone: 'error', text: String(error) });
    } finally {
      this.busy = '';
    }
  }

  async #stopSelling(): Promise<void> {
    const client = this.#client.value;
    const p = this.product;
    if (!client || !p?.active || !this.#online.online) return;
    const result = await saveCourseProduct(client, this.courseId, {
      priceMinor: p.price_minor,
      currency: p.currency,
      credits: p.credits,
      validDays: p.valid_days,
      active: false,
    });
    if (result.ok) {
      this.product = { ...p, active: false };
      this.#note('price-off', { tone: 'success', text: t.price.off });
    }
  }

  async #savePrice(e: Event): Promise<void> {
    e.preventDefault();
    const client = this.#client.value;
    const engine = this.#local.engine;
    if (!client || !engine || !this.courseId || this.busy) return;
    const d = this.priceDraft;
    const errors: Record<string, string> = {};
    const price = parsePrice(d.price, d.currency);
    if (price === null) errors['price'] = t.errors.price;
    const credits = d.credits.trim() === '' ? null : Number(d.credits.trim());
    const validDays = d.validDays.trim() === '' ? null : Number(d.validDays.trim());
    if (credits !== null && !creditsSchema.safeParse(credits).success) {
      errors['credits'] = t.errors.credits;
    }
    if (validDays !== null && !validDaysSchema.safeParse(validDays).success) {
      errors['validDays'] = t.errors.validDays;
    }
    if ((credits === null) !== (validDays === null)) {
      errors[credits === null ? 'credits' : 'validDays'] = t.refusal.credits_shape;
    }
    this.errors = errors;
    this.#note('price', null);
    if (Object.keys(errors).length > 0 || price === null) return;
    if (!this.#online.online) {
      this.#note('price', { tone: 'warning', text: t.needsNetwork });
      return;
    }
    this.busy = 'price';
    if (!(await whenPushed(engine, 'courses', this.courseId))) {
      this.busy = '';
      this.#note('price', { tone: 'warning', text: t.notPushedYet });
      return;
    }
    const result = await saveCourseProduct(client, this.courseId, {
      priceMinor: price,
      currency: d.currency,
      credits,
      validDays,
      active: true,
    });
    this.busy = '';
    if (!result.ok) {
      this.#note('price', { tone: 'error', text: result.error.message });
      return;
    }
    this.#note('price', { tone: 'success', text: t.price.saved });
    await this.#loadProduct(client, this.courseId);
  }

  async #uploadCover(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    const client = this.#client.value;
    const engine = this.#local.engine;
    if (!file || !client || !engine || !this.courseId) return;
    this.#note('cover', null);
    const problem = coachPhotoProblem(file);
    if (problem) {
      this.#note('cover', { tone: 'error', text: photoUploadStrings.problems[problem] });
      return;
    }
    this.busy = 'cover';
    const up = await uploadToCourse(client, engine, this.courseId, file, this.#online.online);
    this.busy = '';
    if (!up.ok) {
      const problems: Record<string, string> = photoUploadStrings.problems;
      this.#note(
        'cover',
        up.why === 'storage'
          ? { tone: 'error', text: problems[up.problem] ?? t.needsNetwork }
          : { tone: 'warning', text: up.why === 'offline' ? t.needsNetwork : t.notPushedYet },
      );
      return;
    }
    const path = up.path;
    await updateCourse(engine, this.courseId, { cover_path: path });
    this.coverUrl = URL.createObjectURL(file);
    this.#coverFor = path;
    this.#note('cover', { tone: 'success', text: t.cover.saved });
  }

  async #move(lessons: CourseLessonRow[], id: string, direction: -1 | 1): Promise<void> {
    const engine = this.#local.engine;
    if (engine) await moveLesson(engine, lessons, id, direction);
  }

  async #remove(lessons: CourseLessonRow[], lesson: CourseLessonRow): Promise<void> {
    const engine = this.#local.engine;
    if (!engine || !confirm(t.lessons.confirmRemove(lesson.title))) return;
    await deleteLesson(engine, lessons, lesson.id);
    this.#note('lessons', { tone: 'success', text: t.lessons.removed });
  }

  #set(name: keyof CourseDraft, value: string | boolean): void {
    this.draft = { ...this.draft, [name]: value };
    if (this.errors[name]) {
      this.errors = Object.fromEntries(Object.entries(this.errors).filter(([k]) => k !== name));
    }
  }

  #renderNote(key: string) {
    const note = this.notes[key];
    return note
      ? html`<ts-notice tone=${note.tone}><p role="status">${note.text}</p></ts-notice>`
      : nothing;
  }

  #text(name: 'title' | 'summary', label: string, opts: { hint?: string; multiline?: boolean }) {
    const error = this.errors[name] ?? '';
    const described = [opts.hint ? `${name}-hint` : '', error ? `${name}-error` : '']
      .filter(Boolean)
      .join(' ');
    const onInput = (e: Event) =>
      this.#set(name, (e.target as HTMLInputElement | HTMLTextAreaElement).value);
    return html`<div class="field">
      <label for="course-${name}">${label}</label>
      ${
        opts.multiline
          ? html`<textarea
              id="course-${name}"
              name=${name}
              .value=${this.draft[name]}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${described || nothing}
              @input=${onInput}
            ></textarea>`
          : html`<input
              id="course-${name}"
              type="text"
              name=${name}
              autocomplete="off"
              .value=${this.draft[name]}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${described || nothing}
              @input=${onInput}
            />`
      }
      ${opts.hint ? html`<span class="hint" id="${name}-hint">${opts.hint}</span>` : nothing}
      <p class="error" id="${name}-error">${error}</p>
    </div>`;
  }

  #check(name: 'published' | 'enforceOrder', label: string) {
    return html`<div class="check">
      <input
        id="course-${name}"
        type="checkbox"
        name=${name}
        .checked=${this.draft[name]}
        @change=${(e: Event) => this.#set(name, (e.target as HTMLInputElement).checked)}
      />
      <label for="course-${name}">${label}</label>
    </div>`;
  }

  override render() {
    const local = this.#local.value;
    const back = html`<p><a href="/courses">← ${t.back}</a></p>`;
    const online = this.#online.online;
    if (!this.courseId) {
      if (this.#organization.loaded && this.#staffOrgs().length === 0) {
        return html`${back}
          <h1>${t.titleNew}</h1>
          <ts-notice><p>${t.notStaff}</p></ts-notice>`;
      }
      return html`${back}
        <h1>${t.titleNew}</h1>
        ${online ? nothing : html`<ts-notice><p>${t.offline}</p></ts-notice>`}
        ${this.#renderCourseForm()}
        <p class="muted">${t.lessons.saveCourseFirst}</p>`;
    }
    if (!local) return back;
    const course = local.course;
    if (!course) {
      return html`${back} <ts-notice tone="warning"><p>${t.notFound}</p></ts-notice>`;
    }
    return html`
      ${back}
      <h1>${t.titleEdit}: ${course.title}</h1>
      ${online ? nothing : html`<ts-notice><p>${t.offline}</p></ts-notice>`}
      ${local.pending > 0 ? html`<p class="muted" role="status">${t.pending(local.pending)}</p>` : nothing}
      ${this.#renderCourseForm()} ${course.access === 'paid' ? this.#renderPrice() : nothing}
      ${this.#renderCover(course)} ${this.#renderLessons(course, local.lessons)}
      <p><a href="/courses/${course.id}">${t.preview} →</a></p>
    `;
  }

  #renderCourseForm() {
    const d = this.draft;
    const accessOptions: Record<string, string> = t.accessOptions;
    return html`<form @submit=${(e: Event) => void this.#save(e)} novalidate>
      ${this.#text('title', t.fields.title, {})}
      ${this.#text('summary', t.fields.summary, { hint: t.fields.summaryHint, multiline: true })}
      <div class="field">
        <label for="course-access">${t.fields.access}</label>
        <select
          id="course-access"
          name="access"
          .value=${d.access}
          @change=${(e: Event) => this.#set('access', (e.target as HTMLSelectElement).value)}
        >
          ${Object.entries(accessOptions).map(
            ([value, label]) =>
              html`<option value=${value} ?selected=${d.access === value}>${label}</option>`,
          )}
        </select>
      </div>
      ${this.#check('published', t.fields.published)}
      ${this.#check('enforceOrder', t.fields.enforceOrder)}
      <fieldset>
        <legend>${t.fields.dripBasis}</legend>
        ${(['enrollment', 'date'] as const).map(
          (basis) =>
            html`<div class="check">
              <input
                id="drip-${basis}"
                type="radio"
                name="dripBasis"
                value=${basis}
                .checked=${d.dripBasis === basis}
                @change=${() => this.#set('dripBasis', basis)}
              />
              <label for="drip-${basis}"
                >${basis === 'date' ? t.fields.fromDate : t.fields.fromEnrollment}</label
              >
            </div>`,
        )}
        ${
          d.dripBasis === 'date'
            ? html`<div class="field">
                <label for="course-dripStart">${t.fields.dripStart}</label>
                <input
                  id="course-dripStart"
                  type="date"
                  name="dripStart"
                  .value=${d.dripStart}
                  aria-invalid=${this.errors['dripStart'] ? 'true' : 'false'}
                  aria-describedby="dripStart-error"
                  @input=${(e: Event) => this.#set('dripStart', (e.target as HTMLInputElement).value)}
                />
                <p class="error" id="dripStart-error">${this.errors['dripStart'] ?? ''}</p>
              </div>`
            : nothing
        }
      </fieldset>
      <button class="button block" type="submit" ?disabled=${this.busy === 'course'}>
        ${this.busy === 'course' ? t.saving : t.save}
      </button>
      ${this.#renderNote('course')}
    </form>`;
  }

  #renderPrice() {
    const d = this.priceDraft;
    const p = this.product;
    const set = (name: keyof PriceDraft) => (e: Event) => {
      this.priceDraft = { ...this.priceDraft, [name]: (e.target as HTMLInputElement).value };
    };
    const field = (name: 'price' | 'credits' | 'validDays', label: string, hint?: string) => {
      const error = this.errors[name] ?? '';
      return html`<div class="field">
        <label for="price-${name}">${label}</label>
        <input
          id="price-${name}"
          name=${name}
          inputmode=${name === 'price' ? 'decimal' : 'numeric'}
          autocomplete="off"
          .value=${d[name]}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby="${name}-error${hint ? ` ${name}-hint` : ''}"
          @input=${set(name)}
        />
        ${hint ? html`<span class="hint" id="${name}-hint">${hint}</span>` : nothing}
        <p class="error" id="${name}-error">${error}</p>
      </div>`;
    };
    return html`<section aria-labelledby="price-heading">
      <h2 id="price-heading">${t.price.heading}</h2>
      <p class="muted">${t.price.hint}</p>
      ${
        p
          ? html`<p>${t.price.current(formatMoney(p.price_minor, p.currency, currentIntlTag))}</p>`
          : p === null
            ? html`<p class="muted">${t.price.none}</p>`
            : nothing
      }
      <form @submit=${(e: Event) => void this.#savePrice(e)} novalidate>
        ${field('price', t.price.price)}
        <div class="field">
          <label for="price-currency">${t.price.currency}</label>
          <select
            id="price-currency"
            name="currency"
            .value=${d.currency}
            @change=${(e: Event) => {
              this.priceDraft = { ...d, currency: (e.target as HTMLSelectElement).value };
            }}
          >
            ${CURRENCIES.map((c) => html`<option value=${c} ?selected=${d.currency === c}>${c}</option>`)}
          </select>
        </div>
        ${field('credits', t.price.credits, t.price.creditsHint)}
        ${field('validDays', t.price.validDays)}
        <button
          class="button block"
          type="submit"
          ?disabled=${this.busy === 'price' || !this.#online.online}
        >
          ${this.busy === 'price' ? t.saving : t.price.save}
        </button>
        ${this.#online.online ? nothing : html`<p class="hint">${t.needsNetwork}</p>`}
        ${this.#renderNote('price')}
      </form>
      <p><a href="/products">${t.price.allProducts} →</a></p>
    </section>`;
  }

  #renderCover(course: CourseRow) {
    const busy = this.busy === 'cover';
    const has = !!course.cover_path;
    return html`<section aria-labelledby="cover-heading">
      <h2 id="cover-heading">${t.cover.heading}</h2>
      ${
        has && this.coverUrl
          ? html`<img class="cover" src=${this.coverUrl} alt=${t.cover.alt} />`
          : has
            ? nothing
            : html`<div class="cover empty">${t.cover.none}</div>`
      }
      <div class="row">
        <div class="file">
          <input
            id="cover-file"
            type="file"
            accept=${COACH_PHOTO_TYPES.join(',')}
            aria-describedby="cover-hint"
            ?disabled=${busy || !this.#online.online}
            @change=${(e: Event) => void this.#uploadCover(e)}
          />
          <label class="button secondary" for="cover-file" aria-disabled=${busy}>
            ${busy ? t.cover.uploading : has ? t.cover.replace : t.cover.choose}
          </label>
        </div>
      </div>
      <p class="hint" id="cover-hint">
        ${t.cover.hint} ${this.#online.online ? '' : t.needsNetwork}
      </p>
      ${this.#renderNote('cover')}
    </section>`;
  }

  #renderLessons(course: CourseRow, lessons: CourseLessonRow[]) {
    const l = t.lessons;
    return html`<section aria-labelledby="lessons-heading">
      <h2 id="lessons-heading">${l.heading}</h2>
      ${
        lessons.length === 0
          ? html`<p class="muted">${l.none}</p>`
          : html`<ol aria-label=${l.heading}>
              ${lessons.map((lesson, i) => {
                const quiz = readQuiz(lesson.quiz);
                const meta = [
                  kindLabel(lesson.kind),
                  lesson.is_preview ? l.preview : '',
                  quiz && lesson.pass_mark !== null ? l.quiz(lesson.pass_mark) : '',
                  lesson.drip_days > 0 ? l.drip(lesson.drip_days) : '',
                ].filter(Boolean);
                return html`<li class="card">
                  <span class="lesson-title">${i + 1}. ${lesson.title}</span>
                  <span class="muted">${meta.join(' · ')}</span>
                  <div class="actions">
                    <a
                      class="button secondary"
                      href="/courses/${course.id}/lessons/${lesson.id}/edit"
                      aria-label=${l.edit(lesson.title)}
                      >${t.edit}</a
                    >
                    <button
                      class="button secondary icon"
                      type="button"
                      aria-label=${l.up(lesson.title)}
                      ?disabled=${i === 0}
                      @click=${() => void this.#move(lessons, lesson.id, -1)}
                    >
                      ↑
                    </button>
                    <button
                      class="button secondary icon"
                      type="button"
                      aria-label=${l.down(lesson.title)}
                      ?disabled=${i === lessons.length - 1}
                      @click=${() => void this.#move(lessons, lesson.id, 1)}
                    >
                      ↓
                    </button>
                    <button
                      class="button secondary icon"
                      type="button"
                      aria-label=${l.remove(lesson.title)}
                      @click=${() => void this.#remove(lessons, lesson)}
                    >
                      ✕
                    </button>
                  </div>
                </li>`;
              })}
            </ol>`
      }
      ${this.#renderNote('lessons')}
      <p><a class="button" href="/courses/${course.id}/lessons/new">${l.add}</a></p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'course-builder-page': CourseBuilderPage;
  }
}
