import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ContextConsumer } from '@lit/context';
import { authContext, supabaseContext } from '../../state/contexts.ts';
import type { AuthState } from '../../state/auth-state.ts';
import { OnlineController } from '../../state/online-controller.ts';
import { MyOrganizationsController } from '../../state/my-organizations-controller.ts';
import { currentIntlTag, currentLocale } from '../../i18n/locale.ts';
import { strings } from '../../i18n/shell-strings.ts';
import { formatMoney } from '../../domain/money.ts';
import {
  CURRENCIES,
  discountFormSchema,
  priceText,
  productFormIssues,
  productFormSchema,
} from '../../domain/product-form.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-field.ts';
import '../../ui/ts-notice.ts';
import {
  type Dashboard,
  type DashboardProduct,
  createDiscountCode,
  loadDashboard,
  saveProduct,
  setDiscountCodeActive,
  setPartnerCode,
  setProductActive,
} from './products-data.ts';
import { productsStrings } from './products-strings.ts';

const t = productsStrings;

interface FormState {
  kind: 'product' | 'package';
  name: string;
  description: string;
  price: string;
  currency: (typeof CURRENCIES)[number];
  credits: string;
  validDays: string;
  listed: boolean;
  owner: 'club' | 'me';
  /** product id → quantity as typed */
  items: Record<string, string>;
}

const emptyForm = (owner: 'club' | 'me'): FormState => ({
  kind: 'package',
  name: '',
  description: '',
  price: '',
  currency: 'RUB',
  credits: '',
  validDays: '60',
  listed: true,
  owner,
  items: {},
});

/**
 * The products dashboard: what the club and its coaches sell, a form to create
 * or edit a product or a package (sessions and/or products), archive and
 * restore, the public link of a listed product, and (admins) discount codes.
 * Everything is on the server, so it works online only; going offline keeps
 * what is typed in the form and says why Save waits.
 */
