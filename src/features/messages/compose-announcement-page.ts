import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { observeLocal } from '../../data/observe-local.ts';
import { describeError } from '../../data/describe-error.ts';
import { announcementInputSchema, type Audience } from '../../domain/messages.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import { fieldStyles } from '../../ui/field-styles.ts';
import { NavigateEvent } from '../../ui/navigate-event.ts';
import '../../ui/ts-notice.ts';
import { messagesStrings as t } from './messages-strings.ts';
import { postAnnouncement, readAudiences } from './messages-data.ts';

type Option = { audience: Audience; label: string };
const keyOf = (a: Audience) => (a.kind === 'club' ? `club:${a.orgId}` : `group:${a.groupId}`);

/**
 * A new announcement: to a group the coach coaches, or (an admin) to any group or
 * the whole club. Saved on the device and sent through the outbox, so it works
 * with no signal.
 */
@customElement('compose-announcement-page')
export class ComposeAnnouncementPage extends LitElement {
  static override styles = [
    sharedStyles,
    fieldStyles,
    css`
      form {
        display: grid;
        gap: var(--ts-space-3);
      }
      label {
        display: grid;
        gap: var(--ts-space-1);
        font-weight: 600;
      }
      textarea {
        min-height: 8rem;
        padding: var(--ts-space-2);
      }
    `,
  ];

  readonly #audiences = new LocalQueryController(this, (engine, onChange: (o: Option[]) => void) =>
    observeLocal(() => readAudiences(engine.db, engine.userId), onChange, 'audiences'),
  );
  @state() private error = '';
  @state() private busy = false;

  override render() {
    const options = this.#audiences.value;
    return html`<p><a href="/messages">${t.back}</a></p>
      <h1>${t.compose.title}</h1>
      ${
        options === undefined
          ? html`<p class="muted" role="status">${t.loading}</p>`
          : options.length === 0
            ? html`<p class="card">${t.compose.noAudience}</p>`
            : html`<form @submit=${this.submit} novalidate>
                <label
                  >${t.compose.audience}
                  <select name="audience">
                    ${options.map(
                      (o) =>
                        html`<option value=${keyOf(o.audience)}>
                          ${o.audience.kind === 'club' ? t.wholeClub(o.label) : t.group(o.label)}
                        </option>`,
                    )}
                  </select>
                </label>
                <label>${t.compose.heading} <input name="title" required maxlength="200" /></label>
                <label>${t.compose.body} <textarea name="body" maxlength="4000"></textarea></label>
                <label>${t.compose.date} <input name="eventOn" type="date" /></label>
                ${
                  this.error
                    ? html`<ts-notice tone="error"><p>${this.error}</p></ts-notice>`
                    : nothing
                }
                <p class="muted">${t.compose.offlineHint}</p>
                <button class="button" type="submit" ?disabled=${this.busy}>
                  ${t.compose.send}
                </button>
              </form>`
      }`;
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    const engine = this.#audiences.engine;
    const form = new FormData(e.target as HTMLFormElement);
    const chosen = (this.#audiences.value ?? []).find(
      (o) => keyOf(o.audience) === form.get('audience'),
    );
    if (!engine || !chosen) return;
    const eventOn = String(form.get('eventOn') ?? '');
    const parsed = announcementInputSchema.safeParse({
      title: String(form.get('title') ?? ''),
      body: String(form.get('body') ?? ''),
      eventOn: eventOn === '' ? null : eventOn,
      groupId: chosen.audience.kind === 'group' ? chosen.audience.groupId : null,
    });
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path[0];
      this.error =
        field === 'title'
          ? t.compose.heading
          : field === 'eventOn'
            ? t.compose.date
            : t.compose.body;
      this.error = `${this.error}: ${parsed.error.issues[0]?.message ?? ''}`;
      return;
    }
    this.busy = true;
    try {
      const id = await postAnnouncement(engine, chosen.audience.orgId, parsed.data);
      this.dispatchEvent(new NavigateEvent(`/messages/announcements/${id}`, { replace: true }));
    } catch (err) {
      this.error = describeError(err).message;
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'compose-announcement-page': ComposeAnnouncementPage;
  }
}
