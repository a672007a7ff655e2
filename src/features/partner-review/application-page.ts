import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  applicationNoteSchema,
  isApplicationStatus,
  nextStatuses,
  rejectionReasonSchema,
  type ApplicationStatus,
} from '../../domain/partner-application.ts';
import { currentIntlTag } from '../../i18n/locale.ts';
import '../../ui/ts-notice.ts';
import {
  type Application,
  type ApplicationNote,
  addApplicationNote,
  loadApplication,
  setApplicationStatus,
} from './partner-review-data.ts';
import { partnerReviewStrings as t } from './partner-review-strings.ts';
import { applicationTone, reviewStyles } from './partner-review-styles.ts';
import { PlatformGate } from '../../state/platform-gate.ts';
import { gateNotice } from '../../ui/gate-notice.ts';

/** a status change's note (written by the database as `pending → reviewing: reason`) in the reader's words */
function noteText(body: string): string {
  const m =
    /^(pending|reviewing|approved|rejected) → (pending|reviewing|approved|rejected)(?:: ([\s\S]*))?$/.exec(
      body,
    );
  if (!m) return body;
  const change = `${t.status[m[1] ?? ''] ?? m[1]} → ${t.status[m[2] ?? ''] ?? m[2]}`;
  return m[3] ? `${change}: ${m[3]}` : change;
}

type DetailState =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'ready'; application: Application; notes: ApplicationNote[] }
  | { status: 'error'; message: string };

/** which decision is being asked for a second time (approve) or a reason (reject) */
type Asking = 'approved' | 'rejected' | null;

const DETAIL_FIELDS = [
  'contact_email',
  'contact_phone',
  'website',
  'industry',
  'target_market',
  'current_solutions',
  'motivation',
  'additional_information',
  'locale',
  'rejection_reason',
] as const;

/**
 * One application for a platform admin: everything the company wrote, its status
 * and the decisions still open (the database's status machine: pending →
 * reviewing → approved | rejected, pending → rejected; approving asks once more,
 * rejecting asks for the reason the applicant will read), and the internal notes
 * (author, time, text; append-only). Online only.
 */
@customElement('partner-application-page')
export class PartnerApplicationPage extends LitElement {
  static override styles = reviewStyles;

  /** from the URL */
  @property() applicationId = '';

  readonly #gate = new PlatformGate(this);
  @state() private detail: DetailState = { status: 'loading' };
  @state() private asking: Asking = null;
  @state() private reason = '';
  @state() private reasonError = '';
  @state() private note = '';
  @state() private noteError = '';
  @state() private busy = false;
  @state() private message = '';
  @state() private actionError = '';
  #loadedFor = '';

