import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { describeError } from '../../data/describe-error.ts';
import { conversationId } from '../../domain/message-ids.ts';
import { messageBodySchema } from '../../domain/messages.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import { fieldStyles } from '../../ui/field-styles.ts';
import '../../ui/ts-notice.ts';
import { messagesStrings as t } from './messages-strings.ts';
import { markThreadRead, observeThread, sendMessage, type Thread } from './messages-data.ts';
import { shortWhen } from './messages-page.ts';

/**
 * A conversation between an athlete (or their parent, on the athlete's account)
 * and a coach. Opened by id, or by (athlete, coach) for «Напишите тренеру»: the
 * conversation is made with the first message. A message written offline shows
 * «Ждёт отправки» until it syncs.
 */
@customElement('conversation-page')
export class ConversationPage extends LitElement {
  static override styles = [
    sharedStyles,
    fieldStyles,
    css`
      ol {
        list-style: none;
        margin: 0 0 var(--ts-space-3);
        padding: 0;
        display: grid;
        gap: var(--ts-space-2);
      }
      li {
        max-width: 85%;
        padding: var(--ts-space-2) var(--ts-space-3);
        border-radius: 12px;
        background: var(--ts-color-surface);
        border: 1px solid var(--ts-color-border);
      }
      li.mine {
        justify-self: end;
        background: var(--ts-color-brand-soft);
      }
      .text {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        margin: 0;
      }
      .when {
        font-size: 0.75rem;
        color: var(--ts-color-muted);
        margin: 2px 0 0;
      }
      form {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: var(--ts-space-2);
        align-items: end;
      }
      textarea {
        min-height: 44px;
        padding: var(--ts-space-2);
        resize: vertical;
      }
      h1 {
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property() conversationId = '';
  @property() athleteId = '';
  @property() coachId = '';
  @state() private resolvedId = '';
  @state() private error = '';
  @state() private draft = '';

  readonly #thread = new LocalQueryController(
    this,
    (engine, onChange: (th: Thread | null) => void) =>
      this.resolvedId
        ? observeThread(
            engine,
            { conversationId: this.resolvedId, athleteId: this.athleteId, coachId: this.coachId },
            onChange,
          )
        : { unsubscribe: () => undefined },
    {
      key: () => this.resolvedId,
      onChange: (th) => {
        const engine = this.#thread.engine;
        if (th && th.party && engine) {
          markThreadRead(engine, th).catch((e: unknown) => console.error('read mark failed', e));
        }
      },
    },
  );

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('conversationId') && this.conversationId) {
      this.resolvedId = this.conversationId;
    } else if (
      (changed.has('athleteId') || changed.has('coachId')) &&
      this.athleteId &&
      this.coachId
    ) {
      void conversationId(this.athleteId, this.coachId).then((id) => (this.resolvedId = id));
    }
  }

  override render() {
    const th = this.#thread.value;
    return html`<p><a href="/messages">${t.back}</a></p>
      ${
        th === undefined || !this.resolvedId
          ? html`<p class="muted" role="status">${t.loading}</p>`
          : th === null
            ? html`<p class="card">${t.thread.notFound}</p>`
            : this.renderThread(th)
      }`;
  }

  private renderThread(th: Thread) {
    return html`<h1>${th.title}</h1>
      ${
        th.messages.length === 0
          ? html`<p class="muted">${t.thread.empty}</p>`
          : html`<ol aria-label=${th.title}>
              ${th.messages.map(
                (m) =>
                  html`<li class=${m.mine ? 'mine' : ''}>
                    <p class="text">${m.body}</p>
                    <p class="when">
                      ${m.mine ? t.thread.you : m.senderName} ·
                      ${m.pending ? t.pending : shortWhen(m.createdAt)}
                    </p>
                  </li>`,
              )}
            </ol>`
      }
      ${this.error ? html`<ts-notice tone="error"><p>${this.error}</p></ts-notice>` : nothing}
      ${
        th.party
          ? html`<form @submit=${(e: Event) => this.send(e, th)}>
              <label class="visually-hidden" for="draft">${t.thread.placeholder}</label>
              <textarea
                id="draft"
                placeholder=${t.thread.placeholder}
                maxlength="4000"
                .value=${this.draft}
                @input=${(e: Event) => (this.draft = (e.target as HTMLTextAreaElement).value)}
              ></textarea>
              <button class="button" type="submit" ?disabled=${this.draft.trim() === ''}>
                ${t.thread.send}
              </button>
            </form>`
          : html`<p class="muted">${t.thread.observer}</p>`
      }`;
  }

  private async send(e: Event, th: Thread): Promise<void> {
    e.preventDefault();
    const engine = this.#thread.engine;
    const parsed = messageBodySchema.safeParse(this.draft);
    if (!engine || !parsed.success) return;
    this.error = '';
    try {
      await sendMessage(engine, th, parsed.data);
      this.draft = '';
    } catch (err) {
      this.error = describeError(err).message;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'conversation-page': ConversationPage;
  }
}
