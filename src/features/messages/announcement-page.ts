import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { currentIntlTag } from '../../i18n/locale.ts';
import { describeError } from '../../data/describe-error.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import { messagesStrings as t } from './messages-strings.ts';
import {
  markAnnouncementRead,
  observeAnnouncement,
  type AnnouncementDetail,
} from './messages-data.ts';
import { audienceLabel, shortWhen } from './messages-page.ts';

/**
 * One announcement. Opening it marks it read on this device (offline too; the
 * mark syncs later). Its sender and the club's admins see who has read it.
 */
@customElement('announcement-page')
export class AnnouncementPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .body {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .meta {
        color: var(--ts-color-muted);
        display: flex;
        flex-wrap: wrap;
        gap: 0 var(--ts-space-3);
        margin-bottom: var(--ts-space-3);
      }
      h1 {
        overflow-wrap: anywhere;
      }
      ul.readers {
        margin: 0;
        padding-left: 1.25rem;
      }
    `,
  ];

  @property() announcementId = '';
  @state() private error = '';
  #marked = '';

  readonly #detail = new LocalQueryController(
    this,
    (engine, onChange: (a: AnnouncementDetail | null) => void) =>
      observeAnnouncement(engine, this.announcementId, onChange),
    {
      key: () => this.announcementId,
      onChange: (a) => {
        const engine = this.#detail.engine;
        if (!a || a.read || !engine || this.#marked === a.id) return;
        this.#marked = a.id;
        markAnnouncementRead(engine, a).catch((e: unknown) => {
          this.error = describeError(e).message;
        });
      },
    },
  );

  override render() {
    const a = this.#detail.value;
    return html`<p><a href="/messages">${t.back}</a></p>
      ${this.error ? html`<ts-notice tone="error"><p>${this.error}</p></ts-notice>` : nothing}
      ${
        a === undefined
          ? html`<p class="muted" role="status">${t.loading}</p>`
          : a === null
            ? html`<p class="card">${t.notFound}</p>`
            : this.renderOne(a)
      }`;
  }

  private renderOne(a: AnnouncementDetail) {
    const date = a.eventOn
      ? new Intl.DateTimeFormat(currentIntlTag, {
          weekday: 'short',
          day: 'numeric',
          month: 'long',
          year: 'numeric',
          timeZone: 'UTC',
        }).format(Date.parse(`${a.eventOn}T12:00:00Z`))
      : null;
    return html`<article>
      <h1>${a.title}</h1>
      <p class="meta">
        <span>${audienceLabel(a)}</span><span>${t.from(a.senderName)}</span>
        ${a.pending ? html`<span>${t.pending}</span>` : html`<span>${shortWhen(a.createdAt)}</span>`}
      </p>
      ${date ? html`<p><strong>${t.eventOn}:</strong> ${date}</p>` : nothing}
      ${a.body ? html`<p class="body">${a.body}</p>` : nothing}
      ${a.pending ? html`<p class="muted">${t.pendingHint}</p>` : nothing}
      ${a.readers ? this.renderReaders(a, a.readers) : nothing}
    </article>`;
  }

  private renderReaders(a: AnnouncementDetail, readers: { name: string; readAt: string }[]) {
    return html`<section class="card" aria-labelledby="readers">
      <h2 id="readers">${t.readers}</h2>
      <p>${t.readBy(readers.length, Math.max(a.audienceSize ?? 0, readers.length))}</p>
      ${
        readers.length === 0
          ? html`<p class="muted">${t.readByNobody}</p>`
          : html`<ul class="readers">
              ${readers.map((r) => html`<li>${r.name} · ${shortWhen(r.readAt)}</li>`)}
            </ul>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'announcement-page': AnnouncementPage;
  }
}
