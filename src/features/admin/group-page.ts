import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { adminStrings } from './admin-strings.ts';
import { hasRoleAtLeast } from '../../domain/organization.ts';
import { describeError } from '../../data/describe-error.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { strings } from '../../i18n/shell-strings.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import { adminGate, adminHeader, adminStyles } from './admin-chrome.ts';
import { observeAdminData, type AdminData, type AdminGroup } from './admin-data.ts';
import { parseGroupDraft, renderGroupFields, type GroupDraft } from './group-form.ts';
import { NavigateEvent } from '../../ui/navigate-event.ts';

const t = adminStrings.group;

/**
 * One training group: rename it or change its season, choose which of the
 * organization's coaches lead it, archive it once it has no athletes. Every
 * change is a local edit through the outbox (training_groups and
 * training_group_coaches are synced), so it works offline.
 */
@customElement('group-page')
export class GroupPage extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      fieldset {
        border: 1px solid var(--ts-color-border);
        border-radius: var(--ts-radius);
        padding: var(--ts-space-3) var(--ts-space-4);
        margin: 0;
        display: grid;
        gap: var(--ts-space-2);
        min-width: 0;
      }
      legend {
        font-weight: 700;
        padding: 0 var(--ts-space-1);
      }
      label.check {
        display: flex;
        align-items: center;
        gap: var(--ts-space-2);
        min-height: 44px;
        font-weight: 400;
      }
      label.check input {
        min-height: 0;
        width: 1.25rem;
        height: 1.25rem;
        flex: none;
      }
    `,
  ];

  /** from the URL */
  @property() groupId = '';

  readonly #admin = new LocalQueryController(
    this,
    (engine, onChange: (data: AdminData) => void) => {
      this.#dirty = false;
      return observeAdminData(engine, { groupId: this.groupId }, onChange);
    },
    {
      key: () => this.groupId,
      onChange: () => {
        const group = this.group();
        if (group && !this.#dirty) this.draft = { name: group.name, season: group.season ?? '' };
      },
    },
  );
  /** the form follows the stored row until the user starts typing */
  #dirty = false;
  @state() private draft: GroupDraft = { name: '', season: '' };
  @state() private errors: Record<string, string> = {};
  @state() private message = '';
  @state() private saveError = '';

  private get data(): AdminData | undefined {
    return this.#admin.value;
  }

  private group(): AdminGroup | undefined {
    return this.data?.groups.find((g) => g.id === this.groupId);
  }

  override render() {
    const data = this.data;
    if (data && data.orgId === null) return this.renderMissing();
    const gate = adminGate(data, adminStrings.groups.title);
    if (gate || !data) return gate;
    const group = this.group();
    if (!group) return this.renderMissing();
    return html`
      <h1>${group.name}</h1>
      ${adminHeader(data, 'groups')}
      <p role="status" class="muted">${this.message}</p>
      ${this.saveError ? html`<ts-notice tone="error"><p>${this.saveError}</p></ts-notice>` : nothing}
      <section aria-labelledby="details" class="first">
        <h2 id="details">${t.details}</h2>
        <form novalidate @submit=${this.save}>
          ${renderGroupFields('group', this.draft, this.errors, (e) => this.onInput(e))}
          <div class="actions">
            <button class="button" type="submit">${t.save}</button>
          </div>
        </form>
      </section>
      ${this.renderCoaches(data, group)} ${this.renderArchive(group)}
    `;
  }

  private renderMissing() {
    return html`<h1>${adminStrings.groups.title}</h1>
      <p>${t.notFound}</p>
      <p><a class="button secondary" href="/">${strings.notFound.home}</a></p>`;
  }

  private renderCoaches(data: AdminData, group: AdminGroup) {
    const staff = data.members.filter((m) => hasRoleAtLeast(m.role, 'coach'));
    const assigned = new Map(group.coaches.map((c) => [c.userId, c.id]));
    return html`<section>
      <fieldset aria-describedby="coaches-hint">
        <legend>${t.coachesLegend}</legend>
        <p class="hint" id="coaches-hint">${t.coachesHint}</p>
        ${
          staff.length === 0
            ? html`<p>${t.noStaff}</p>`
            : staff.map(
                (m) =>
                  html`<label class="check"
                    ><input
                      type="checkbox"
                      .checked=${assigned.has(m.userId)}
                      @change=${(e: Event) =>
                        this.toggleCoach(
                          data,
                          group,
                          m.userId,
                          (e.target as HTMLInputElement).checked,
                        )}
                    />
                    <span>${m.name} <span class="muted">(${strings.roleName(m.role)})</span></span>
                  </label>`,
              )
        }
      </fieldset>
    </section>`;
  }

  private renderArchive(group: AdminGroup) {
    const blocked = group.athletes > 0;
    return html`<section>
      ${blocked ? html`<p class="hint" id="archive-hint">${t.archiveHint}</p>` : nothing}
      <button
        class="button secondary"
        type="button"
        ?disabled=${blocked}
        aria-describedby=${blocked ? 'archive-hint' : nothing}
        @click=${() => this.archive(group)}
      >
        ${t.archive}
      </button>
    </section>`;
  }

  private onInput(e: Event): void {
    const target = e.target as HTMLInputElement;
    this.#dirty = true;
    this.message = '';
    this.draft = { ...this.draft, [target.name]: target.value };
    if (this.errors[target.name]) {
      this.errors = Object.fromEntries(
        Object.entries(this.errors).filter(([k]) => k !== target.name),
      );
    }
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    const engine = this.#admin.engine;
    const data = this.data;
    if (!engine || !data) return;
    this.saveError = '';
    const parsed = parseGroupDraft(this.draft, data.groups, this.groupId);
    if (!parsed.ok) {
      this.errors = parsed.errors;
      const first = Object.keys(parsed.errors)[0];
      this.renderRoot.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    this.errors = {};
    await this.apply(
      () =>
        engine.change({
          table: 'training_groups',
          op: 'update',
          id: this.groupId,
          patch: parsed.form,
        }),
      adminStrings.groups.saved,
    );
    this.#dirty = false;
  }

  private async toggleCoach(
    data: AdminData,
    group: AdminGroup,
    userId: string,
    lead: boolean,
  ): Promise<void> {
    const engine = this.#admin.engine;
    if (!engine || !data.orgId) return;
    const orgId = data.orgId;
    const existing = group.coaches.find((c) => c.userId === userId);
    if (lead && !existing) {
      await this.apply(
        () =>
          engine.change({
            table: 'training_group_coaches',
            op: 'insert',
            row: { id: crypto.randomUUID(), org_id: orgId, group_id: group.id, user_id: userId },
          }),
        adminStrings.groups.saved,
      );
    } else if (!lead && existing) {
      await this.apply(
        () => engine.change({ table: 'training_group_coaches', op: 'delete', id: existing.id }),
        adminStrings.groups.saved,
      );
    }
  }

  private async archive(group: AdminGroup): Promise<void> {
    const engine = this.#admin.engine;
    const orgId = this.data?.orgId;
    if (!engine || !orgId || !confirm(t.confirmArchive(group.name))) return;
    const ok = await this.apply(
      () => engine.change({ table: 'training_groups', op: 'delete', id: group.id }),
      t.archived,
    );
    if (ok) this.dispatchEvent(new NavigateEvent(`/org/${orgId}/groups`, { replace: true }));
  }

  private async apply(change: () => Promise<void>, done: string): Promise<boolean> {
    this.saveError = '';
    try {
      await change();
      this.message = done;
      return true;
    } catch (error) {
      this.saveError = describeError(error).message;
      return false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'group-page': GroupPage;
  }
}