@customElement('products-page')
export class ProductsPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      section {
        margin-bottom: var(--ts-space-6);
      }
      ul.list {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--ts-space-3);
      }
      li.card {
        display: grid;
        gap: var(--ts-space-1);
      }
      .line {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: var(--ts-space-1) var(--ts-space-3);
      }
      .name {
        font-weight: 700;
        overflow-wrap: anywhere;
      }
      .price {
        font-weight: 700;
        white-space: nowrap;
      }
      .muted {
        color: var(--ts-color-muted);
      }
      .tags {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ts-space-1);
      }
      .tag {
        padding: 1px var(--ts-space-2);
        border-radius: 999px;
        background: var(--ts-color-brand-soft);
        color: var(--ts-color-brand-strong);
        font-size: 0.875rem;
        font-weight: 600;
      }
      .tag.off {
        background: var(--ts-color-surface-2, #eee);
        color: var(--ts-color-muted);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ts-space-2);
        margin-top: var(--ts-space-2);
      }
      .actions > * {
        flex: 1 1 8rem;
      }
      fieldset {
        border: 0;
        margin: 0 0 var(--ts-space-4);
        padding: 0;
      }
      legend {
        font-weight: 600;
        margin-bottom: var(--ts-space-2);
      }
      label.check {
        display: flex;
        gap: var(--ts-space-2);
        align-items: flex-start;
        margin-bottom: var(--ts-space-4);
        min-height: 44px;
      }
      label.check input {
        width: 22px;
        height: 22px;
        margin: 2px 0 0;
        flex: none;
      }
      .item {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: var(--ts-space-3);
        margin-bottom: var(--ts-space-2);
      }
      .item input {
        width: 5rem;
        min-height: 44px;
        font: inherit;
        padding: 0 var(--ts-space-2);
      }
      .error {
        color: var(--ts-color-danger, #b00020);
        font-weight: 600;
      }
      a.public {
        overflow-wrap: anywhere;
      }
    `,
  ];

  readonly #client = new ContextConsumer(this, { context: supabaseContext });
  readonly #auth = new ContextConsumer(this, { context: authContext, subscribe: true });
  readonly #orgs = new MyOrganizationsController(this);
  readonly #online = new OnlineController(this);
  #loadedUser = '';
  #loadedOrg = '';
  #wasOnline = navigator.onLine;

  @state() private orgId = '';
  @state() private data: Dashboard | null = null;
  @state() private loadError = '';
  @state() private editing: string | null = null;
  @state() private form: FormState = emptyForm('me');
  @state() private issues: Partial<Record<string, string>> = {};
  @state() private saving = false;
  @state() private message: { tone: 'success' | 'error'; text: string } | null = null;
  @state() private code = { code: '', percentOff: '', maxRedemptions: '', validUntil: '' };
  @state() private codeIssues: Partial<Record<string, string>> = {};

  private get userId(): string {
    const auth: AuthState | undefined = this.#auth.value;
    return auth?.status === 'signed-in' ? auth.user.id : '';
  }

  private get staffOrgs() {
    const s = this.#orgs.state;
    const items = s.status === 'ready' || s.status === 'loading' ? (s.items ?? []) : [];
    return items.filter((o) => ['owner', 'admin', 'coach'].includes(o.role));
  }

  private get isAdmin(): boolean {
    return this.staffOrgs.some((o) => o.orgId === this.orgId && o.role !== 'coach');
  }

  override willUpdate(): void {
    const client = this.#client.value;
    const user = this.userId;
    if (client && user && user !== this.#loadedUser) {
      this.#loadedUser = user;
      void this.#orgs.load(client, user);
    }
    if (!this.orgId && this.staffOrgs[0]) {
      this.orgId = this.staffOrgs[0].orgId;
      this.form = emptyForm(this.isAdmin ? 'club' : 'me');
    }
    const backOnline = this.#online.online && !this.#wasOnline;
    this.#wasOnline = this.#online.online;
    if (this.orgId && this.#online.online && (this.orgId !== this.#loadedOrg || backOnline)) {
      this.#loadedOrg = this.orgId;
      void this.reload();
    }
  }

  private async reload(): Promise<void> {
    const client = this.#client.value;
    if (!client || !this.orgId) return;
    const res = await loadDashboard(client, this.orgId, this.isAdmin);
    if (res.ok) {
      this.data = res.value;
      this.loadError = '';
    } else {
      this.loadError = res.error.message;
    }
  }

  override render() {
    const s = this.#orgs.state;
    if (s.status === 'idle' || (s.status === 'loading' && !s.items)) {
      return html`<h1>${t.title}</h1>
        <p class="muted" role="status">${strings.loading}</p>`;
    }
    if (this.staffOrgs.length === 0) {
      return html`<h1>${t.title}</h1>
        <p class="card">${t.notStaff}</p>`;
    }
    return html`
      <h1>${t.title}</h1>
      <p class="muted">${t.intro}</p>
      ${this.staffOrgs.length > 1 ? this.renderOrgChoice() : nothing}
      ${this.#online.online ? nothing : html`<ts-notice><p>${t.needsNetwork}</p></ts-notice>`}
      ${
        this.loadError
          ? html`<ts-notice tone="error"><p>${t.loadFailed}: ${this.loadError}</p></ts-notice>`
          : nothing
      }
      ${this.renderList()} ${this.renderForm()} ${this.isAdmin ? this.renderCodes() : nothing}
    `;
  }

  private renderOrgChoice() {
    return html`<ts-field
      type="select"
      name="org"
      label=${t.organization}
      .value=${this.orgId}
      .options=${this.staffOrgs.map((o) => ({ value: o.orgId, label: o.name }))}
      @input=${(e: Event) => {
        this.orgId = (e.target as HTMLInputElement).value;
        this.data = null;
        this.editing = null;
        this.form = emptyForm(this.isAdmin ? 'club' : 'me');
      }}
    ></ts-field>`;
  }

  private canEdit(p: DashboardProduct): boolean {
    return this.isAdmin || p.coach_id === this.userId;
  }

  private contents(p: DashboardProduct): string {
    const names = (this.data?.items ?? [])
      .filter((i) => i.package_id === p.id)
      .map((i) => {
        const item = this.data?.products.find((x) => x.id === i.product_id);
        return item ? (i.quantity > 1 ? `${i.quantity} × ${item.name}` : item.name) : '';
      })
      .filter(Boolean);
    return names.join(', ');
  }

  private renderList() {
    const products = this.data?.products;
    return html`<section aria-labelledby="list">
      <h2 id="list">${t.list}</h2>
      ${
        !products
          ? this.#online.online
            ? html`<p class="muted" role="status">${strings.loading}</p>`
            : nothing
          : products.length === 0
            ? html`<p class="card">${t.empty}</p>`
            : html`<ul class="list">
                ${products.map((p) => this.renderProduct(p))}
              </ul>`
      }
    </section>`;
  }

  private renderProduct(p: DashboardProduct) {
    const contents = this.contents(p);
    const owner =
      p.coach_id === null ? t.clubOwned : p.coach_id === this.userId ? t.mine : t.coachOwned;
    const publicUrl = `${location.origin}/checkout/${p.id}`;
    return html`<li class="card" data-product=${p.id}>
      <span class="line">
        <span class="name">${p.name}</span>
        <span class="price">${formatMoney(p.price_minor, p.currency, currentIntlTag)}</span>
      </span>
      <span class="tags">
        <span class="tag">${t.kinds[p.kind]}</span>
        <span class="tag">${owner}</span>
        ${
          p.active
            ? html`<span class="tag ${p.listed ? '' : 'off'}"
                >${p.listed ? t.listed : t.unlisted}</span
              >`
            : html`<span class="tag off">${t.archived}</span>`
        }
      </span>
      ${
        p.kind === 'package' || (p.kind === 'course' && p.credits)
          ? html`<span class="muted"
              >${[
                p.credits ? t.credits(p.credits) : '',
                p.valid_days ? t.validity(p.valid_days) : '',
              ]
                .filter(Boolean)
                .join(' · ')}</span
            >`
          : nothing
      }
      ${contents ? html`<span class="muted">${t.contains(contents)}</span>` : nothing}
      ${
        p.active && p.listed
          ? html`<span class="muted"
              >${t.publicLink}: <a class="public" href=${publicUrl}>${publicUrl}</a></span
            >`
          : nothing
      }
      ${
        this.canEdit(p)
          ? html`<span class="actions">
              ${
                p.kind === 'course' && p.course_id
                  ? html`<a class="button secondary" href="/courses/${p.course_id}/edit"
                      >${t.editCourse}</a
                    >`
                  : html`<button
                      class="button secondary"
                      type="button"
                      @click=${() => this.edit(p)}
                    >
                      ${t.edit}
                    </button>`
              }
              <button
                class="button secondary"
                type="button"
                ?disabled=${!this.#online.online}
                @click=${() => this.toggleActive(p)}
              >
                ${p.active ? t.archive : t.restore}
              </button>
            </span>`
          : nothing
      }
    </li>`;
  }

  private edit(p: DashboardProduct): void {
    const comma = currentLocale === 'ru';
    this.editing = p.id;
    this.issues = {};
    this.message = null;
    this.form = {
      kind: p.kind === 'product' ? 'product' : 'package',
      name: p.name,
      description: p.description ?? '',
      price: priceText(p.price_minor, p.currency, comma),
      currency: (CURRENCIES as readonly string[]).includes(p.currency)
        ? (p.currency as FormState['currency'])
        : 'RUB',
      credits: p.credits === null ? '' : String(p.credits),
      validDays: p.valid_days === null ? '' : String(p.valid_days),
      listed: p.listed,
      owner: p.coach_id === null ? 'club' : 'me',
      items: Object.fromEntries(
        (this.data?.items ?? [])
          .filter((i) => i.package_id === p.id)
          .map((i) => [i.product_id, String(i.quantity)]),
      ),
    };
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector('#product-form')?.scrollIntoView(),
    );
  }

  private async toggleActive(p: DashboardProduct): Promise<void> {
    const client = this.#client.value;
    if (!client) return;
    const res = await setProductActive(client, p.id, !p.active);
    if (!res.ok) this.message = { tone: 'error', text: res.error.message };
    await this.reload();
  }

  private set<K extends keyof FormState>(key: K, value: FormState[K]): void {
    this.form = { ...this.form, [key]: value };
    if (this.issues[key]) this.issues = { ...this.issues, [key]: undefined };
    // a message about the last save no longer describes the form being edited
    if (this.message?.tone === 'error' && !Object.values(this.issues).some(Boolean)) {
      this.message = null;
    }
  }

  private field(name: keyof FormState & string, label: string, hint = '') {
    return html`<ts-field
      name=${name}
      label=${label}
      hint=${hint}
      .value=${String(this.form[name])}
      error=${this.issues[name] ?? ''}
      @input=${(e: Event) => this.set(name, (e.target as HTMLInputElement).value as never)}
    ></ts-field>`;
  }

  private renderForm() {
    const f = this.form;
    const candidates = (this.data?.products ?? []).filter(
      (p) =>
        p.id !== this.editing &&
        p.active &&
        p.kind !== 'plan' &&
        !(this.data?.items ?? []).some((i) => i.package_id === p.id),
    );
    return html`<section aria-labelledby="product-form">
      <h2 id="product-form">${this.editing ? t.form.editTitle(f.name || '…') : t.form.newTitle}</h2>
      <form class="card" novalidate @submit=${this.save}>
        <ts-field
          type="select"
          name="kind"
          label=${t.form.kind}
          hint=${t.form.kindHint}
          .value=${f.kind}
          .options=${[
            { value: 'package', label: t.form.kindPackage },
            { value: 'product', label: t.form.kindProduct },
          ]}
          @input=${(e: Event) =>
            this.set('kind', (e.target as HTMLInputElement).value as FormState['kind'])}
        ></ts-field>
        ${this.field('name', t.form.name)}
        ${this.field('description', t.form.description, t.form.descriptionHint)}
        ${this.field('price', t.form.price, t.form.priceHint(f.currency))}
        <ts-field
          type="select"
          name="currency"
          label=${t.form.currency}
          .value=${f.currency}
          .options=${CURRENCIES.map((c) => ({ value: c, label: c }))}
          @input=${(e: Event) =>
            this.set('currency', (e.target as HTMLInputElement).value as FormState['currency'])}
        ></ts-field>
        ${
          f.kind === 'package'
            ? html`${this.field('credits', t.form.credits, t.form.creditsHint)}
              ${this.field('validDays', t.form.validDays, t.form.validDaysHint)}
              ${
                candidates.length
                  ? html`<fieldset>
                      <legend>${t.form.items}</legend>
                      <p class="muted">${t.form.itemsHint}</p>
                      ${candidates.map(
                        (p) =>
                          html`<label class="item"
                            ><span>${p.name}</span
                            ><input
                              type="number"
                              min="0"
                              max="100"
                              inputmode="numeric"
                              name=${`item-${p.id}`}
                              .value=${f.items[p.id] ?? '0'}
                              @input=${(e: Event) => {
                                const v = (e.target as HTMLInputElement).value;
                                const items = Object.fromEntries(
                                  Object.entries({ ...this.form.items, [p.id]: v }).filter(
                                    ([, q]) => q !== '' && q !== '0',
                                  ),
                                );
                                this.set('items', items);
                              }}
                          /></label>`,
                      )}
                      ${
                        this.issues['items']
                          ? html`<p class="error">${this.issues['items']}</p>`
                          : nothing
                      }
                    </fieldset>`
                  : nothing
              }`
            : nothing
        }
        <label class="check"
          ><input
            type="checkbox"
            name="listed"
            .checked=${f.listed}
            @change=${(e: Event) => this.set('listed', (e.target as HTMLInputElement).checked)}
          />${t.form.listed}</label
        >
        ${
          this.isAdmin
            ? html`<ts-field
                type="select"
                name="owner"
                label=${t.form.owner}
                .value=${f.owner}
                .options=${[
                  { value: 'club', label: t.form.ownerClub },
                  { value: 'me', label: t.form.ownerMe },
                ]}
                @input=${(e: Event) =>
                  this.set('owner', (e.target as HTMLInputElement).value as FormState['owner'])}
              ></ts-field>`
            : nothing
        }
        ${
          this.message
            ? html`<ts-notice tone=${this.message.tone}><p>${this.message.text}</p></ts-notice>`
            : nothing
        }
        ${this.#online.online ? nothing : html`<ts-notice><p>${t.needsNetwork}</p></ts-notice>`}
        <div class="actions">
          <button class="button" type="submit" ?disabled=${this.saving || !this.#online.online}>
            ${this.saving ? t.form.saving : t.form.save}
          </button>
          ${
            this.editing
              ? html`<button class="button secondary" type="button" @click=${this.cancelEdit}>
                  ${t.form.cancel}
                </button>`
              : nothing
          }
        </div>
      </form>
    </section>`;
  }

  private cancelEdit = (): void => {
    this.editing = null;
    this.issues = {};
    this.form = emptyForm(this.isAdmin ? 'club' : 'me');
  };

  private save = async (e: Event): Promise<void> => {
    e.preventDefault();
    const client = this.#client.value;
    if (!client || !this.#online.online) return;
    const items: Record<string, number> = {};
    for (const [id, q] of Object.entries(this.form.items)) items[id] = Number(q);
    const parsed = productFormSchema.safeParse({ ...this.form, items });
    if (!parsed.success) {
      const found = productFormIssues(parsed.error);
      this.issues = Object.fromEntries(
        Object.entries(found).map(([k, v]) => [k, v ? t.issues[v] : '']),
      );
      this.message = { tone: 'error', text: t.form.fixErrors };
      return;
    }
    this.saving = true;
    this.message = null;
    const previous = (this.data?.items ?? []).filter((i) => i.package_id === this.editing);
    const res = await saveProduct(
      client,
      {
        id: this.editing,
        orgId: this.orgId,
        coachId: this.form.owner === 'club' && this.isAdmin ? null : this.userId,
      },
      parsed.data,
      previous,
    );
    this.saving = false;
    if (!res.ok) {
      this.message = {
        tone: 'error',
        text: res.error.code === '42501' ? t.issues.forbidden : res.error.message,
      };
      return;
    }
    this.message = { tone: 'success', text: t.form.saved(parsed.data.name) };
    this.editing = null;
    this.issues = {};
    this.form = emptyForm(this.isAdmin ? 'club' : 'me');
    await this.reload();
  };

  private renderCodes() {
    const codes = this.data?.codes ?? [];
    const partnership = this.data?.partnership ?? null;
    const c = this.code;
    const codeField = (name: keyof typeof c, label: string, hint = '', type = 'text') =>
      html`<ts-field
        name=${`code-${name}`}
        type=${type}
        label=${label}
        hint=${hint}
        .value=${c[name]}
        error=${this.codeIssues[name] ?? ''}
        @input=${(e: Event) => {
          this.code = { ...this.code, [name]: (e.target as HTMLInputElement).value };
          this.codeIssues = { ...this.codeIssues, [name]: undefined };
        }}
      ></ts-field>`;
    return html`<section aria-labelledby="codes">
      <h2 id="codes">${t.codes.title}</h2>
      <p class="muted">${t.codes.hint}</p>
      ${partnership ? html`<p class="muted">${t.codes.partnerHint}</p>` : nothing}
      ${
        codes.length === 0
          ? html`<p class="card">${t.codes.empty}</p>`
          : html`<ul class="list">
              ${codes.map(
                (d) =>
                  html`<li class="card" data-code=${d.code}>
                    <span class="line"
                      ><span class="name">${d.code}</span
                      ><span class="price">−${d.percent_off}%</span></span
                    >
                    ${
                      partnership?.codeId === d.id
                        ? html`<span class="chip">${t.codes.partner}</span>`
                        : nothing
                    }
                    <span class="muted"
                      >${[
                        t.codes.used(d.redemptions, d.max_redemptions),
                        d.valid_until
                          ? t.codes.until_(
                              new Intl.DateTimeFormat(currentIntlTag, {
                                dateStyle: 'medium',
                              }).format(new Date(d.valid_until)),
                            )
                          : '',
                        d.active ? '' : t.codes.inactive,
                      ]
                        .filter(Boolean)
                        .join(' · ')}</span
                    >
                    <span class="actions"
                      ><button
                        class="button secondary"
                        type="button"
                        ?disabled=${!this.#online.online}
                        @click=${() => this.toggleCode(d.id, !d.active)}
                      >
                        ${d.active ? t.codes.deactivate : t.codes.activate}
                      </button>
                      ${
                        partnership
                          ? html`<button
                              class="button secondary"
                              type="button"
                              aria-pressed=${partnership.codeId === d.id ? 'true' : 'false'}
                              ?disabled=${!this.#online.online}
                              @click=${() =>
                                this.choosePartnerCode(partnership.codeId === d.id ? null : d.id)}
                            >
                              ${partnership.codeId === d.id ? t.codes.unsetPartner : t.codes.setPartner}
                            </button>`
                          : nothing
                      }</span
                    >
                  </li>`,
              )}
            </ul>`
      }
      <form class="card" novalidate @submit=${this.createCode}>
        ${codeField('code', t.codes.code)} ${codeField('percentOff', t.codes.percent)}
        ${codeField('maxRedemptions', t.codes.limit, t.codes.limitHint)}
        ${codeField('validUntil', t.codes.until, t.codes.untilHint, 'date')}
        <button class="button block" type="submit" ?disabled=${!this.#online.online}>
          ${t.codes.create}
        </button>
      </form>
    </section>`;
  }

  private async choosePartnerCode(codeId: string | null): Promise<void> {
    const client = this.#client.value;
    if (!client) return;
    const res = await setPartnerCode(client, this.orgId, codeId);
    if (!res.ok) this.message = { tone: 'error', text: res.error.message };
    await this.reload();
  }

  private async toggleCode(id: string, active: boolean): Promise<void> {
    const client = this.#client.value;
    if (!client) return;
    const res = await setDiscountCodeActive(client, id, active);
    if (!res.ok) this.message = { tone: 'error', text: res.error.message };
    await this.reload();
  }

  private createCode = async (e: Event): Promise<void> => {
    e.preventDefault();
    const client = this.#client.value;
    if (!client || !this.#online.online) return;
    const parsed = discountFormSchema.safeParse(this.code);
    if (!parsed.success) {
      const out: Partial<Record<string, string>> = {};
      for (const i of parsed.error.issues) {
        const key = String(i.path[0]);
        out[key] ??= t.issues[i.message as keyof typeof t.issues] ?? i.message;
      }
      this.codeIssues = out;
      return;
    }
    const res = await createDiscountCode(client, this.orgId, parsed.data);
    if (!res.ok) {
      this.codeIssues = { code: res.error.code === '23505' ? t.issues.taken : res.error.message };
      return;
    }
    this.code = { code: '', percentOff: '', maxRedemptions: '', validUntil: '' };
    await this.reload();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'products-page': ProductsPage;
  }
}