  override willUpdate(): void {
    if (this.#gate.state === 'ready' && this.#loadedFor !== this.applicationId) {
      this.#loadedFor = this.applicationId;
      void this.load();
    }
    if (this.#gate.state === 'offline') this.#loadedFor = '';
  }

  private async load(): Promise<void> {
    const client = this.#gate.client;
    if (!client) return;
    const r = await loadApplication(client, this.applicationId);
    if (!r.ok) this.detail = { status: 'error', message: r.error.message };
    else if (!r.value) this.detail = { status: 'missing' };
    else this.detail = { status: 'ready', ...r.value };
  }

  override render() {
    const gate = gateNotice(this.#gate.state, t.detailTitle, t);
    if (gate) return gate;
    const d = this.detail;
    const back = html`<p><a href="/platform/applications">${t.back}</a></p>`;
    if (d.status === 'loading') {
      return html`${back}
        <h1>${t.detailTitle}</h1>
        <p class="muted" role="status">${t.loading}</p>`;
    }
    if (d.status === 'missing') {
      return html`${back}
        <h1>${t.detailTitle}</h1>
        <ts-notice><p>${t.notFound}</p></ts-notice>`;
    }
    if (d.status === 'error') {
      return html`${back}
        <h1>${t.detailTitle}</h1>
        <ts-notice tone="error"><p>${d.message}</p></ts-notice>
        <button class="button secondary" @click=${() => void this.load()}>${t.retry}</button>`;
    }
    const a = d.application;
    const when = new Intl.DateTimeFormat(currentIntlTag, {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    return html`${back}
      <h1>${a.company_name}</h1>
      <p>
        <span class="status" data-tone=${applicationTone(a.status)}
          >${t.status[a.status] ?? a.status}</span
        >
        ${t.type[a.partnership_type] ?? a.partnership_type} · ${t.size(a.company_size)} ·
        ${a.contact_name}
      </p>
      <p class="muted">
        ${t.submittedAt(when.format(new Date(a.created_at)))}${
          a.decided_at ? html` · ${t.decidedAt(when.format(new Date(a.decided_at)))}` : nothing
        }
      </p>
      <p role="status">${this.message}</p>
      ${a.partner_org_id ? html`<ts-notice tone="success"><p>${t.partnerCreated}</p></ts-notice>` : nothing}
      <dl class="card">
        ${DETAIL_FIELDS.map((f) => {
          const value = a[f];
          if (f === 'rejection_reason' && !value) return nothing;
          const shown = f === 'locale' ? (t.locale[a.locale] ?? a.locale) : value;
          return html`<dt>${t.fields[f]}</dt>
            <dd>${this.value(f, shown)}</dd>`;
        })}
      </dl>
      ${this.renderActions(a)} ${this.renderNotes(d.notes, when)}`;
  }

  /** a field's value as shown: links for the site and the address; nothing between tags, pre-wrap keeps the text's own lines */
  private value(f: (typeof DETAIL_FIELDS)[number], shown: string | null) {
    if (f === 'website' && shown) {
      return html`<a href=${shown} rel="noopener noreferrer" target="_blank">${shown}</a>`;
    }
    if (f === 'contact_email' && shown) return html`<a href=${`mailto:${shown}`}>${shown}</a>`;
    return shown ?? t.none;
  }

  private renderActions(a: Application) {
    const next = isApplicationStatus(a.status) ? nextStatuses(a.status) : [];
    if (next.length === 0) {
      return html`<section aria-labelledby="actions">
        <h2 id="actions">${t.actions}</h2>
        <p class="muted">${t.finalNote}</p>
      </section>`;
    }
    return html`<section aria-labelledby="actions">
      <h2 id="actions">${t.actions}</h2>
      ${this.actionError ? html`<ts-notice tone="error"><p>${this.actionError}</p></ts-notice>` : nothing}
      ${
        this.asking === 'approved'
          ? html`<div class="card">
              <p>${t.approveConfirm}</p>
              <div class="actions">
                <button
                  class="button"
                  ?disabled=${this.busy}
                  @click=${() => void this.change('approved', null)}
                >
                  ${t.approveYes}
                </button>
                <button class="button secondary" @click=${() => (this.asking = null)}>
                  ${t.cancel}
                </button>
              </div>
            </div>`
          : this.asking === 'rejected'
            ? html`<form class="card" novalidate @submit=${this.reject}>
                <label for="reason"
                  >${t.reasonLabel}
                  <span class="hint" id="reason-hint">${t.reasonHint}</span></label
                >
                <textarea
                  id="reason"
                  name="reason"
                  maxlength="2000"
                  aria-describedby="reason-hint reason-error"
                  aria-invalid=${this.reasonError ? 'true' : 'false'}
                  .value=${this.reason}
                  @input=${(e: Event) => (this.reason = (e.target as HTMLTextAreaElement).value)}
                ></textarea>
                <p class="error" id="reason-error" role="alert">${this.reasonError}</p>
                <div class="actions">
                  <button class="button" type="submit" ?disabled=${this.busy}>
                    ${t.rejectYes}
                  </button>
                  <button
                    class="button secondary"
                    type="button"
                    @click=${() => (this.asking = null)}
                  >
                    ${t.cancel}
                  </button>
                </div>
              </form>`
            : html`<div class="actions">
                ${next.map((s) =>
                  s === 'reviewing'
                    ? html`<button
                        class="button"
                        ?disabled=${this.busy}
                        @click=${() => void this.change('reviewing', null)}
                      >
                        ${t.start}
                      </button>`
                    : html`<button
                        class=${s === 'approved' ? 'button' : 'button secondary'}
                        @click=${() => {
                          this.asking = s === 'approved' ? 'approved' : 'rejected';
                          this.actionError = '';
                        }}
                      >
                        ${s === 'approved' ? t.approve : t.reject}
                      </button>`,
                )}
              </div>`
      }
    </section>`;
  }

  private renderNotes(notes: ApplicationNote[], when: Intl.DateTimeFormat) {
    return html`<section aria-labelledby="notes">
      <h2 id="notes">${t.notes}</h2>
      <p class="muted">${t.notesIntro}</p>
      ${
        notes.length
          ? html`<ol class="notes">
              ${notes.map(
                (n) =>
                  html`<li class="card">
                    <p class="note-meta">
                      <strong>${n.author_name}</strong> ·
                      <time datetime=${n.created_at}>${when.format(new Date(n.created_at))}</time>
                    </p>
                    <p class="note-body">${noteText(n.body)}</p>
                  </li>`,
              )}
            </ol>`
          : html`<p class="muted">${t.noNotes}</p>`
      }
      <form novalidate @submit=${this.addNote}>
        <label for="note">${t.noteLabel}</label>
        <textarea
          id="note"
          name="note"
          maxlength="4000"
          aria-describedby="note-error"
          aria-invalid=${this.noteError ? 'true' : 'false'}
          .value=${this.note}
          @input=${(e: Event) => (this.note = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
        <p class="error" id="note-error" role="alert">${this.noteError}</p>
        <button class="button" type="submit" ?disabled=${this.busy}>${t.noteAdd}</button>
      </form>
    </section>`;
  }

  private async change(status: ApplicationStatus, reason: string | null): Promise<void> {
    const client = this.#gate.client;
    if (!client || this.busy) return;
    this.busy = true;
    this.actionError = '';
    const r = await setApplicationStatus(client, this.applicationId, status, reason);
    this.busy = false;
    if (!r.ok) {
      this.actionError = r.error.message;
      return;
    }
    this.asking = null;
    this.reason = '';
    this.message = t.changed(t.status[status] ?? status);
    await this.load();
  }

  private readonly reject = (e: Event): void => {
    e.preventDefault();
    const parsed = rejectionReasonSchema.safeParse(this.reason);
    if (!parsed.success) {
      this.reasonError = t.reasonRequired;
      return;
    }
    this.reasonError = '';
    void this.change('rejected', parsed.data);
  };

  private readonly addNote = async (e: Event): Promise<void> => {
    e.preventDefault();
    const client = this.#gate.client;
    const parsed = applicationNoteSchema.safeParse(this.note);
    if (!parsed.success) {
      this.noteError = t.noteEmpty;
      return;
    }
    if (!client || this.busy) return;
    this.noteError = '';
    this.busy = true;
    const r = await addApplicationNote(client, this.applicationId, parsed.data);
    this.busy = false;
    if (!r.ok) {
      this.noteError = r.error.message;
      return;
    }
    this.note = '';
    this.message = t.noteAdded;
    if (this.detail.status === 'ready') {
      this.detail = { ...this.detail, notes: [...this.detail.notes, r.value] };
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'partner-application-page': PartnerApplicationPage;
  }
}
