import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { ContextConsumer } from '@lit/context';
import type { z } from 'zod';
import { formatDuration } from '../../domain/availability-form.ts';
import {
  coachPageFormSchema,
  formatPriceInput,
  sessionTypeFormSchema,
} from '../../domain/coach-page-form.ts';
import { normalizeSlug } from '../../domain/coach-slug.ts';
import type { ErrorDescription } from '../../data/describe-error.ts';
import { CurrentOrganizationController } from '../../state/current-organization-controller.ts';
import { OnlineController } from '../../state/online-controller.ts';
import { authContext, supabaseContext } from '../../state/contexts.ts';
import { fieldErrors, formValues } from '../../ui/form-errors.ts';
import { fieldStyles } from '../../ui/field-styles.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import '../../ui/photo-upload.ts';
import type { PhotoSelectedDetail } from '../../ui/photo-upload.ts';
import { photoUploadStrings } from '../../i18n/photo-upload-strings.ts';
import {
  loadMyStorefront,
  pagePhotoUrl,
  saveMyPage,
  setPagePhoto,
  saveSessionType,
  type MyCoachPage,
  type MySessionType,
} from './storefront-data.ts';
import { storefrontStrings } from './storefront-strings.ts';

const t = storefrontStrings;
const NEW = 'new';

type Load =
  | { status: 'idle' | 'loading' }
  | { status: 'error'; message: string; network: boolean }
  | { status: 'ready'; page: MyCoachPage | null; types: MySessionType[] };

/**
 * The coach's public page settings: on/off, the address (slug), the profile and
 * the session types the page offers. The tables are not synced, so this page
 * is online only: offline it says so, sends nothing and keeps what was typed
 * (the forms are not re-rendered from data until a save succeeds).
 */
@customElement('storefront-page')
export class StorefrontPage extends LitElement {
  static override styles = [
    sharedStyles,
    fieldStyles,
    css`
      form {
        display: grid;
        gap: var(--ts-space-3);
      }
      .field {
        display: grid;
        gap: var(--ts-space-1);
      }
      label {
        font-weight: 600;
      }
      input[type='text'],
      textarea {
        width: 100%;
      }
      textarea {
        min-height: 6rem;
        padding: var(--ts-space-2);
        resize: vertical;
      }
      .check {
        display: flex;
        gap: var(--ts-space-3);
        align-items: center;
        min-height: 44px;
      }
      .check input {
        width: 24px;
        height: 24px;
        min-height: 0;
        margin: 0;
        flex: none;
      }
      .preview {
        overflow-wrap: anywhere;
        font-weight: 600;
      }
      section {
        margin-top: var(--ts-space-6);
      }
      ul.types {
        list-style: none;
        margin: 0 0 var(--ts-space-4);
        padding: 0;
        display: grid;
        gap: var(--ts-space-4);
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ts-space-2);
      }
      .row .button {
        flex: 1 1 auto;
      }
      .pair {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: var(--ts-space-3);
      }
      .archived {
        color: var(--ts-color-muted);
        font-weight: 600;
      }
    `,
  ];

  readonly #client = new ContextConsumer(this, { context: supabaseContext });
  readonly #auth = new ContextConsumer(this, { context: authContext, subscribe: true });
  readonly #organization = new CurrentOrganizationController(this);
  readonly #online = new OnlineController(this);
  #loadedFor = '';
  #wasOnline = navigator.onLine;

  @state() private load: Load = { status: 'idle' };
  /** what the slug field holds now, for the address preview */
  @state() private slugTyped: string | null = null;
  /** per form (`page`, a session type's id, `new`): field → message */
  @state() private errors: Record<string, Record<string, string>> = {};
  /** per form: the outcome of its last save */
  @state() private notes: Record<string, { tone: 'success' | 'error' | 'warning'; text: string }> =
    {};
  @state() private busy = '';
  /** per form: bumped after a successful save so that form is drawn afresh from the stored row */
  @state() private generations: Record<string, number> = {};

