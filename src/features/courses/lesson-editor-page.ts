import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AppClient } from '../../data/supabase-client.ts';
import type { CourseLessonRow } from '../../data/synced-rows.ts';
import {
  LESSON_KINDS,
  MEDIA_ACCEPT,
  QUIZ_OPTIONS_MAX,
  QUIZ_OPTIONS_MIN,
  emptyQuestion,
  lessonDraftOf,
  lessonFormSchema,
  mediaProblem,
  type LessonDraft,
  type LessonKind,
  type QuestionDraft,
} from '../../domain/course-form.ts';
import { readQuiz } from '../../domain/course-quiz.ts';
import { supabaseContext } from '../../state/contexts.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { OnlineController } from '../../state/online-controller.ts';
import { fieldStyles } from '../../ui/field-styles.ts';
import { NavigateEvent } from '../../ui/navigate-event.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import { builderStyles } from './builder-styles.ts';
import {
  addLesson,
  keepPending,
  loadQuizAnswers,
  observeBuilderCourse,
  pendingQuizAnswers,
  saveQuizAnswers,
  updateLesson,
  uploadToCourse,
  type BuilderCourse,
} from './course-builder-data.ts';
import { coursesStrings } from './courses-strings.ts';

const t = coursesStrings.builder;
const e = t.lesson;

type Note = { tone: 'success' | 'error' | 'warning'; text: string };

const emptyDraft = (): LessonDraft => ({
  title: '',
  kind: 'text',
  body: '',
  isPreview: false,
  dripDays: '0',
  questions: [],
  passMark: '80',
});

/** the file's own name, from its object key `<course>/<time>-<name>` */
function fileName(path: string): string {
  const name = path.split('/').pop() ?? path;
  return name.replace(/^\d+-/, '');
}

/**
 * `/courses/<id>/lessons/new` and `/courses/<id>/lessons/<lesson>/edit`: a
 * lesson's title, kind, text, media file, preview flag, drip days and quiz. The
 * lesson row is written on the device (works offline); the quiz's right answers
 * go to the server only (set_lesson_quiz_key) once the lesson is there, and wait
 * on this device until they can. A media file is uploaded at once (online).
 */
@customElement('lesson-editor-page')
export class LessonEditorPage extends LitElement {
  static override styles = [
    sharedStyles,
    fieldStyles,
    builderStyles,
    css`
      .option {
        display: grid;
        grid-template-columns: auto 1fr auto;
        gap: var(--ts-space-2);
        align-items: center;
      }
      .option input[type='radio'] {
        width: 22px;
        height: 22px;
        min-height: 0;
        margin: 0;
      }
      .right {
        font-size: 0.8125rem;
        color: var(--ts-color-muted);
      }
      .question-error {
        margin: 0;
      }
      h2 {
        margin-bottom: var(--ts-space-1);
      }
    `,
  ];

  @property() courseId = '';
  /** '' for a new lesson */
  @property() lessonId = '';

