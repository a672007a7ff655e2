import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { adminStrings as t } from '../features/admin/index.ts';
import { sharedStyles } from '../ui/shared-styles.ts';
import { CurrentOrganizationController } from '../state/current-organization-controller.ts';
import { shortOrganizationName } from '../domain/current-organization.ts';

/**
 * Chooses the current organization, for people in several (it renders nothing
 * for one). `compact` fits the app bar at 360 px: a narrow select whose label is
 * for screen readers only; otherwise a labelled field with a hint, for the home
 * page.
 */
@customElement('organization-switch')
export class OrganizationSwitch extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        min-width: 0;
      }
      label {
        display: grid;
        gap: var(--ts-space-1);
        font-weight: 600;
      }
      select {
        font: inherit;
        font-weight: 400;
        min-height: 44px;
        max-width: 100%;
        padding: 0 var(--ts-space-2);
        border: 1px solid var(--ts-color-border-strong);
        border-radius: 8px;
        background: var(--ts-color-surface);
        color: var(--ts-color-text);
      }
      :host([compact]) select {
        width: auto;
        max-width: 8.5rem;
        padding: 0 var(--ts-space-1);
        font-size: 0.875rem;
        text-overflow: ellipsis;
      }
      .hint {
        font-weight: 400;
        color: var(--ts-color-muted);
        font-size: 0.9375rem;
      }
    `,
  ];

  /** app-bar size: no visible label */
  @property({ type: Boolean, reflect: true }) compact = false;

  readonly #organization = new CurrentOrganizationController(this);

  override updated(): void {
    // in the app bar, a real choice of clubs takes the room of the product name
    if (this.compact)
      this.#bar()?.toggleAttribute('crowded', this.#organization.organizations.length > 1);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.compact) this.#bar()?.removeAttribute('crowded');
  }

  #bar(): Element | null {
    return this.closest('ts-app-bar');
  }

  override render() {
    const { organizations, currentId } = this.#organization;
    if (organizations.length < 2) return nothing;
    // the app bar has room for «Старт», not for "Лёгкоатлетический клуб «Старт»";
    // full names wherever the short ones would be ambiguous
    const shorts = organizations.map((o) => shortOrganizationName(o.name));
    const useShort = this.compact && new Set(shorts).size === shorts.length;
    const label = (name: string): string => (useShort ? shortOrganizationName(name) : name);
    const select = html`<select
      aria-label=${this.compact ? t.switcher.label : nothing}
      aria-describedby=${this.compact ? nothing : 'switch-hint'}
      @change=${(e: Event) => this.#organization.select((e.target as HTMLSelectElement).value)}
    >
      ${organizations.map(
        (o) =>
          html`<option value=${o.orgId} title=${o.name} .selected=${o.orgId === currentId}>
            ${label(o.name)}
          </option>`,
      )}
    </select>`;
    return this.compact
      ? select
      : html`<label
          >${t.switcher.homeLabel}
          <span class="hint" id="switch-hint">${t.switcher.hint}</span>
          ${select}
        </label>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'organization-switch': OrganizationSwitch;
  }
}
