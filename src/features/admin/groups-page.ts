import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { adminStrings } from './admin-strings.ts';
import { describeError } from '../../data/describe-error.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import '../../ui/ts-notice.ts';
import { adminGate, adminHeader, adminStyles } from './admin-chrome.ts';
import { observeAdminData, type AdminData, type AdminGroup } from './admin-data.ts';
import { parseGroupDraft, renderGroupFields, type GroupDraft } from './group-form.ts';
import { NavigateEvent } from '../../ui/navigate-event.ts';

const t = adminStrings.groups;

/**
 * An organization's training groups with their coaches and athlete counts, and
 * a form for a new group. Groups are synced, so this works offline: creating is
 * a local edit that reaches the server through the outbox, and a refusal shows
 * on the sync issues page.
 */
@customElement('groups-page')
export class GroupsPage extends LitElement {
  static override styles = [sharedStyles, adminStyles];

  /** from the URL */
  @property() orgId = '';

  readonly #query = new LocalQueryController(
    this,
    (engine, onChange: (data: AdminData) => void) =>
      observeAdminData(engine, { orgId: this.orgId }, onChange),
    { key: () => this.orgId },
  );
  @state() private draft: GroupDraft = { name: '', season: '' };
  @state() private errors: Record<string, string> = {};
  @state() private saveError = '';

  override render() {
    const data = this.#query.value;
    const gate = adminGate(data, t.title);
    if (gate || !data) return gate;
    return html`
      <h1>${t.title}</h1>
      ${adminHeader(data, 'groups')}
      ${
        data.groups.length === 0
          ? html`<p class="card">${t.none}</p>`
          : html`<ul class="cards" aria-label=${t.title}>
              ${data.groups.map((g) => this.renderGroup(data, g))}
            </ul>`
      }
      <section aria-labelledby="new-group">
        <h2 id="new-group">${t.newTitle}</h2>
        <form novalidate @submit=${this.create}>
          ${renderGroupFields('new', this.draft, this.errors, (e) => this.onInput(e))}
          ${
            this.saveError
              ? html`<ts-notice tone="error"><p>${this.saveError}</p></ts-notice>`
              : nothing
          }
          <div class="actions">
            <button class="button" type="submit">${t.submit}</button>
          </div>
        </form>
      </section>
    `;
  }

  private renderGroup(data: AdminData, g: AdminGroup) {
    const names = new Map(data.members.map((m) => [m.userId, m.name]));
    const coaches = g.coaches.map((c) => names.get(c.userId) ?? '').filter((n) => n !== '');
    return html`<li class="card">
      <a class="name" href="/groups/${g.id}">${g.name}</a>
      <span class="muted">${[g.season, t.athletes(g.athletes)].filter(Boolean).join(' · ')}</span>
      <span
        >${t.coaches}:
        ${coaches.length > 0 ? coaches.join(', ') : html`<span class="muted">${t.noCoach}</span>`}</span
      >
    </li>`;
  }

  private onInput(e: Event): void {
    const target = e.target as HTMLInputElement;
    this.draft = { ...this.draft, [target.name]: target.value };
    if (this.errors[target.name]) {
      this.errors = Object.fromEntries(
        Object.entries(this.errors).filter(([k]) => k !== target.name),
      );
    }
  }

  private async create(e: Event): Promise<void> {
    e.preventDefault();
    const engine = this.#query.engine;
    const data = this.#query.value;
    if (!engine || !data?.orgId) return;
    this.saveError = '';
    const parsed = parseGroupDraft(this.draft, data.groups, null);
    if (!parsed.ok) {
      this.errors = parsed.errors;
      const first = Object.keys(parsed.errors)[0];
      this.renderRoot.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    this.errors = {};
    const id = crypto.randomUUID();
    try {
      await engine.change({
        table: 'training_groups',
        op: 'insert',
        row: { id, org_id: data.orgId, ...parsed.form },
      });
      this.draft = { name: '', season: '' };
      // next: choose who leads it
      this.dispatchEvent(new NavigateEvent(`/groups/${id}`));
    } catch (error) {
      this.saveError = describeError(error).message;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'groups-page': GroupsPage;
  }
}
