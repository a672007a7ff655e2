import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { emailEnabled, emailKindsFor, type EmailKind } from '../../domain/email-kinds.ts';
import { CurrentOrganizationController } from '../../state/current-organization-controller.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { moneyStrings } from './money-strings.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import { observeEmailPreferences } from './email-preference-data.ts';

const t = moneyStrings.email;

/**
 * Each kind of email on or off for me. A switch is a local edit (row + outbox in
 * one transaction), so it works offline and syncs later; a refusal lands on /sync.
 */
@customElement('email-settings-page')
export class EmailSettingsPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--ts-space-3);
      }
      label {
        display: flex;
        align-items: center;
        gap: var(--ts-space-3);
        min-height: 44px;
        cursor: pointer;
        overflow-wrap: anywhere;
      }
      input {
        flex: none;
        width: 24px;
        height: 24px;
        margin: 0;
      }
    `,
  ];

  readonly #query = new LocalQueryController(this, observeEmailPreferences);
  /** the user's roles in their organizations: the coaches' switches are for coaches */
  readonly #organizations = new CurrentOrganizationController(this);
  @state() private saved = '';

  override render() {
    const rows = this.#query.value;
    return html`
      <h1>${t.title}</h1>
      <p class="muted">${t.intro}</p>
      ${
        rows
          ? html`<ul aria-label=${t.title}>
              ${emailKindsFor(this.staff()).map(
                (kind) =>
                  html`<li class="card">
                    <label>
                      <input
                        type="checkbox"
                        name=${kind}
                        .checked=${emailEnabled(rows, kind)}
                        @change=${(e: Event) =>
                          void this.toggle(kind, (e.target as HTMLInputElement).checked)}
                      />
                      <span>${t.kind(kind)}</span>
                    </label>
                  </li>`,
              )}
            </ul>`
          : html`<p class="muted" role="status">${t.loading}</p>`
      }
      <p class="muted" role="status">${this.saved}</p>
    `;
  }

  /** coach or admin in some organization (athletes get no booking notices) */
  private staff(): boolean {
    return this.#organizations.organizations.some((o) =>
      ['owner', 'admin', 'coach'].includes(o.role),
    );
  }

  private async toggle(kind: EmailKind, enabled: boolean): Promise<void> {
    const engine = this.#query.engine;
    if (!engine) return;
    const row = this.#query.value?.find((r) => r.kind === kind);
    // only the columns a person may insert (id, user_id, kind, enabled)
    await engine.change(
      row
        ? { table: 'email_preferences', op: 'update', id: row.id, patch: { enabled } }
        : {
            table: 'email_preferences',
            op: 'insert',
            row: { id: crypto.randomUUID(), user_id: engine.userId, kind, enabled },
          },
    );
    this.saved = t.saved;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'email-settings-page': EmailSettingsPage;
  }
}
