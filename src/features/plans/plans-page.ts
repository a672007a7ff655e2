import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { planFieldsSchema } from '../../domain/training-plan.ts';
import { describeError } from '../../data/describe-error.ts';
import { CurrentOrganizationController } from '../../state/current-organization-controller.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { fieldErrors } from '../../ui/form-errors.ts';
import { fieldStyles } from '../../ui/field-styles.ts';
import { NavigateEvent } from '../../ui/navigate-event.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import { createTemplate, observePlans, type PlanRow, type PlansData } from './plans-data.ts';
import { plansStrings as t } from './plans-strings.ts';

/**
 * The coach's plans, read from the device (offline too): their templates, the
 * athletes' copies (`?athlete=` keeps one athlete's), and a form for a new
 * template, which is a local edit like every other change here.
 */
@customElement('plans-page')
export class PlansPage extends LitElement {
  static override styles = [
    sharedStyles,
    fieldStyles,
    css`
      ul {
        list-style: none;
        margin: 0 0 var(--ts-space-5);
        padding: 0;
        display: grid;
        gap: var(--ts-space-2);
      }
      li a {
        display: grid;
        gap: var(--ts-space-1);
        min-height: 44px;
        text-decoration: none;
        color: inherit;
      }
      li a strong {
        color: var(--ts-color-link);
        overflow-wrap: anywhere;
      }
      form {
        display: grid;
        gap: var(--ts-space-3);
      }
      label {
        display: grid;
        gap: var(--ts-space-1);
        font-weight: 600;
      }
      h2 {
        font-size: 1.125rem;
        margin: var(--ts-space-5) 0 var(--ts-space-2);
      }
    `,
  ];

  readonly #query = new LocalQueryController(this, (engine, onChange: (d: PlansData) => void) =>
    observePlans(engine, onChange),
  );
  readonly #organization = new CurrentOrganizationController(this);
  @state() private planTitle = '';
  @state() private weeks = '4';
  @state() private errors: Record<string, string> = {};
  @state() private saveError = '';
  #athlete: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#athlete = new URLSearchParams(location.search).get('athlete');
  }

  override render() {
    const data = this.#query.value;
    if (!data) return html`<p class="muted" role="status">…</p>`;
    const athlete = this.#athlete;
    if (athlete) {
      const name = data.athletes.get(athlete) ?? '';
      return html`<h1>${t.athletePlansTitle(name)}</h1>
        ${this.renderCopies(
          data,
          data.copies.filter((p) => p.athlete_id === athlete),
        )}
        <p><a class="button secondary" href="/plans">${t.allPlans}</a></p>`;
    }
    if (data.staffOrgs.length === 0)
      return html`<h1>${t.title}</h1>
        <p>${t.staffOnly}</p>`;
    return html`<h1>${t.title}</h1>
      <h2>${t.templates}</h2>
      ${
        data.templates.length === 0
          ? html`<p class="muted">${t.noTemplates}</p>`
          : html`<ul aria-label=${t.templates}>
              ${data.templates.map((p) => this.renderPlan(p, t.weeksCount(p.weeks)))}
            </ul>`
      }
      ${this.renderNew(data)}
      <h2>${t.copies}</h2>
      ${this.renderCopies(data, data.copies)}`;
  }

  private renderCopies(data: PlansData, copies: PlanRow[]) {
    if (copies.length === 0) return html`<p class="muted">${t.noCopies}</p>`;
    return html`<ul aria-label=${t.copies}>
      ${copies.map((p) =>
        this.renderPlan(
          p,
          [
            data.athletes.get(p.athlete_id ?? '') ?? '',
            p.start_date ? t.startsOn(p.start_date) : '',
            t.weeksCount(p.weeks),
          ]
            .filter(Boolean)
            .join(' · '),
        ),
      )}
    </ul>`;
  }

  private renderPlan(p: PlanRow, meta: string) {
    return html`<li class="card">
      <a href="/plans/${p.id}">
        <strong>${p.title}</strong>
        <span class="muted">${meta}${p.status === 'archived' ? ` · ${t.archived}` : ''}</span>
      </a>
    </li>`;
  }

  private renderNew(data: PlansData) {
    const e = this.errors;
    return html`<section aria-labelledby="new-template">
      <h2 id="new-template">${t.newTemplate}</h2>
      <form novalidate @submit=${(ev: Event) => this.create(ev, data)}>
        <label
          >${t.planTitle}
          <input
            name="title"
            .value=${this.planTitle}
            aria-invalid=${e['title'] ? 'true' : 'false'}
            aria-describedby="title-error"
            @input=${(ev: Event) => (this.planTitle = (ev.target as HTMLInputElement).value)}
          />
          <p class="error" id="title-error" role="alert">${e['title'] ?? ''}</p>
        </label>
        <label
          >${t.weeks}
          <input
            name="weeks"
            type="number"
            inputmode="numeric"
            min="1"
            max="104"
            .value=${this.weeks}
            aria-invalid=${e['weeks'] ? 'true' : 'false'}
            aria-describedby="weeks-error"
            @input=${(ev: Event) => (this.weeks = (ev.target as HTMLInputElement).value)}
          />
          <p class="error" id="weeks-error" role="alert">${e['weeks'] ?? ''}</p>
        </label>
        ${this.saveError ? html`<ts-notice tone="error"><p>${this.saveError}</p></ts-notice>` : nothing}
        <div class="actions"><button class="button" type="submit">${t.create}</button></div>
      </form>
    </section>`;
  }

  private async create(e: Event, data: PlansData): Promise<void> {
    e.preventDefault();
    const engine = this.#query.engine;
    const current = this.#organization.currentId;
    const orgId = current && data.staffOrgs.includes(current) ? current : data.staffOrgs[0];
    if (!engine || !orgId) return;
    const parsed = planFieldsSchema.safeParse({
      title: this.planTitle,
      description: '',
      weeks: Number(this.weeks),
    });
    if (!parsed.success) {
      this.errors = fieldErrors(parsed.error);
      return;
    }
    this.errors = {};
    try {
      const id = await createTemplate(engine, orgId, parsed.data);
      this.dispatchEvent(new NavigateEvent(`/plans/${id}`));
    } catch (error) {
      this.saveError = describeError(error).message;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'plans-page': PlansPage;
  }
}
