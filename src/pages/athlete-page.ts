import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { liveQuery, type Subscription } from 'dexie';
import { RANKS } from '../domain/rank.ts';
import { scheduleSchema } from '../domain/schedule.ts';
import type { SyncEngine } from '../data/start-sync-engine.ts';
import type { SyncRow } from '../domain/sync-outbox.ts';
import { ContextConsumer } from '../state/context.ts';
import { describeError } from '../state/describe-error.ts';
import { syncEngineContext } from '../state/sync-engine-context.ts';
import { rosterStrings as t } from '../roster-strings.ts';
import { translateDomainMessage } from '../domain-messages.ts';
import { sharedStyles } from '../components/shared-styles.ts';
import '../components/ts-notice.ts';

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * One athlete: the schedule (validated as the database validates it) and the
 * season's ranks. Saving is a local edit through the sync engine, so it works
 * offline and shows as pending until the server has it.
 */
@customElement('athlete-page')
export class AthletePage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      form {
        display: grid;
        gap: var(--ts-space-4);
      }
      label {
        display: grid;
        gap: var(--ts-space-1);
        font-weight: 600;
      }
      input,
      select {
        font: inherit;
        min-height: 44px;
        padding: 0 var(--ts-space-2);
        border: 1px solid var(--ts-color-border);
        border-radius: 8px;
        background: var(--ts-color-surface);
        color: inherit;
      }
      input[aria-invalid='true'] {
        border-color: var(--ts-color-danger, #b42318);
        border-width: 2px;
      }
      .hint {
        font-weight: 400;
        color: var(--ts-color-muted);
        font-size: 0.9375rem;
      }
      .error {
        font-weight: 600;
        color: var(--ts-color-danger, #b42318);
        margin: 0;
      }
    `,
  ];

  /** the athlete's id, from the URL */
  @property() athleteId = '';

  readonly #engine = new ContextConsumer(this, syncEngineContext, { subscribe: true });
  #subscription: Subscription | undefined;
  #observed: string | undefined;
  @state() private row: SyncRow | null | undefined;
  @state() private schedule = '';
  @state() private rankStart = '';
  @state() private rankEnd = '';
  @state() private scheduleError = '';
  @state() private saveMessage = '';
  @state() private saveError = '';
  /** the form follows the stored row until the user starts typing */
  #dirty = false;

  override willUpdate(): void {
    const engine = this.#engine.value ?? null;
    const key = engine ? `${engine.userId}/${this.athleteId}` : undefined;
    if (key === this.#observed) return;
    this.#subscription?.unsubscribe();
    this.#observed = key;
    this.#subscription = engine ? this.observe(engine) : undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#subscription?.unsubscribe();
    this.#observed = undefined;
  }

  private observe(engine: SyncEngine): Subscription {
    return liveQuery(() => engine.db.rows('athletes').get(this.athleteId)).subscribe({
      next: (row) => {
        this.row = row ?? null;
        if (row && !this.#dirty) {
          this.schedule = text(row['schedule']);
          this.rankStart = text(row['rank_start']);
          this.rankEnd = text(row['rank_end']);
        }
      },
      error: (e: unknown) => console.error('athlete query failed', e),
    });
  }

  override render() {
    if (this.row === undefined) return html`<p class="muted" role="status">…</p>`;
    if (this.row === null)
      return html`<p>${t.notFound}</p>
        <p><a class="button secondary" href="/roster">${t.back}</a></p>`;
    return html`
      <h1>${text(this.row['name'])}</h1>
      <form novalidate @submit=${this.save}>
        <label
          >${t.schedule}
          <span class="hint" id="schedule-hint">${t.scheduleHint}</span>
          <input
            name="schedule"
            autocomplete="off"
            .value=${this.schedule}
            aria-invalid=${this.scheduleError ? 'true' : 'false'}
            aria-describedby="schedule-hint schedule-error"
            @input=${this.onScheduleInput}
          />
          <p class="error" id="schedule-error" role="alert">${this.scheduleError}</p>
        </label>
        ${this.renderRank('rank_start', t.rankStart, this.rankStart, (v) => (this.rankStart = v))}
        ${this.renderRank('rank_end', t.rankEnd, this.rankEnd, (v) => (this.rankEnd = v))}
        ${this.saveError ? html`<ts-notice tone="error"><p>${this.saveError}</p></ts-notice>` : nothing}
        <p role="status" class="muted">${this.saveMessage}</p>
        <div class="actions">
          <button class="button" type="submit">${t.save}</button>
          <a class="button secondary" href="/roster">${t.back}</a>
        </div>
      </form>
    `;
  }

  private renderRank(name: string, label: string, value: string, set: (v: string) => void) {
    return html`<label
      >${label}
      <select
        name=${name}
        @change=${(e: Event) => {
          this.#dirty = true;
          set((e.target as HTMLSelectElement).value);
        }}
      >
        <option value="" ?selected=${value === ''}>${t.notSet}</option>
        ${RANKS.map((r) => html`<option value=${r} ?selected=${r === value}>${r}</option>`)}
      </select></label
    >`;
  }

  private onScheduleInput(e: Event): void {
    this.#dirty = true;
    this.schedule = (e.target as HTMLInputElement).value;
    this.saveMessage = '';
    // only clear while typing; the message appears on save, not at every keystroke
    if (this.scheduleError && this.validSchedule() !== undefined) this.scheduleError = '';
  }

  /** the value to store (null for empty), or undefined with the message set aside */
  private validSchedule(): string | null | undefined {
    const trimmed = this.schedule.trim();
    const parsed = scheduleSchema.safeParse(trimmed === '' ? null : trimmed);
    return parsed.success ? parsed.data : undefined;
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    const engine = this.#engine.value;
    if (!engine) return;
    const trimmed = this.schedule.trim();
    const parsed = scheduleSchema.safeParse(trimmed === '' ? null : trimmed);
    if (!parsed.success) {
      this.scheduleError = translateDomainMessage(parsed.error.issues[0]?.message ?? '');
      this.saveMessage = '';
      this.renderRoot.querySelector<HTMLInputElement>('input[name="schedule"]')?.focus();
      return;
    }
    this.scheduleError = '';
    this.saveError = '';
    try {
      await engine.change({
        table: 'athletes',
        op: 'update',
        id: this.athleteId,
        patch: {
          schedule: parsed.data,
          rank_start: this.rankStart || null,
          rank_end: this.rankEnd || null,
        },
      });
      this.#dirty = false;
      this.saveMessage = t.saved;
    } catch (error) {
      this.saveError = describeError(error).message;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'athlete-page': AthletePage;
  }
}
