import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { currentIntlTag } from '../../i18n/locale.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import { fieldStyles } from '../../ui/field-styles.ts';
import { NavigateEvent } from '../../ui/navigate-event.ts';
import { conversationId } from '../../domain/message-ids.ts';
import { messagesStrings as t } from './messages-strings.ts';
import { observeOverview, type AnnouncementItem, type MessagesOverview } from './messages-data.ts';

/** a short date and time of a server time, in the device's zone */
export function shortWhen(iso: string | null): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(currentIntlTag, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(Date.parse(iso));
}

/** «Весь клуб …» or «Группа …» */
export function audienceLabel(a: AnnouncementItem): string {
  return a.groupName === null ? t.wholeClub(a.orgName) : t.group(a.groupName);
}

/**
 * «Сообщения»: announcements to the user's groups and club (new ones marked), the
 * conversations with coaches or athletes, «Напишите тренеру» for an athlete — all
 * from the device, so they read offline.
 */
@customElement('messages-page')
export class MessagesPage extends LitElement {
  static override styles = [
    sharedStyles,
    fieldStyles,
    css`
      section {
        margin-bottom: var(--ts-space-5);
      }
      .head {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: var(--ts-space-2);
        flex-wrap: wrap;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--ts-space-2);
      }
      li a.item {
        display: grid;
        gap: 2px;
        padding: var(--ts-space-3);
        border: 1px solid var(--ts-color-border);
        border-radius: 10px;
        background: var(--ts-color-surface);
        color: inherit;
        text-decoration: none;
      }
      li a.item.unread {
        border-color: var(--ts-color-brand);
        border-width: 2px;
      }
      .title {
        font-weight: 700;
        overflow-wrap: anywhere;
      }
      .meta {
        color: var(--ts-color-muted);
        font-size: 0.875rem;
        display: flex;
        flex-wrap: wrap;
        gap: 0 var(--ts-space-2);
      }
      .badge {
        font-size: 0.75rem;
        font-weight: 700;
        padding: 1px 6px;
        border-radius: 999px;
        background: var(--ts-color-brand);
        color: var(--ts-color-on-brand);
      }
      .excerpt {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        color: var(--ts-color-muted);
      }
      .start {
        display: grid;
        gap: var(--ts-space-2);
        margin-top: var(--ts-space-3);
      }
      .start label {
        display: grid;
        gap: var(--ts-space-1);
        font-weight: 600;
      }
    `,
  ];

  readonly #overview = new LocalQueryController(this, observeOverview);
  @state() private athleteId = '';

  override render() {
    const o = this.#overview.value;
    return html`<h1>${t.title}</h1>
      ${
        o
          ? html`${this.renderCoaches(o)} ${this.renderAnnouncements(o)}
            ${this.renderConversations(o)}`
          : html`<p class="muted" role="status">${t.loading}</p>`
      }`;
  }

  private renderCoaches(o: MessagesOverview) {
    if (o.coaches.length === 0) return nothing;
    return html`<section aria-labelledby="coach-heading">
      <h2 id="coach-heading">${t.writeToCoach}</h2>
      <div class="actions">
        ${o.coaches.map(
          (c) =>
            html`<a class="button block" href=${`/messages/with/${c.athleteId}/${c.coachId}`}
              >${t.writeTo(c.coachName)}</a
            >`,
        )}
      </div>
    </section>`;
  }

  private renderAnnouncements(o: MessagesOverview) {
    return html`<section aria-labelledby="ann-heading">
      <div class="head">
        <h2 id="ann-heading">${t.announcements}</h2>
        ${
          o.canAnnounce
            ? html`<a class="button secondary" href="/messages/announcements/new"
                >${t.newAnnouncement}</a
              >`
            : nothing
        }
      </div>
      ${
        o.announcements.length === 0
          ? html`<p class="muted">${t.noAnnouncements}</p>`
          : html`<ul>
              ${o.announcements.map(
                (a) =>
                  html`<li>
                    <a
                      class="item ${a.read ? '' : 'unread'}"
                      href=${`/messages/announcements/${a.id}`}
                    >
                      <span class="title"
                        >${a.read ? nothing : html`<span class="badge">${t.unread}</span> `}${a.title}</span
                      >
                      <span class="meta"
                        ><span>${audienceLabel(a)}</span><span>${a.senderName}</span>${
                          a.pending
                            ? html`<span>${t.pending}</span>`
                            : html`<span>${shortWhen(a.createdAt)}</span>`
                        }</span
                      >
                    </a>
                  </li>`,
              )}
            </ul>`
      }
    </section>`;
  }

  private renderConversations(o: MessagesOverview) {
    return html`<section aria-labelledby="conv-heading">
      <h2 id="conv-heading">${t.conversations}</h2>
      ${
        o.conversations.length === 0
          ? html`<p class="muted">${t.noConversations}</p>`
          : html`<ul>
              ${o.conversations.map(
                (c) =>
                  html`<li>
                    <a
                      class="item ${c.unread > 0 ? 'unread' : ''}"
                      href=${`/messages/conversations/${c.id}`}
                    >
                      <span class="title"
                        >${c.unread > 0 ? html`<span class="badge">${c.unread}</span> ` : nothing}${c.title}</span
                      >
                      ${c.lastBody ? html`<span class="excerpt">${c.lastBody}</span>` : nothing}
                      <span class="meta">${shortWhen(c.lastAt)}</span>
                    </a>
                  </li>`,
              )}
            </ul>`
      }
      ${
        o.athletes.length > 0
          ? html`<div class="start">
              <label
                >${t.chooseAthlete}
                <select
                  .value=${this.athleteId}
                  @change=${(e: Event) => (this.athleteId = (e.target as HTMLSelectElement).value)}
                >
                  <option value=""></option>
                  ${o.athletes.map((a) => html`<option value=${a.id}>${a.name}</option>`)}
                </select>
              </label>
              <button
                class="button secondary"
                type="button"
                ?disabled=${!this.athleteId}
                @click=${() => void this.startWith(this.athleteId)}
              >
                ${t.writeToAthlete}
              </button>
            </div>`
          : nothing
      }
    </section>`;
  }

  /** a coach opens (or starts) the conversation with an athlete they coach */
  private async startWith(athleteId: string): Promise<void> {
    const engine = this.#overview.engine;
    if (!engine || !athleteId) return;
    const id = await conversationId(athleteId, engine.userId);
    const exists = this.#overview.value?.conversations.some((c) => c.id === id);
    this.dispatchEvent(
      new NavigateEvent(
        exists ? `/messages/conversations/${id}` : `/messages/with/${athleteId}/${engine.userId}`,
      ),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'messages-page': MessagesPage;
  }
}
