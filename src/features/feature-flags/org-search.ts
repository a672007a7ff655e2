import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { strings } from '../../i18n/shell-strings.ts';
import type { Loaded, PlatformOrganization } from './feature-flags-data.ts';
import { featureFlagsStrings as t } from './feature-flags-strings.ts';
import { flagsStyles } from './feature-flags-styles.ts';

type Results =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'ready'; items: PlatformOrganization[] }
  | { status: 'error'; message: string };

/** fired with the organization chosen, or null for "choose another" */
export class OrgPickedEvent extends Event {
  constructor(readonly organization: PlatformOrganization | null) {
    super('org-picked', { bubbles: true, composed: true });
  }
}

/**
 * @summary Finding an organization by a piece of its name, for the platform's
 * admins: a search form (2 characters or more, checked before anything is sent),
 * the results as buttons, and the chosen one. It never holds the choice itself:
 * the page passes `picked` down and hears `org-picked`.
 *
 * @fires org-picked - an {@link OrgPickedEvent}
 */
@customElement('flags-org-search')
export class FlagsOrgSearch extends LitElement {
  static override styles = [
    flagsStyles,
    css`
      .row {
        display: flex;
        gap: var(--ts-space-2);
      }
      .row input {
        flex: 1;
      }
      button.pick {
        width: 100%;
        min-height: 44px;
        text-align: left;
        font: inherit;
        padding: var(--ts-space-2) var(--ts-space-3);
        border: 1px solid var(--ts-color-border-strong);
        border-radius: var(--ts-radius);
        background: var(--ts-color-surface);
        color: inherit;
        cursor: pointer;
      }
      button.pick:hover {
        background: var(--ts-color-brand-soft);
      }
      .picked {
        margin: 0;
      }
    `,
  ];

  /** looks organizations up (the page's client, through the feature's data) */
  @property({ attribute: false }) find?: (query: string) => Promise<Loaded<PlatformOrganization[]>>;
  /** the organization chosen so far */
  @property({ attribute: false }) picked: PlatformOrganization | null = null;

  @state() private query = '';
  @state() private queryError = '';
  @state() private results: Results = { status: 'idle' };
  #generation = 0;

  override render() {
    if (this.picked) {
      return html`<p class="picked" role="status">
          ${t.picked(this.picked.name, strings.kindName(this.picked.kind))}
        </p>
        <button
          type="button"
          class="link-button"
          @click=${() => this.dispatchEvent(new OrgPickedEvent(null))}
        >
          ${t.another}
        </button>`;
    }
    return html`<form role="search" novalidate @submit=${this.search}>
        <div class="field">
          <label for="org-query">${t.orgLabel}</label>
          <p class="hint" id="org-hint">${t.orgHint}</p>
          <div class="row">
            <input
              id="org-query"
              name="org"
              type="search"
              autocomplete="off"
              aria-describedby="org-hint org-error"
              aria-invalid=${this.queryError ? 'true' : 'false'}
              .value=${this.query}
              @input=${(e: Event) => {
                this.query = (e.target as HTMLInputElement).value;
                this.queryError = '';
              }}
            />
            <button class="button secondary" type="submit">${t.find}</button>
          </div>
          <p class="error" id="org-error" role="alert">${this.queryError}</p>
        </div>
      </form>
      ${this.renderResults()}`;
  }

  private renderResults() {
    const r = this.results;
    if (r.status === 'idle') return nothing;
    if (r.status === 'searching') return html`<p class="muted" role="status">${t.searching}</p>`;
    if (r.status === 'error') {
      return html`<p class="error" role="alert">${r.message}</p>`;
    }
    if (r.items.length === 0) return html`<p role="status">${t.nothingFound}</p>`;
    return html`<p role="status">${t.found(r.items.length)}</p>
      <ul class="plain" aria-label=${t.results}>
        ${r.items.map(
          (org) =>
            html`<li>
              <button
                type="button"
                class="pick"
                @click=${() => this.dispatchEvent(new OrgPickedEvent(org))}
              >
                ${org.name} <span class="muted">· ${strings.kindName(org.kind)}</span>
              </button>
            </li>`,
        )}
      </ul>`;
  }

  private readonly search = async (e: Event): Promise<void> => {
    e.preventDefault();
    if (this.query.trim().length < 2) {
      this.queryError = t.tooShort;
      this.results = { status: 'idle' };
      return;
    }
    if (!this.find) return;
    const generation = ++this.#generation;
    this.results = { status: 'searching' };
    const r = await this.find(this.query);
    if (generation !== this.#generation) return;
    this.results = r.ok
      ? { status: 'ready', items: r.value }
      : { status: 'error', message: r.error.message };
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'flags-org-search': FlagsOrgSearch;
  }
  interface HTMLElementEventMap {
    'org-picked': OrgPickedEvent;
  }
}
