import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { COACH_PHOTO_TYPES, coachPhotoProblem } from '../domain/coach-photo.ts';
import { photoUploadStrings as t } from '../i18n/photo-upload-strings.ts';
import { sharedStyles } from './shared-styles.ts';

/** what `photo-selected` carries: a file that passed the bucket's rules */
export interface PhotoSelectedDetail {
  file: File;
}

/**
 * @summary A coach's photo with a button to upload another. A chosen file is
 * checked with the `coach-photos` bucket's own rules (type, size) at once and
 * shown; a good one is handed to the page in `photo-selected`, which uploads it
 * (src/data/storage.ts `uploadCoachPhoto`) and sets `src`, `busy` and `error`.
 *
 * @fires photo-selected - `detail.file`, a photo that may be uploaded
 */
@customElement('ts-photo-upload')
export class TsPhotoUpload extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        margin-bottom: var(--ts-space-4);
      }
      .label {
        display: block;
        font-weight: 600;
        margin-bottom: var(--ts-space-2);
      }
      .row {
        display: flex;
        align-items: center;
        gap: var(--ts-space-4);
      }
      .photo {
        flex: none;
        width: 96px;
        height: 96px;
        border-radius: 50%;
        object-fit: cover;
        background: var(--ts-color-brand-soft);
        border: 1px solid var(--ts-color-border);
      }
      .empty {
        display: flex;
        align-items: center;
        justify-content: center;
        padding: var(--ts-space-2);
        text-align: center;
        font-size: 0.8125rem;
        color: var(--ts-color-muted);
      }
      .pick {
        position: relative;
      }
      input {
        position: absolute;
        inset-inline-start: 0;
        top: 0;
        width: 1px;
        height: 1px;
        opacity: 0;
      }
      input:focus-visible + label.button {
        outline: 3px solid var(--ts-color-focus);
        outline-offset: 2px;
      }
      .hint {
        margin: var(--ts-space-2) 0 0;
        font-size: 0.875rem;
        color: var(--ts-color-muted);
      }
      .error {
        margin: var(--ts-space-2) 0 0;
        color: var(--ts-color-danger);
        font-weight: 600;
      }
    `,
  ];

  /** the current photo's URL ('' when there is none) */
  @property() src = '';
  /** the alternative text of the photo (the coach's name) */
  @property() alt = '';
  /** an upload is under way */
  @property({ type: Boolean, reflect: true }) busy = false;
  /** what went wrong with the last upload, in the user's words */
  @property() error = '';

  @state() private preview = '';
  @state() private problem = '';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.preview) URL.revokeObjectURL(this.preview);
  }

  private choose(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    // the same file chosen again after a failure must fire `change` again
    input.value = '';
    if (!file) return;
    const problem = coachPhotoProblem(file);
    if (problem) {
      this.problem = t.problems[problem];
      return;
    }
    this.problem = '';
    if (this.preview) URL.revokeObjectURL(this.preview);
    this.preview = URL.createObjectURL(file);
    this.dispatchEvent(
      new CustomEvent<PhotoSelectedDetail>('photo-selected', {
        detail: { file },
        bubbles: true,
        composed: true,
      }),
    );
  }

  override render() {
    const shown = this.preview || this.src;
    const message = this.problem || this.error;
    return html`
      <span class="label" id="label">${t.label}</span>
      <div class="row">
        ${
          shown
            ? html`<img class="photo" src=${shown} alt=${this.alt} width="96" height="96" />`
            : html`<div class="photo empty">${t.none}</div>`
        }
        <div class="pick">
          <input
            id="file"
            type="file"
            accept=${COACH_PHOTO_TYPES.join(',')}
            aria-labelledby="label choose"
            aria-describedby="hint${message ? ' problem' : ''}"
            ?disabled=${this.busy}
            @change=${this.choose}
          />
          <label id="choose" class="button secondary" for="file" aria-disabled=${this.busy}>
            ${this.busy ? t.uploading : shown ? t.replace : t.choose}
          </label>
        </div>
      </div>
      <p class="hint" id="hint">${t.hint}</p>
      ${message ? html`<p class="error" id="problem" role="alert">${message}</p>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ts-photo-upload': TsPhotoUpload;
  }
  interface HTMLElementEventMap {
    'photo-selected': CustomEvent<PhotoSelectedDetail>;
  }
}