  readonly #local = new LocalQueryController<BuilderCourse>(
    this,
    (engine, onChange) => observeBuilderCourse(engine, this.courseId, onChange),
    { key: () => this.courseId },
  );
  readonly #client = new ContextConsumer(this, { context: supabaseContext, subscribe: true });
  readonly #online = new OnlineController(this);

  @state() private draft: LessonDraft = emptyDraft();
  @state() private mediaPath: string | null = null;
  /** the lesson this page edits: the route's, or the one it has just added */
  @state() private savedId = '';
  #draftOf = '';
  #answersFor = '';
  @state() private errors: Record<string, string> = {};
  @state() private notes: Record<string, Note> = {};
  @state() private busy = '';
  @state() private answersPending = false;

  get #id(): string {
    return this.lessonId || this.savedId;
  }

  override willUpdate(): void {
    const local = this.#local.value;
    const row = local?.lessons.find((l) => l.id === this.lessonId);
    if (this.lessonId && row && this.#draftOf !== row.id) {
      this.#draftOf = row.id;
      this.mediaPath = row.media_path;
      const userId = this.#local.engine?.userId ?? '';
      const pending = pendingQuizAnswers(userId, row.id);
      this.answersPending = pending !== null;
      this.draft = lessonDraftOf(row, readQuiz(row.quiz), pending);
    }
  }

  override updated(): void {
    const client = this.#client.value;
    const row = this.#local.value?.lessons.find((l) => l.id === this.lessonId);
    if (!client || !row || !row.quiz || this.answersPending || !this.#online.online) return;
    if (this.#answersFor === row.id) return;
    this.#answersFor = row.id;
    void this.#loadAnswers(client, row);
  }

  async #loadAnswers(client: AppClient, row: CourseLessonRow): Promise<void> {
    const result = await loadQuizAnswers(client, row.id);
    if (!result.ok) {
      // not on the server yet (added offline): the draft's marks are all there is
      if (result.error.network) this.#note('quiz', { tone: 'warning', text: e.answersLoadFailed });
      return;
    }
    const answers = result.data;
    if (!answers) return;
    this.draft = {
      ...this.draft,
      questions: this.draft.questions.map((q, i) => ({
        ...q,
        answer: q.answer ?? answers[i] ?? null,
      })),
    };
  }

  #note(key: string, note: Note | null): void {
    const rest = Object.fromEntries(Object.entries(this.notes).filter(([k]) => k !== key));
    this.notes = note ? { ...rest, [key]: note } : rest;
  }

  #set<K extends keyof LessonDraft>(name: K, value: LessonDraft[K]): void {
    this.draft = { ...this.draft, [name]: value };
    if (this.notes['save']?.tone === 'error') this.#note('save', null);
    if (this.errors[name]) {
      this.errors = Object.fromEntries(Object.entries(this.errors).filter(([k]) => k !== name));
    }
  }

  #setQuestion(i: number, change: (q: QuestionDraft) => QuestionDraft): void {
    this.#set(
      'questions',
      this.draft.questions.map((q, k) => (k === i ? change(q) : q)),
    );
    const prefix = `q${i}.`;
    if (Object.keys(this.errors).some((k) => k.startsWith(prefix))) {
      this.errors = Object.fromEntries(
        Object.entries(this.errors).filter(([k]) => !k.startsWith(prefix)),
      );
    }
  }

  async #upload(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    const client = this.#client.value;
    const engine = this.#local.engine;
    const kind = this.draft.kind as LessonKind;
    if (!file || !client || !engine) return;
    this.#note('media', null);
    const problem = mediaProblem(kind, file);
    if (problem) {
      this.#note('media', { tone: 'error', text: e.mediaProblems[problem] });
      return;
    }
    this.busy = 'media';
    const up = await uploadToCourse(client, engine, this.courseId, file, this.#online.online);
    this.busy = '';
    if (!up.ok) {
      const problems: Record<string, string> = e.mediaProblems;
      this.#note(
        'media',
        up.why === 'storage'
          ? { tone: 'error', text: problems[up.problem] ?? `${t.needsNetwork} (${up.problem})` }
          : { tone: 'warning', text: up.why === 'offline' ? t.needsNetwork : t.notPushedYet },
      );
      return;
    }
    const path = up.path;
    this.mediaPath = path;
    this.#note('media', { tone: 'success', text: e.mediaUploaded });
  }

  async #save(event: Event): Promise<void> {
    event.preventDefault();
    const engine = this.#local.engine;
    const local = this.#local.value;
    const course = local?.course;
    if (!engine || !local || !course || this.busy) return;
    const parsed = lessonFormSchema.safeParse(this.draft);
    this.#note('save', null);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      const words: Record<string, string> = t.errors;
      for (const issue of parsed.error.issues) {
        const [field, index, sub] = issue.path;
        const key =
          field === 'questions' && typeof index === 'number'
            ? `q${index}.${String(sub ?? 'text')}`
            : String(field ?? '');
        errors[key] ??= words[issue.message] ?? issue.message;
      }
      this.errors = errors;
      this.#note('save', { tone: 'error', text: t.fixErrors });
      const first = Object.keys(errors)[0] ?? '';
      this.renderRoot.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
      return;
    }
    this.errors = {};
    const { row, answers } = parsed.data;
    const mediaPath = row.kind === 'text' ? null : this.mediaPath;
    this.busy = 'save';
    let id = this.#id;
    try {
      if (id) {
        await updateLesson(engine, id, { ...row, media_path: mediaPath });
      } else {
        id = await addLesson(engine, course, local.lessons, { ...row, media_path: mediaPath });
        this.savedId = id;
        this.#draftOf = id;
      }
    } catch (error) {
      this.busy = '';
      this.#note('save', { tone: 'error', text: String(error) });
      return;
    }
    if (!answers) {
      keepPending(engine.userId, id, null);
      this.busy = '';
      this.dispatchEvent(new NavigateEvent(`/courses/${this.courseId}/edit`));
      return;
    }
    await this.#sendAnswers(id, answers);
  }

  async #sendAnswers(id: string, answers: number[]): Promise<void> {
    const engine = this.#local.engine;
    const client = this.#client.value;
    if (!engine) return;
    keepPending(engine.userId, id, answers);
    if (!client || !this.#online.online) {
      this.busy = '';
      this.answersPending = true;
      this.#note('save', { tone: 'warning', text: e.answersPending });
      return;
    }
    this.busy = 'answers';
    const result = await saveQuizAnswers(engine, client, id, answers);
    this.busy = '';
    if (!result.ok) {
      this.answersPending = true;
      this.#note('save', {
        tone: 'warning',
        text:
          result.error.network || result.error.hint === 'not_pushed'
            ? e.answersPending
            : result.error.message,
      });
      return;
    }
    this.answersPending = false;
    this.dispatchEvent(new NavigateEvent(`/courses/${this.courseId}/edit`));
  }

  #retryAnswers(): void {
    const engine = this.#local.engine;
    const id = this.#id;
    if (!engine || !id) return;
    const answers = pendingQuizAnswers(engine.userId, id);
    if (answers) void this.#sendAnswers(id, answers);
  }

  #renderNote(key: string) {
    const note = this.notes[key];
    return note
      ? html`<ts-notice tone=${note.tone}><p role="status">${note.text}</p></ts-notice>`
      : nothing;
  }

  #error(key: string) {
    const error = this.errors[key] ?? '';
    return html`<p class="error" id="err-${key.replace('.', '-')}">${error}</p>`;
  }

  override render() {
    const local = this.#local.value;
    const back = html`<p><a href="/courses/${this.courseId}/edit">← ${e.back}</a></p>`;
    if (!local) return back;
    if (!local.course) {
      return html`${back} <ts-notice tone="warning"><p>${t.notFound}</p></ts-notice>`;
    }
    if (this.lessonId && !local.lessons.some((l) => l.id === this.lessonId)) {
      return html`${back} <ts-notice tone="warning"><p>${e.notFound}</p></ts-notice>`;
    }
    const d = this.draft;
    const online = this.#online.online;
    const kinds: Record<string, string> = coursesStrings.kind;
    const invalid = (key: string) => (this.errors[key] ? 'true' : 'false');
    return html`
      ${back}
      <h1>${this.#id ? `${e.titleEdit}: ${d.title || '…'}` : e.titleNew}</h1>
      <p class="muted">${local.course.title}</p>
      ${online ? nothing : html`<ts-notice><p>${t.offline}</p></ts-notice>`}
      ${
        this.answersPending
          ? html`<ts-notice tone="warning">
              <p>${e.answersPending}</p>
              <button
                class="button secondary"
                type="button"
                ?disabled=${!online || this.busy !== ''}
                @click=${() => this.#retryAnswers()}
              >
                ${e.sendAnswers}
              </button>
            </ts-notice>`
          : nothing
      }
      <form @submit=${(ev: Event) => void this.#save(ev)} novalidate>
        <div class="field">
          <label for="lesson-title">${e.title}</label>
          <input
            id="lesson-title"
            data-field="title"
            type="text"
            autocomplete="off"
            .value=${d.title}
            aria-invalid=${invalid('title')}
            aria-describedby="err-title"
            @input=${(ev: Event) => this.#set('title', (ev.target as HTMLInputElement).value)}
          />
          ${this.#error('title')}
        </div>
        <div class="field">
          <label for="lesson-kind">${e.kind}</label>
          <select
            id="lesson-kind"
            data-field="kind"
            .value=${d.kind}
            @change=${(ev: Event) => this.#set('kind', (ev.target as HTMLSelectElement).value)}
          >
            ${LESSON_KINDS.map(
              (k) => html`<option value=${k} ?selected=${d.kind === k}>${kinds[k]}</option>`,
            )}
          </select>
        </div>
        ${d.kind === 'text' ? nothing : this.#renderMedia(d.kind as Exclude<LessonKind, 'text'>)}
        <div class="field">
          <label for="lesson-body">${d.kind === 'text' ? e.body : e.bodyMedia}</label>
          <textarea
            id="lesson-body"
            data-field="body"
            .value=${d.body}
            aria-invalid=${invalid('body')}
            aria-describedby="body-hint err-body"
            @input=${(ev: Event) => this.#set('body', (ev.target as HTMLTextAreaElement).value)}
          ></textarea>
          <span class="hint" id="body-hint">${e.bodyHint}</span>
          ${this.#error('body')}
        </div>
        <div class="check">
          <input
            id="lesson-preview"
            type="checkbox"
            .checked=${d.isPreview}
            @change=${(ev: Event) => this.#set('isPreview', (ev.target as HTMLInputElement).checked)}
          />
          <label for="lesson-preview">${e.isPreview}</label>
        </div>
        <div class="field">
          <label for="lesson-drip">${e.dripDays}</label>
          <input
            id="lesson-drip"
            data-field="dripDays"
            inputmode="numeric"
            autocomplete="off"
            .value=${d.dripDays}
            aria-invalid=${invalid('dripDays')}
            aria-describedby="drip-hint err-dripDays"
            @input=${(ev: Event) => this.#set('dripDays', (ev.target as HTMLInputElement).value)}
          />
          <span class="hint" id="drip-hint">${e.dripDaysHint}</span>
          ${this.#error('dripDays')}
        </div>
        ${this.#renderQuiz()}
        <button class="button block" type="submit" ?disabled=${this.busy !== ''}>
          ${this.busy === 'save' || this.busy === 'answers' ? e.saving : e.save}
        </button>
        ${this.#renderNote('save')}
      </form>
    `;
  }

  #renderMedia(kind: Exclude<LessonKind, 'text'>) {
    const busy = this.busy === 'media';
    const online = this.#online.online;
    return html`<fieldset>
      <legend>${e.media}</legend>
      <p class="muted" role="status">
        ${this.mediaPath ? e.mediaSet(fileName(this.mediaPath)) : e.mediaNone}
      </p>
      <div class="file">
        <input
          id="lesson-media"
          type="file"
          accept=${MEDIA_ACCEPT[kind]}
          aria-describedby="media-hint"
          ?disabled=${busy || !online}
          @change=${(ev: Event) => void this.#upload(ev)}
        />
        <label class="button secondary" for="lesson-media" aria-disabled=${busy || !online}>
          ${busy ? e.mediaUploading : this.mediaPath ? e.mediaReplace : e.mediaChoose}
        </label>
      </div>
      <p class="hint" id="media-hint">${e.mediaHint(kind)} ${online ? '' : t.needsNetwork}</p>
      ${this.#renderNote('media')}
    </fieldset>`;
  }

  #renderQuiz() {
    const d = this.draft;
    return html`<section aria-labelledby="quiz-heading">
      <h2 id="quiz-heading">${e.quiz}</h2>
      <p class="hint">${e.quizHint}</p>
      ${this.#renderNote('quiz')} ${d.questions.map((q, i) => this.#renderQuestion(q, i))}
      ${
        d.questions.length > 0
          ? html`<div class="field">
              <label for="lesson-pass">${e.passMark}</label>
              <input
                id="lesson-pass"
                data-field="passMark"
                inputmode="numeric"
                autocomplete="off"
                .value=${d.passMark}
                aria-invalid=${this.errors['passMark'] ? 'true' : 'false'}
                aria-describedby="err-passMark"
                @input=${(ev: Event) => this.#set('passMark', (ev.target as HTMLInputElement).value)}
              />
              ${this.#error('passMark')}
            </div>`
          : nothing
      }
      <p>
        <button
          class="button secondary"
          type="button"
          @click=${() => this.#set('questions', [...d.questions, emptyQuestion()])}
        >
          ${e.addQuestion}
        </button>
      </p>
    </section>`;
  }

  #renderQuestion(q: QuestionDraft, i: number) {
    const n = i + 1;
    const err = (sub: string) => this.errors[`q${i}.${sub}`] ?? '';
    return html`<fieldset>
      <legend>${e.question(n)}</legend>
      <div class="field">
        <label for="q${i}-text">${e.questionText}</label>
        <input
          id="q${i}-text"
          data-field="q${i}.text"
          autocomplete="off"
          .value=${q.text}
          aria-invalid=${err('text') ? 'true' : 'false'}
          aria-describedby="err-q${i}-text"
          @input=${(ev: Event) =>
            this.#setQuestion(i, (x) => ({ ...x, text: (ev.target as HTMLInputElement).value }))}
        />
        ${this.#error(`q${i}.text`)}
      </div>
      <span class="right">${e.rightHint}</span>
      <div role="radiogroup" aria-label=${`${e.question(n)}: ${e.right}`}>
        ${q.options.map(
          (o, k) =>
            html`<div class="option">
              <input
                type="radio"
                name="q${i}-right"
                id="q${i}-right-${k}"
                aria-label=${`${e.right}: ${e.option(k + 1)}`}
                .checked=${q.answer === k}
                @change=${() => this.#setQuestion(i, (x) => ({ ...x, answer: k }))}
              />
              <input
                id="q${i}-o${k}"
                data-field=${k === 0 ? `q${i}.options` : nothing}
                aria-label=${`${e.question(n)}, ${e.option(k + 1)}`}
                autocomplete="off"
                .value=${o}
                @input=${(ev: Event) =>
                  this.#setQuestion(i, (x) => ({
                    ...x,
                    options: x.options.map((v, m) =>
                      m === k ? (ev.target as HTMLInputElement).value : v,
                    ),
                  }))}
              />
              <button
                class="button secondary icon"
                type="button"
                aria-label=${e.removeOption(k + 1)}
                ?disabled=${q.options.length <= QUIZ_OPTIONS_MIN}
                @click=${() =>
                  this.#setQuestion(i, (x) => ({
                    ...x,
                    options: x.options.filter((_, m) => m !== k),
                    answer:
                      x.answer === k
                        ? null
                        : x.answer !== null && x.answer > k
                          ? x.answer - 1
                          : x.answer,
                  }))}
              >
                ✕
              </button>
            </div>`,
        )}
      </div>
      ${this.#error(`q${i}.options`)} ${this.#error(`q${i}.answer`)}
      <div class="actions">
        <button
          class="button secondary"
          type="button"
          ?disabled=${q.options.length >= QUIZ_OPTIONS_MAX}
          @click=${() => this.#setQuestion(i, (x) => ({ ...x, options: [...x.options, ''] }))}
        >
          ${e.addOption}
        </button>
        <button
          class="button secondary"
          type="button"
          @click=${() =>
            this.#set(
              'questions',
              this.draft.questions.filter((_, k) => k !== i),
            )}
        >
          ${e.removeQuestion(n)}
        </button>
      </div>
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lesson-editor-page': LessonEditorPage;
  }
}
