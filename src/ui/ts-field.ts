import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { strings } from '../i18n/shell-strings.ts';
import { sharedStyles } from './shared-styles.ts';

export interface FieldOption {
  value: string;
  label: string;
}

/**
 * @summary A labelled form field with its hint and validation message right
 * beside it. Form-associated: it takes part in its `<form>` (FormData, Enter
 * submits) although its input lives in a shadow root.
 *
 * Fires the native `input` event (composed) when the value changes.
 */
@customElement('ts-field')
export class TsField extends LitElement {
  static formAssociated = true;
  // focus() on the element lands in its input, so a page can focus the first invalid field
  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };

  static override styles = [
    sharedStyles,
    css`
      :host {
        margin-bottom: var(--ts-space-4);
      }
      label {
        display: block;
        font-weight: 600;
        margin-bottom: var(--ts-space-1);
      }
      .control {
        position: relative;
        display: flex;
      }
      input,
      select {
        flex: 1;
        min-width: 0;
        min-height: 44px;
        padding: var(--ts-space-2) var(--ts-space-3);
        font: inherit;
        color: inherit;
        background: var(--ts-color-surface);
        border: 1px solid var(--ts-color-border-strong);
        border-radius: var(--ts-radius);
      }
      input:focus-visible,
      select:focus-visible {
        outline: 3px solid var(--ts-color-focus);
        outline-offset: 1px;
      }
      [aria-invalid='true'] {
        border-color: var(--ts-color-danger);
        border-width: 2px;
      }
      .reveal {
        position: absolute;
        inset-block: 0;
        inset-inline-end: 0;
        min-width: 44px;
        padding: 0 var(--ts-space-3);
        border: none;
        background: none;
        font: inherit;
        font-size: 0.875rem;
        color: var(--ts-color-link);
        cursor: pointer;
      }
      input.with-reveal {
        padding-inline-end: 6.5rem;
      }
      .hint,
      .error {
        margin: var(--ts-space-1) 0 0;
        font-size: 0.875rem;
      }
      .hint {
        color: var(--ts-color-muted);
      }
      .error {
        color: var(--ts-color-danger);
        font-weight: 600;
      }
      .error:empty {
        display: none;
      }
    `,
  ];

  /** visible label; also the input's accessible name */
  @property() label = '';
  @property({ reflect: true }) name = '';
  /** `text`, `email`, `password`, … or `select` (then give `options`) */
  @property() type = 'text';
  @property() value = '';
  /** validation message shown under the field; empty means valid */
  @property() error = '';
  @property() hint = '';
  @property() autocomplete: string | undefined;
  @property() inputmode: string | undefined;
  @property({ type: Boolean }) required = false;
  @property({ type: Boolean }) disabled = false;
  @property({ attribute: false }) options: FieldOption[] = [];

  @state() private revealed = false;
  @query('input, select') private control!: HTMLInputElement | HTMLSelectElement | null;

  readonly #internals = this.attachInternals();

  override willUpdate(): void {
    this.#internals.setFormValue(this.disabled ? null : this.value);
  }

  /** reset the value when the owning form resets */
  formResetCallback(): void {
    this.value = '';
  }

  override render() {
    // while a message explains what is wrong, the hint would only repeat it
    const hint = this.error ? '' : this.hint;
    const describedBy = hint ? 'hint error' : 'error';
    const invalid = this.error ? 'true' : 'false';
    return html`
      <label for="control">${this.label}</label>
      <div class="control">
        ${
          this.type === 'select'
            ? html`<select
                id="control"
                name=${this.name}
                ?disabled=${this.disabled}
                aria-required=${this.required ? 'true' : 'false'}
                aria-invalid=${invalid}
                aria-describedby=${describedBy}
                @input=${this.onInput}
              >
                ${this.options.map(
                  (o) =>
                    html`<option value=${o.value} ?selected=${o.value === this.value}>
                      ${o.label}
                    </option>`,
                )}
              </select>`
            : html`<input
                id="control"
                class=${this.type === 'password' ? 'with-reveal' : ''}
                name=${this.name}
                type=${this.type === 'password' && this.revealed ? 'text' : this.type}
                .value=${live(this.value)}
                ?disabled=${this.disabled}
                autocomplete=${ifDefined(this.autocomplete)}
                inputmode=${ifDefined(this.inputmode)}
                spellcheck="false"
                aria-required=${this.required ? 'true' : 'false'}
                aria-invalid=${invalid}
                aria-describedby=${describedBy}
                @input=${this.onInput}
                @keydown=${this.onKeydown}
              />`
        }
        ${
          this.type === 'password'
            ? html`<button
                type="button"
                class="reveal"
                @click=${() => (this.revealed = !this.revealed)}
              >
                ${this.revealed ? strings.field.hide : strings.field.show}
                <span class="visually-hidden">${this.label.toLowerCase()}</span>
              </button>`
            : nothing
        }
      </div>
      ${hint ? html`<p id="hint" class="hint">${hint}</p>` : nothing}
      <p id="error" class="error">${this.error}</p>
    `;
  }

  private onInput(): void {
    this.value = this.control?.value ?? '';
    // typing fixes the problem the message described; the page revalidates on submit
    this.error = '';
  }

  // an input in a shadow root does not submit its form on Enter by itself
  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && !event.isComposing) {
      event.preventDefault();
      this.#internals.form?.requestSubmit();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ts-field': TsField;
  }
}
