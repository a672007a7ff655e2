import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  athleteContactSchema,
  BIRTH_DATE_MIN,
  contactValue,
  latestBirthDate,
} from '../../domain/athlete-contact.ts';
import { describeError } from '../../data/describe-error.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { fieldErrors } from '../../ui/form-errors.ts';
import { fieldStyles } from '../../ui/field-styles.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import {
  observeAthleteContacts,
  saveAthleteContacts,
  type AthleteContactsData,
} from './athlete-contacts-data.ts';
import { contactsStrings as t } from './contacts-strings.ts';

type Field = 'guardian_name' | 'guardian_phone' | 'guardian_email' | 'phone' | 'birth_date';
type Draft = Record<Field, string>;

const emptyDraft: Draft = {
  guardian_name: '',
  guardian_phone: '',
  guardian_email: '',
  phone: '',
  birth_date: '',
};

/** the device clock, at the edge: the domain takes it injected */
const deviceClock = { now: () => Date.now() };

/**
 * An athlete's contacts, for the staff who look after them: a parent's or
 * guardian's name with a phone or an email, the athlete's phone and birth date.
 * All optional. Saved as a local edit (offline too), validated as the database
 * validates. Draws nothing for anyone who is not staff of the athlete's club.
 */
@customElement('athlete-contacts')
export class AthleteContacts extends LitElement {
  static override styles = [
    sharedStyles,
    fieldStyles,
    css`
      :host {
        display: block;
        margin-top: var(--ts-space-4);
      }
      form {
        display: grid;
        gap: var(--ts-space-3);
      }
      fieldset {
        display: grid;
        gap: var(--ts-space-3);
        margin: 0;
        padding: var(--ts-space-3);
        border: 1px solid var(--ts-color-border);
        border-radius: 8px;
      }
      legend {
        font-weight: 700;
        padding: 0 var(--ts-space-1);
      }
      label {
        display: grid;
        gap: var(--ts-space-1);
        font-weight: 600;
      }
      h2 {
        font-size: 1.125rem;
        margin: 0 0 var(--ts-space-1);
      }
    `,
  ];

  @property() athleteId = '';

  readonly #contacts = new LocalQueryController(
    this,
    (engine, onChange: (data: AthleteContactsData) => void) => {
      this.#dirty = false;
      return observeAthleteContacts(engine, this.athleteId, onChange);
    },
    { key: () => this.athleteId, onChange: (data) => this.followStored(data) },
  );
  @state() private draft: Draft = emptyDraft;
  @state() private errors: Record<string, string> = {};
  @state() private saveMessage = '';
  @state() private saveError = '';
  /** the form follows the stored row until the user starts typing */
  #dirty = false;

  private followStored(data: AthleteContactsData): void {
    if (this.#dirty) return;
    const c = data.contacts;
    this.draft = c
      ? {
          guardian_name: c.guardian_name ?? '',
          guardian_phone: c.guardian_phone ?? '',
          guardian_email: c.guardian_email ?? '',
          phone: c.phone ?? '',
          birth_date: c.birth_date ?? '',
        }
      : emptyDraft;
  }

  override render() {
    const data = this.#contacts.value;
    if (!data?.staff || !data.orgId) return nothing;
    return html`<section class="card" aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">${t.title}</h2>
      <p class="muted">${t.staffOnly}</p>
      <form novalidate @submit=${this.save}>
        <fieldset>
          <legend>${t.guardian}</legend>
          ${this.renderInput('guardian_name', t.guardianName, { autocomplete: 'off' })}
          ${this.renderInput('guardian_phone', t.guardianPhone, {
            type: 'tel',
            autocomplete: 'off',
            hint: t.phoneHint,
          })}
          ${this.renderInput('guardian_email', t.guardianEmail, {
            type: 'email',
            autocomplete: 'off',
          })}
        </fieldset>
        ${this.renderInput('phone', t.phone, { type: 'tel', autocomplete: 'off' })}
        ${this.renderInput('birth_date', t.birthDate, {
          type: 'date',
          min: BIRTH_DATE_MIN,
          max: latestBirthDate(deviceClock),
        })}
        ${
          this.saveError
            ? html`<ts-notice tone="error"><p>${this.saveError}</p></ts-notice>`
            : nothing
        }
        <p role="status" class="muted">${this.saveMessage}</p>
        <div class="actions">
          <button class="button secondary" type="submit">${t.save}</button>
        </div>
      </form>
    </section>`;
  }

  private renderInput(
    name: Field,
    label: string,
    options: { type?: string; autocomplete?: string; hint?: string; min?: string; max?: string },
  ) {
    const error = this.errors[name] ?? '';
    const id = `contact-${name}`;
    const describedBy = [options.hint ? `${id}-hint` : '', `${id}-error`].join(' ').trim();
    return html`<label
      >${label}
      ${options.hint ? html`<span class="hint" id="${id}-hint">${options.hint}</span>` : nothing}
      <input
        name=${name}
        type=${options.type ?? 'text'}
        autocomplete=${options.autocomplete ?? 'off'}
        min=${options.min ?? nothing}
        max=${options.max ?? nothing}
        .value=${this.draft[name]}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy}
        @input=${this.onInput}
      />
      <p class="error" id="${id}-error" role="alert">${error}</p>
    </label>`;
  }

  private onInput(e: Event): void {
    const target = e.target as HTMLInputElement;
    this.#dirty = true;
    this.draft = { ...this.draft, [target.name]: target.value };
    this.saveMessage = '';
    if (this.errors[target.name]) {
      this.errors = Object.fromEntries(
        Object.entries(this.errors).filter(([k]) => k !== target.name),
      );
    }
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    const engine = this.#contacts.engine;
    const orgId = this.#contacts.value?.orgId;
    if (!engine || !orgId) return;
    this.saveError = '';
    this.saveMessage = '';
    const d = this.draft;
    const parsed = athleteContactSchema(deviceClock).safeParse({
      guardian_name: contactValue(d.guardian_name),
      guardian_phone: contactValue(d.guardian_phone),
      guardian_email: contactValue(d.guardian_email),
      phone: contactValue(d.phone),
      birth_date: contactValue(d.birth_date),
    });
    if (!parsed.success) {
      this.errors = fieldErrors(parsed.error);
      const first = Object.keys(this.errors)[0];
      this.renderRoot.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    this.errors = {};
    try {
      await saveAthleteContacts(engine, this.athleteId, orgId, parsed.data);
      this.#dirty = false;
      this.saveMessage = t.saved;
    } catch (error) {
      this.saveError = describeError(error).message;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'athlete-contacts': AthleteContacts;
  }
}
