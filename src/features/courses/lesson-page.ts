import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { quizAnswers, readQuiz, type Quiz } from '../../domain/course-quiz.ts';
import type { AppClient } from '../../data/supabase-client.ts';
import { supabaseContext } from '../../state/contexts.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { OnlineController } from '../../state/online-controller.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import {
  completeLesson,
  loadOutline,
  observeCourse,
  type LocalCourse,
  type OutlineLesson,
} from './courses-data.ts';
import { coursesStrings } from './courses-strings.ts';
import './lesson-media.ts';

const t = coursesStrings.lesson;

/**
 * `/courses/<courseId>/<lessonId>`: a lesson's text, read from the device (so it
 * reads offline once synced), or from the outline online when it is a preview of
 * a course one is not enrolled in. A video or audio lesson plays from a
 * short-lived signed link (lesson-media), online only. «Урок пройден» and the quiz go through
 * complete_lesson, which scores the answers on the server; a pass opens the next
 * lesson at the next sync.
 */
@customElement('lesson-page')
export class LessonPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      article {
        font-size: 1.0625rem;
        line-height: 1.6;
        overflow-wrap: anywhere;
      }
      fieldset {
        border: 1px solid var(--ts-color-border, #d0d5dd);
        border-radius: var(--ts-radius, 12px);
        margin: 0 0 var(--ts-space-3);
        padding: var(--ts-space-3);
        display: grid;
        gap: var(--ts-space-2);
      }
      legend {
        font-weight: 600;
        padding: 0 var(--ts-space-1);
      }
      label {
        display: flex;
        gap: var(--ts-space-2);
        align-items: center;
        min-height: 44px;
        cursor: pointer;
      }
      label input {
        width: 22px;
        height: 22px;
        margin: 0;
        flex: none;
      }
      .done {
        font-weight: 600;
      }
    `,
  ];

  @property() courseId = '';
  @property() lessonId = '';

  readonly #local = new LocalQueryController<LocalCourse>(
    this,
    (engine, onChange) => observeCourse(engine, this.courseId, onChange),
    { key: () => this.courseId },
  );
  readonly #client = new ContextConsumer(this, { context: supabaseContext, subscribe: true });
  readonly #online = new OnlineController(this);
  #fetchedFor = '';

  /** the lesson as the outline gives it, when the device does not hold it */
  @state() private remote: OutlineLesson | null = null;
  @state() private chosen = new Map<number, number>();
  @state() private busy = false;
  @state() private message: { tone: 'success' | 'error' | 'warning'; text: string } | null = null;

  override updated(): void {
    const client = this.#client.value;
    const local = this.#local.value;
    if (!client || !local || !this.#online.online) return;
    if (local.lessons.some((l) => l.id === this.lessonId)) return;
    const key = `${this.courseId}|${this.lessonId}`;
    if (this.#fetchedFor === key) return;
    this.#fetchedFor = key;
    void this.#fetchRemote(client);
  }

  async #fetchRemote(client: AppClient): Promise<void> {
    const result = await loadOutline(client, this.courseId);
    if (result.ok) this.remote = result.data.lessons.find((l) => l.id === this.lessonId) ?? null;
  }

  async #complete(quiz: Quiz | null): Promise<void> {
    const client = this.#client.value;
    if (!client || this.busy) return;
    let answers: number[] | null = null;
    if (quiz) {
      answers = quizAnswers(quiz, this.chosen);
      if (!answers) {
        this.message = { tone: 'warning', text: t.answerAll };
        return;
      }
    }
    this.busy = true;
    this.message = null;
    const result = await completeLesson(client, this.lessonId, answers);
    this.busy = false;
    if (!result.ok) {
      this.message = { tone: 'error', text: result.error.message };
      return;
    }
    const r = result.data;
    if (quiz && r.score !== undefined && r.passMark !== undefined) {
      this.message = r.passed
        ? { tone: 'success', text: t.passed(r.score, r.passMark) }
        : { tone: 'warning', text: t.failed(r.score, r.passMark) };
    } else {
      this.message = { tone: 'success', text: t.completed };
    }
    // the progress row, and the lesson a pass opens, arrive with the next sync
    this.#local.engine?.requestSync();
  }

  override render() {
    const local = this.#local.value;
    const back = html`<p><a href="/courses/${this.courseId}">← ${t.back}</a></p>`;
    if (!local) return back;
    const row = local.lessons.find((l) => l.id === this.lessonId);
    const title = row?.title ?? this.remote?.title;
    const body = row?.body ?? this.remote?.body ?? null;
    if (!title || body === null) {
      return html`${back}
      ${
        !this.#online.online || this.#fetchedFor
          ? html`<ts-notice tone="warning"><p>${t.notOnDevice}</p></ts-notice>`
          : nothing
      }`;
    }
    const kind = row?.kind ?? this.remote?.kind ?? 'text';
    const quiz = readQuiz(row?.quiz ?? null);
    const progress = local.progress.get(this.lessonId);
    const enrolled = local.enrollment?.status === 'active';
    const online = this.#online.online;
    return html`
      ${back}
      <h1>${title}</h1>
      ${
        kind === 'video' || kind === 'audio'
          ? html`<lesson-media .path=${row?.media_path ?? null} kind=${kind}></lesson-media>`
          : nothing
      }
      <article>${body.split(/\n{2,}/).map((p) => html`<p>${p}</p>`)}</article>
      ${
        progress?.completed_at ? html`<p class="done">✓ ${coursesStrings.course.done}</p>` : nothing
      }
      ${
        enrolled && !online && (quiz || !progress?.completed_at)
          ? html`<ts-notice><p>${t.needsNetwork}</p></ts-notice>`
          : nothing
      }
      ${enrolled && quiz ? this.#renderQuiz(quiz, online, progress?.best_score ?? null, progress?.attempts ?? 0) : nothing}
      ${
        enrolled && !quiz && !progress?.completed_at
          ? html`<button
              class="button block"
              ?disabled=${this.busy || !online}
              @click=${() => void this.#complete(null)}
            >
              ${this.busy ? t.completing : t.complete}
            </button>`
          : nothing
      }
      ${
        this.message
          ? html`<ts-notice tone=${this.message.tone}><p>${this.message.text}</p></ts-notice>`
          : nothing
      }
    `;
  }

  #renderQuiz(quiz: Quiz, online: boolean, best: number | null, attempts: number) {
    return html`
      <h2>${t.quiz}</h2>
      ${best !== null ? html`<p class="muted">${t.best(best, attempts)}</p>` : nothing}
      <form
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.#complete(quiz);
        }}
      >
        ${quiz.questions.map(
          (q, i) =>
            html`<fieldset>
              <legend>${t.question(i + 1)}. ${q.text}</legend>
              ${q.options.map(
                (o, k) =>
                  html`<label>
                    <input
                      type="radio"
                      name="q${i}"
                      .checked=${this.chosen.get(i) === k}
                      @change=${() => {
                        this.chosen = new Map(this.chosen).set(i, k);
                      }}
                    />
                    <span>${o}</span>
                  </label>`,
              )}
            </fieldset>`,
        )}
        <button class="button block" type="submit" ?disabled=${this.busy || !online}>
          ${this.busy ? t.checking : t.submit}
        </button>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lesson-page': LessonPage;
  }
}