  override willUpdate(): void {
    const org = this.staffOrg();
    const userId = this.userId();
    const client = this.#client.value;
    const backOnline = this.#online.online && !this.#wasOnline;
    this.#wasOnline = this.#online.online;
    const key = org && userId ? `${org.orgId}:${userId}` : '';
    if (
      client &&
      key &&
      (key !== this.#loadedFor || (backOnline && this.load.status === 'error'))
    ) {
      this.#loadedFor = key;
      void this.reload();
    }
  }

  override render() {
    return html`
      <h1>${t.title}</h1>
      <p class="muted">${t.intro}</p>
      <p><a href="/storefront/analytics">${t.statistics}</a></p>
      ${this.#online.online ? nothing : html`<ts-notice tone="warning"><p>${t.offline}</p></ts-notice>`}
      ${this.renderBody()}
    `;
  }

  private renderBody() {
    if (this.#organization.loaded && !this.staffOrg()) {
      return html`<ts-notice><p>${t.notCoach}</p></ts-notice>`;
    }
    const load = this.load;
    switch (load.status) {
      case 'idle':
      case 'loading':
        return html`<p class="muted" role="status">${t.loading}</p>`;
      case 'error':
        return html`<ts-notice tone="error"><p>${t.loadFailed}: ${load.message}</p></ts-notice>
          <p>
            <button class="button secondary" type="button" @click=${this.reload}>${t.retry}</button>
          </p>`;
      case 'ready':
        return html`<p class="muted">${t.forClub(this.staffOrg()?.name ?? '')}</p>
          ${this.renderPageForm(load.page)} ${this.renderPhoto(load.page)}
          ${this.renderSessionTypes(load.page, load.types)}`;
    }
  }

  private renderPageForm(page: MyCoachPage | null) {
    const e = this.errors['page'] ?? {};
    const slug = normalizeSlug(this.slugTyped ?? page?.slug ?? '');
    const field = (
      name: string,
      label: string,
      value: string,
      opts: { hint?: string; multiline?: boolean; autocomplete?: string } = {},
    ) => {
      const described = [opts.hint ? `${name}-hint` : '', `${name}-error`]
        .filter(Boolean)
        .join(' ');
      return html`<div class="field">
        <label for="page-${name}">${label}</label>
        ${
          opts.multiline
            ? html`<textarea
                id="page-${name}"
                name=${name}
                aria-invalid=${e[name] ? 'true' : 'false'}
                aria-describedby=${described}
                .defaultValue=${value}
              ></textarea>`
            : html`<input
                id="page-${name}"
                type="text"
                name=${name}
                autocomplete=${opts.autocomplete ?? 'off'}
                aria-invalid=${e[name] ? 'true' : 'false'}
                aria-describedby=${described}
                .defaultValue=${value}
                @input=${name === 'slug' ? this.onSlugInput : nothing}
              />`
        }
        ${opts.hint ? html`<p class="hint" id="${name}-hint">${opts.hint}</p>` : nothing}
        <p class="error" id="${name}-error">${e[name] ?? ''}</p>
      </div>`;
    };
    // keyed: after a save the form is drawn afresh from the stored row
    return keyed(
      this.generations['page'] ?? 0,
      html`<form class="card" novalidate @submit=${this.onSavePage} aria-label=${t.title}>
        <div class="check">
          <input
            id="page-published"
            type="checkbox"
            name="published"
            .defaultChecked=${page?.published ?? false}
          />
          <label for="page-published">${t.published}</label>
        </div>
        <p class="hint">${t.publishedHint}</p>
        ${field('slug', t.slug, page?.slug ?? '', { hint: t.slugHint })}
        <p class="preview" aria-live="polite">${t.preview(this.urlFor(slug || '…'))}</p>
        ${
          page?.published
            ? html`<p>
                <a href=${this.urlFor(page.slug)} target="_blank" rel="noopener">${t.open}</a>
              </p>`
            : nothing
        }
        <h2>${t.profile}</h2>
        ${field('display_name', t.displayName, page?.display_name ?? '', { autocomplete: 'name' })}
        ${field('bio', t.bio, page?.bio ?? '', { multiline: true })}
        ${field('sports', t.sports, (page?.sports ?? []).join(', '), { hint: t.sportsHint })}
        ${field('certifications', t.certifications, (page?.certifications ?? []).join('\n'), {
          hint: t.certificationsHint,
          multiline: true,
        })}
        ${field('place', t.place, page?.place ?? '')}
        ${field('languages', t.languages, (page?.languages ?? []).join(', '), { hint: t.languagesHint })}
        ${this.renderNote('page')}
        <button class="button" type="submit" ?disabled=${this.busy === 'page'}>
          ${this.busy === 'page' ? t.saving : t.save}
        </button>
      </form>`,
    );
  }

  private renderSessionTypes(page: MyCoachPage | null, types: MySessionType[]) {
    const s = t.sessions;
    return html`<section aria-labelledby="sessions-title">
      <h2 id="sessions-title">${s.title}</h2>
      <p class="muted">${s.intro}</p>
      ${
        page === null
          ? html`<p class="muted">${s.needsPage}</p>`
          : html`${
                types.length === 0
                  ? html`<p class="muted">${s.empty}</p>`
                  : html`<ul class="types">
                      ${types.map((type, i) => html`<li>${this.renderTypeForm(type, i, types)}</li>`)}
                    </ul>`
              }
              <h3>${s.newTitle}</h3>
              ${this.renderTypeForm(null, types.length, types)}`
      }
    </section>`;
  }

  private renderTypeForm(type: MySessionType | null, index: number, all: MySessionType[]) {
    const s = t.sessions;
    const key = type?.id ?? NEW;
    const e = this.errors[key] ?? {};
    const currency = type?.currency ?? all[0]?.currency ?? 'RUB';
    const id = (name: string) => `${key}-${name}`;
    const input = (name: string, label: string, value: string, mode?: string): TemplateResult =>
      html`<div class="field">
        <label for=${id(name)}>${label}</label>
        <input
          id=${id(name)}
          type="text"
          name=${name}
          inputmode=${mode ?? nothing}
          aria-invalid=${e[name] ? 'true' : 'false'}
          aria-describedby=${id(`${name}-error`)}
          .defaultValue=${value}
        />
        <p class="error" id=${id(`${name}-error`)}>${e[name] ?? ''}</p>
      </div>`;
    return keyed(
      `${key}:${this.generations[key] ?? 0}`,
      html`<form
        class="card"
        novalidate
        aria-label=${type?.name ?? s.newTitle}
        @submit=${(ev: SubmitEvent) => this.onSaveType(ev, type, currency, all.length)}
      >
        ${type && !type.active ? html`<p class="archived">${s.archived}</p>` : nothing}
        ${input('name', s.name, type?.name ?? '')}
        <div class="field">
          <label for=${id('description')}>${s.description}</label>
          <textarea
            id=${id('description')}
            name="description"
            aria-invalid=${e['description'] ? 'true' : 'false'}
            aria-describedby=${id('description-error')}
            .defaultValue=${type?.description ?? ''}
          ></textarea>
          <p class="error" id=${id('description-error')}>${e['description'] ?? ''}</p>
        </div>
        <div class="pair">
          ${input('duration_minutes', s.duration, formatDuration(type?.duration_minutes ?? 60), 'decimal')}
          ${input('price_minor', s.price(currency), formatPriceInput(type?.price_minor ?? 0, currency), 'decimal')}
        </div>
        ${this.renderNote(key)}
        <div class="row">
          <button class="button" type="submit" ?disabled=${this.busy === key}>
            ${type ? s.save : s.add}
          </button>
          ${
            type
              ? html`<button
                    class="button secondary"
                    type="button"
                    ?disabled=${this.busy === key}
                    @click=${() => void this.patchType(type, { active: !type.active })}
                  >
                    ${type.active ? s.archive : s.restore}
                  </button>
                  <button
                    class="button secondary"
                    type="button"
                    aria-label=${s.up(type.name)}
                    ?disabled=${index === 0 || this.busy !== ''}
                    @click=${() => void this.move(all, index, -1)}
                  >
                    ↑
                  </button>
                  <button
                    class="button secondary"
                    type="button"
                    aria-label=${s.down(type.name)}
                    ?disabled=${index === all.length - 1 || this.busy !== ''}
                    @click=${() => void this.move(all, index, 1)}
                  >
                    ↓
                  </button>`
              : nothing
          }
        </div>
      </form>`,
    );
  }

  private renderNote(key: string) {
    const note = this.notes[key];
    return note ? html`<ts-notice tone=${note.tone}><p>${note.text}</p></ts-notice>` : nothing;
  }

  private readonly onSlugInput = (e: Event): void => {
    this.slugTyped = (e.target as HTMLInputElement).value;
  };

  private async reload(): Promise<void> {
    const client = this.#client.value;
    const org = this.staffOrg();
    const userId = this.userId();
    if (!client || !org || !userId) return;
    this.load = { status: 'loading' };
    const result = await loadMyStorefront(client, org.orgId, userId);
    this.load = result.ok
      ? { status: 'ready', ...result.value }
      : { status: 'error', message: result.error.message, network: result.error.network };
  }

  /** offline (or the request never got through): say so and keep the form as typed */
  private refuseOffline(key: string, error?: ErrorDescription): boolean {
    if (navigator.onLine && !error?.network) return false;
    this.notes = { ...this.notes, [key]: { tone: 'warning', text: t.offline } };
    return true;
  }

  private invalid(key: string, error: z.ZodError): void {
    this.errors = { ...this.errors, [key]: fieldErrors(error) };
    this.notes = { ...this.notes, [key]: { tone: 'error', text: t.fixErrors } };
  }

  private clear(key: string): void {
    this.errors = { ...this.errors, [key]: {} };
    this.notes = Object.fromEntries(Object.entries(this.notes).filter(([k]) => k !== key));
  }

  /** the page's photo: uploaded on choice (a page must exist first, to carry it) */
  private renderPhoto(page: MyCoachPage | null) {
    const client = this.#client.value;
    if (!page || !client) return html`<p class="hint">${t.photoAfterSave}</p>`;
    const note = this.notes['photo'];
    // the control names itself («Фото»); a heading above it would say it twice
    return html`<section aria-label=${photoUploadStrings.label}>
      <ts-photo-upload
        src=${pagePhotoUrl(client, page)}
        alt=${page.display_name}
        ?busy=${this.busy === 'photo'}
        error=${note?.tone === 'error' ? note.text : ''}
        @photo-selected=${this.onPhoto}
      ></ts-photo-upload>
      ${note && note.tone !== 'error' ? this.renderNote('photo') : nothing}
    </section>`;
  }

  private async onPhoto(e: CustomEvent<PhotoSelectedDetail>): Promise<void> {
    const client = this.#client.value;
    const userId = this.userId();
    if (this.load.status !== 'ready' || !this.load.page || !client || !userId) return;
    this.clear('photo');
    if (this.refuseOffline('photo')) return;
    this.busy = 'photo';
    const result = await setPagePhoto(client, this.load.page, userId, e.detail.file, Date.now());
    this.busy = '';
    if (!result.ok) {
      this.notes = {
        ...this.notes,
        photo: { tone: 'error', text: photoUploadStrings.problems[result.problem] },
      };
      return;
    }
    this.load = { ...this.load, page: result.page };
    this.notes = { ...this.notes, photo: { tone: 'success', text: t.photoSaved } };
  }

  private async onSavePage(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const client = this.#client.value;
    const org = this.staffOrg();
    const userId = this.userId();
    if (this.load.status !== 'ready' || !client || !org || !userId) return;
    const before = this.load.page;
    const values = formValues(form);
    const published = (form.elements.namedItem('published') as HTMLInputElement).checked;
    const parsed = coachPageFormSchema.safeParse({ ...values, published });
    this.clear('page');
    if (!parsed.success) return this.invalid('page', parsed.error);
    if (this.refuseOffline('page')) return;
    this.busy = 'page';
    const result = await saveMyPage(
      client,
      before ? { id: before.id } : { orgId: org.orgId, coachId: userId },
      parsed.data,
    );
    this.busy = '';
    if (!result.ok) {
      if (this.refuseOffline('page', result.error)) return;
      if (result.error.hint === 'slug_taken' || result.error.code === '23505') {
        this.errors = { ...this.errors, page: { slug: t.slugTaken } };
        this.notes = { ...this.notes, page: { tone: 'error', text: t.slugTaken } };
      } else {
        this.notes = { ...this.notes, page: { tone: 'error', text: result.error.message } };
      }
      return;
    }
    const saved = result.value;
    const renamed = before && before.slug !== saved.slug;
    this.load = { ...this.load, page: saved };
    this.slugTyped = null;
    this.bump('page');
    this.notes = {
      ...this.notes,
      page: {
        tone: 'success',
        text: renamed ? t.renamed(this.urlFor(before.slug), this.urlFor(saved.slug)) : t.saved,
      },
    };
  }

  private async onSaveType(
    e: SubmitEvent,
    type: MySessionType | null,
    currency: string,
    count: number,
  ): Promise<void> {
    e.preventDefault();
    const key = type?.id ?? NEW;
    const parsed = sessionTypeFormSchema(currency).safeParse(
      formValues(e.currentTarget as HTMLFormElement),
    );
    this.clear(key);
    if (!parsed.success) return this.invalid(key, parsed.error);
    const org = this.staffOrg();
    const userId = this.userId();
    if (!org || !userId) return;
    await this.writeType(
      key,
      type ? { id: type.id } : { orgId: org.orgId, coachId: userId, currency, position: count + 1 },
      parsed.data,
    );
  }

  private async patchType(
    type: MySessionType,
    patch: { active?: boolean; position?: number },
  ): Promise<boolean> {
    this.clear(type.id);
    return this.writeType(type.id, { id: type.id }, patch);
  }

  private async writeType(
    key: string,
    target: Parameters<typeof saveSessionType>[1],
    patch: Parameters<typeof saveSessionType>[2],
  ): Promise<boolean> {
    const client = this.#client.value;
    if (!client || this.load.status !== 'ready') return false;
    if (this.refuseOffline(key)) return false;
    this.busy = key;
    const result = await saveSessionType(client, target, patch);
    this.busy = '';
    if (!result.ok) {
      if (!this.refuseOffline(key, result.error)) {
        this.notes = { ...this.notes, [key]: { tone: 'error', text: result.error.message } };
      }
      return false;
    }
    const saved = result.value;
    if (this.load.status !== 'ready') return true;
    const others = this.load.types.filter((x) => x.id !== saved.id);
    const types = [...others, saved].sort(
      (a, b) => a.position - b.position || a.name.localeCompare(b.name),
    );
    this.load = { ...this.load, types };
    // a new session type's form empties for the next one
    this.bump(key);
    this.bump(saved.id);
    this.notes = {
      ...this.notes,
      [saved.id]: { tone: 'success', text: t.sessions.saved(saved.name) },
    };
    return true;
  }

  /** swaps a session type with its neighbour; positions become 1…n in the new order */
  private async move(all: MySessionType[], index: number, step: -1 | 1): Promise<void> {
    const order = [...all];
    const [moved] = order.splice(index, 1);
    if (!moved) return;
    order.splice(index + step, 0, moved);
    for (const [i, type] of order.entries()) {
      if (type.position !== i + 1 && !(await this.patchType(type, { position: i + 1 }))) return;
    }
  }

  private bump(key: string): void {
    this.generations = { ...this.generations, [key]: (this.generations[key] ?? 0) + 1 };
  }

  private urlFor(slug: string): string {
    return `${location.origin}/${slug}`;
  }

  /** the current club, when the person may have a page there (coach and up) */
  private staffOrg() {
    const org = this.#organization.current;
    return org && ['owner', 'admin', 'coach'].includes(org.role) ? org : null;
  }

  private userId(): string | undefined {
    const auth = this.#auth.value;
    return auth?.status === 'signed-in' ? auth.user.id : undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'storefront-page': StorefrontPage;
  }
}
