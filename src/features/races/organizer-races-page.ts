import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatMoney } from '../../domain/money.ts';
import {
  PLACEMENT_SLOTS,
  RACE_STATUSES,
  addDays,
  distancesFromKm,
  firstBadField,
  kmText,
  perkFormSchema,
  placementFormSchema,
  raceFormSchema,
} from '../../domain/races.ts';
import { currentIntlTag } from '../../i18n/locale.ts';
import { strings } from '../../i18n/shell-strings.ts';
import { supabaseContext } from '../../state/contexts.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { OnlineController } from '../../state/online-controller.ts';
import { chipStyles, statusToneStyles } from '../../ui/chip-styles.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import { loadAdminChrome } from '../admin/index.ts';
import {
  addPerk,
  addPlacement,
  attachRacePlan,
  detachRacePlan,
  loadOrganizerRaces,
  loadRaceFigures,
  removePerk,
  removePlacement,
  saveRace,
  type OrganizerRaces,
  type ParticipantFigure,
  type RaceFigures,
  type RaceRow,
  type Result,
} from './races-data.ts';
import { observeOrganizerFrame, type OrganizerFrame } from './races-local-data.ts';
import { formatRaceDate } from './race-format.ts';
import { racesStrings as t } from './races-strings.ts';

// the admin screens' gate and form styles, loaded with this page
const { adminGate, adminStyles } = await loadAdminChrome();

type Loaded =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; data: OrganizerRaces; figures: Record<string, RaceFigures> };

const statusTone = { draft: 'neutral', published: 'success', cancelled: 'danger' } as const;

/** the form's fields as text */
function fields(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new FormData(form)) if (typeof v === 'string') out[k] = v;
  return out;
}

const ZONES: readonly string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['Europe/Moscow'];
  }
})();

/**
 * A race organizer's races, for its owners and admins: the partnership (tier,
 * contact, the discount participants get); each race with its status, date,
 * place and distances, created and edited here (published when ready); the plan
 * products sold for it (attached from the organization's products that give a
 * plan, for one of its distances or any); sponsors' banners with their views and
 * clicks, and perks; the participants per distance — aggregates only, a cell of
 * fewer than 5 people reads «меньше 5». Everything is the server's, so the page
 * needs the network; with race_partnerships off it says so.
 */
@customElement('organizer-races-page')
export class OrganizerRacesPage extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    chipStyles,
    statusToneStyles,
    css`
      .races {
        list-style: none;
        margin: var(--ts-space-4) 0 0;
        padding: 0;
        display: grid;
        gap: var(--ts-space-4);
      }
      .race {
        display: grid;
        gap: var(--ts-space-3);
        min-width: 0;
      }
      .race h2 {
        margin: 0;
        overflow-wrap: anywhere;
      }
      h3 {
        font-size: 1rem;
        margin: var(--ts-space-2) 0 0;
      }
      p {
        margin: 0;
      }
      .meta {
        color: var(--ts-color-muted);
        font-size: 0.9375rem;
        overflow-wrap: anywhere;
      }
      .items {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--ts-space-2);
      }
      .items > li {
        display: grid;
        gap: var(--ts-space-1);
        padding-bottom: var(--ts-space-2);
        border-bottom: 1px solid var(--ts-color-border);
        overflow-wrap: anywhere;
      }
      .items > li:last-child {
        border-bottom: none;
      }
      form,
      fieldset {
        display: grid;
        gap: var(--ts-space-2);
        min-width: 0;
      }
      fieldset {
        border: 1px solid var(--ts-color-border);
        border-radius: var(--ts-radius);
        padding: var(--ts-space-3);
        margin: 0;
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
      input,
      select,
      textarea {
        width: 100%;
        box-sizing: border-box;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ts-space-2);
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-variant-numeric: tabular-nums;
      }
      th,
      td {
        text-align: left;
        padding: var(--ts-space-1) var(--ts-space-2) var(--ts-space-1) 0;
        border-bottom: 1px solid var(--ts-color-border);
        vertical-align: top;
      }
      summary {
        min-height: 44px;
        display: flex;
        align-items: center;
        cursor: pointer;
        color: var(--ts-color-link);
        font-weight: 600;
      }
      details[open] > summary {
        margin-bottom: var(--ts-space-2);
      }
      .suppressed {
        color: var(--ts-color-muted);
        font-style: italic;
      }
    `,
  ];

  /** from the URL */
  @property() orgId = '';

  readonly #supabase = new ContextConsumer(this, { context: supabaseContext, subscribe: true });
  readonly #online = new OnlineController(this);
  readonly #frame = new LocalQueryController(
    this,
    (engine, onChange: (frame: OrganizerFrame) => void) =>
      observeOrganizerFrame(engine, this.orgId, onChange),
    { key: () => this.orgId },
  );
  @state() private loaded: Loaded = { status: 'loading' };
  /** the race whose form is open: an id, 'new', or none */
  @state() private editing = '';
  /** per form (`race`, `plan-<id>`, `banner-<id>`, `perk-<id>`): what failed */
  @state() private errors: Record<string, string> = {};
  @state() private busy = false;
  @state() private message = '';
  #loadedFor = '';

  override willUpdate(): void {
    const frame = this.#frame.value;
    const key = `${this.orgId}/${String(this.#online.online)}`;
    if (!frame || adminGate(frame.admin, t.organizer.title) || !this.#online.online) return;
    if (this.#loadedFor === key) return;
    this.#loadedFor = key;
    void this.load();
  }

  private async load(): Promise<void> {
    const client = this.#supabase.value;
    if (!client) return;
    const orgId = this.orgId;
    const result = await loadOrganizerRaces(client, orgId);
    if (orgId !== this.orgId) return;
    if (!result.ok) {
      this.loaded = { status: 'error', message: result.error.message };
      return;
    }
    const figures: Record<string, RaceFigures> = {};
    if (result.value.featureOn) {
      const all = await Promise.all(result.value.races.map((r) => loadRaceFigures(client, r.id)));
      result.value.races.forEach((r, i) => {
        const f = all[i];
        if (f?.ok) figures[r.id] = f.value;
      });
    }
    if (orgId !== this.orgId) return;
    this.loaded = { status: 'ready', data: result.value, figures };
  }

  override render() {
    const frame = this.#frame.value;
    const gate = adminGate(frame?.admin, t.organizer.title);
    if (gate || !frame) return gate;
    return html`
      <h1>${t.organizer.title}</h1>
      <p class="org">${frame.admin.orgName}</p>
      <p class="muted">${t.organizer.intro}</p>
      <p role="status" class="muted">${this.message}</p>
      ${this.renderBody(frame)}
    `;
  }

  private renderBody(frame: OrganizerFrame): TemplateResult {
    if (frame.kind !== 'race' && frame.kind !== 'timing_company')
      return html`<ts-notice><p>${t.organizer.notOrganizer}</p></ts-notice>`;
    if (!this.#online.online) return html`<ts-notice><p>${t.needsNetwork}</p></ts-notice>`;
    const loaded = this.loaded;
    switch (loaded.status) {
      case 'loading':
        return html`<p class="muted" role="status">${strings.loading}</p>`;
      case 'error':
        return html`<ts-notice tone="error"><p>${t.loadFailed}: ${loaded.message}</p></ts-notice>
          <p>
            <button class="button secondary" type="button" @click=${() => this.reload()}>
              ${t.retry}
            </button>
          </p>`;
      case 'ready': {
        const { data } = loaded;
        if (!data.featureOn)
          return html`<ts-notice tone="warning" data-testid="races-off"
            ><p>${t.organizer.featureOff(frame.admin.orgName)}</p></ts-notice
          >`;
        return html`${this.renderPartnership(data)}
        ${
          this.editing === 'new'
            ? this.renderRaceForm(null)
            : html`<p>
                <button
                  class="button"
                  type="button"
                  @click=${() => {
                    this.editing = 'new';
                    this.errors = {};
                  }}
                >
                  ${t.organizer.newRace}
                </button>
              </p>`
        }
        ${
          data.races.length === 0
            ? html`<p class="card">${t.organizer.none}</p>`
            : html`<ul class="races" aria-label=${t.organizer.title}>
                ${data.races.map((r) => this.renderRace(data, loaded.figures[r.id], r))}
              </ul>`
        }`;
      }
    }
  }

  private renderPartnership(data: OrganizerRaces): TemplateResult | typeof nothing {
    const p = data.partnership;
    if (!p) return nothing;
    return html`<section class="card" aria-labelledby="partnership">
      <h2 id="partnership">${t.organizer.partnership}</h2>
      <p>${t.organizer.tier(p.tier)}</p>
      ${p.active ? nothing : html`<p class="error">${t.organizer.inactive}</p>`}
      ${p.contactName || p.contactEmail ? html`<p class="meta">${t.organizer.contact(p.contactName, p.contactEmail)}</p>` : nothing}
      <p data-testid="partner-discount">
        ${p.discount ? t.organizer.discount(p.discount.code, p.discount.percentOff) : t.organizer.noDiscount}
      </p>
    </section>`;
  }

  private renderRace(
    data: OrganizerRaces,
    figures: RaceFigures | undefined,
    race: RaceRow,
  ): TemplateResult {
    const km = (d: number) => kmText(d, currentIntlTag);
    const tone = statusTone[race.status as keyof typeof statusTone] ?? 'neutral';
    return html`<li class="card race" data-race=${race.id}>
      <h2 id="race-${race.id}">${race.name}</h2>
      <p class="chips">
        <span class="chip" data-tone=${tone}
          >${t.organizer.status[race.status] ?? race.status}</span
        >
        <span class="chip">${formatRaceDate(race.race_date)}</span>
      </p>
      ${race.place ? html`<p class="meta">${race.place}</p>` : nothing}
      ${
        race.distances_m.length > 0
          ? html`<p class="meta">${race.distances_m.map((d) => t.km(km(d))).join(' · ')}</p>`
          : nothing
      }
      <p class="buttons">
        <a class="button secondary" href="/races/${race.id}">${t.organizer.page}</a>
        <button
          class="button secondary"
          type="button"
          aria-label=${t.organizer.editLabel(race.name)}
          @click=${() => {
            this.editing = race.id;
            this.errors = {};
          }}
        >
          ${t.organizer.edit}
        </button>
      </p>
      ${this.editing === race.id ? this.renderRaceForm(race) : nothing}
      ${this.renderPlans(data, race)} ${this.renderBanners(data, figures, race)}
      ${this.renderPerks(data, race)} ${this.renderParticipants(figures)}
    </li>`;
  }

  private renderRaceForm(race: RaceRow | null): TemplateResult {
    const id = race?.id ?? 'new';
    const zone = race?.time_zone ?? 'Europe/Moscow';
    return html`<form @submit=${(e: SubmitEvent) => this.submitRace(e, race)} novalidate>
      <fieldset>
        <legend>
          ${race ? t.organizer.form.legendEdit(race.name) : t.organizer.form.legendNew}
        </legend>
        <label
          >${t.organizer.form.name}
          <input name="name" required maxlength="120" .value=${race?.name ?? ''} />
        </label>
        <label
          >${t.organizer.form.date}
          <input name="race_date" type="date" required .value=${race?.race_date ?? ''} />
        </label>
        <label
          >${t.organizer.form.zone}
          <select name="time_zone">
            ${ZONES.map((z) => html`<option value=${z} ?selected=${z === zone}>${z}</option>`)}
          </select>
        </label>
        <label
          >${t.organizer.form.place}
          <input name="place" maxlength="200" .value=${race?.place ?? ''} />
        </label>
        <label
          >${t.organizer.form.distances}
          <input
            name="distances"
            inputmode="decimal"
            aria-describedby="distances-hint-${id}"
            .value=${(race?.distances_m ?? []).map((d) => kmText(d, currentIntlTag)).join('; ')}
          />
          <span class="hint" id="distances-hint-${id}">${t.organizer.form.distancesHint}</span>
        </label>
        <label
          >${t.organizer.form.status}
          <select name="status">
            ${RACE_STATUSES.map(
              (s) =>
                html`<option value=${s} ?selected=${s === (race?.status ?? 'draft')}>
                  ${t.organizer.status[s]}
                </option>`,
            )}
          </select>
        </label>
        <p class="error" role="alert">${this.errors['race'] ?? ''}</p>
        <div class="buttons">
          <button class="button" type="submit" ?disabled=${this.busy}>
            ${t.organizer.form.save}
          </button>
          <button
            class="button secondary"
            type="button"
            @click=${() => {
              this.editing = '';
              this.errors = {};
            }}
          >
            ${t.organizer.form.cancel}
          </button>
        </div>
      </fieldset>
    </form>`;
  }

  private renderPlans(data: OrganizerRaces, race: RaceRow): TemplateResult {
    const attached = data.plans.filter((p) => p.race_id === race.id);
    const taken = new Set(data.plans.map((p) => p.product_id));
    const free = data.products.filter((p) => !taken.has(p.id));
    const name = (productId: string) =>
      data.products.find((p) => p.id === productId)?.name ?? productId;
    const key = `plan-${race.id}`;
    return html`<h3>${t.organizer.plans}</h3>
      ${
        attached.length === 0
          ? html`<p class="meta">${t.organizer.noPlans}</p>`
          : html`<ul class="items" aria-label=${t.organizer.plans}>
              ${attached.map((p) => {
                const product = data.products.find((x) => x.id === p.product_id);
                return html`<li data-race-plan=${p.id}>
                  <p>${name(p.product_id)}</p>
                  <p class="meta">
                    ${
                      p.distance_m === null
                        ? t.organizer.planAny
                        : t.organizer.planFor(kmText(p.distance_m, currentIntlTag))
                    }${
                      product
                        ? html` ·
                          ${formatMoney(product.price_minor, product.currency, currentIntlTag)}`
                        : nothing
                    }
                  </p>
                  <p>
                    <button
                      class="button secondary"
                      type="button"
                      aria-label=${t.organizer.detachLabel(name(p.product_id))}
                      ?disabled=${this.busy}
                      @click=${() => this.run(key, (c) => detachRacePlan(c, p.id))}
                    >
                      ${t.organizer.detach}
                    </button>
                  </p>
                </li>`;
              })}
            </ul>`
      }
      ${
        free.length === 0
          ? data.products.length === 0
            ? html`<p class="meta">${t.organizer.noProducts}</p>`
            : nothing
          : html`<form @submit=${(e: SubmitEvent) => this.submitPlan(e, race)} novalidate>
              <label
                >${t.organizer.product}
                <select name="product_id" required>
                  <option value="">${t.organizer.choose}</option>
                  ${free.map(
                    (p) =>
                      html`<option value=${p.id}>
                        ${p.name} · ${formatMoney(p.price_minor, p.currency, currentIntlTag)}
                      </option>`,
                  )}
                </select>
              </label>
              <label
                >${t.organizer.distance}
                <select name="distance_m">
                  <option value="">${t.organizer.anyDistance}</option>
                  ${race.distances_m.map(
                    (d) =>
                      html`<option value=${String(d)}>${t.km(kmText(d, currentIntlTag))}</option>`,
                  )}
                </select>
              </label>
              <p class="error" role="alert">${this.errors[key] ?? ''}</p>
              <p>
                <button class="button secondary" type="submit" ?disabled=${this.busy}>
                  ${t.organizer.attach}
                </button>
              </p>
            </form>`
      }`;
  }

  private renderBanners(
    data: OrganizerRaces,
    figures: RaceFigures | undefined,
    race: RaceRow,
  ): TemplateResult {
    const banners = data.placements.filter((p) => p.race_id === race.id);
    const key = `banner-${race.id}`;
    const today = new Date().toISOString().slice(0, 10);
    return html`<h3>${t.organizer.banners}</h3>
      ${
        banners.length === 0
          ? html`<p class="meta">${t.organizer.noBanners}</p>`
          : html`<ul class="items" aria-label=${t.organizer.banners}>
              ${banners.map((b) => {
                const f = figures?.placements.find((x) => x.placementId === b.id);
                return html`<li data-banner=${b.id}>
                  <p>${b.sponsor_name} · ${t.organizer.slot[b.slot] ?? b.slot}</p>
                  <p class="meta">
                    ${t.organizer.shownOn(formatRaceDate(b.starts_on), formatRaceDate(b.ends_on))}
                  </p>
                  <p data-testid="banner-figures">
                    ${t.organizer.views(f?.views ?? 0)} · ${t.organizer.clicks(f?.clicks ?? 0)}
                  </p>
                  <p>
                    <button
                      class="button secondary"
                      type="button"
                      aria-label=${t.organizer.removeBannerLabel(b.sponsor_name)}
                      ?disabled=${this.busy}
                      @click=${() => this.run(key, (c) => removePlacement(c, b.id))}
                    >
                      ${t.organizer.remove}
                    </button>
                  </p>
                </li>`;
              })}
            </ul>`
      }
      <details ?open=${Boolean(this.errors[key])}>
        <summary>${t.organizer.addBanner}</summary>
        <form @submit=${(e: SubmitEvent) => this.submitBanner(e, race)} novalidate>
          <fieldset>
            <legend class="visually-hidden">${t.organizer.addBanner}</legend>
            <label
              >${t.organizer.bannerForm.slot}
              <select name="slot">
                ${PLACEMENT_SLOTS.map((s) => html`<option value=${s}>${t.organizer.slot[s]}</option>`)}
              </select>
            </label>
            <label
              >${t.organizer.bannerForm.sponsor}
              <input name="sponsor_name" maxlength="80" />
            </label>
            <label
              >${t.organizer.bannerForm.image}
              <input name="image_url" type="url" inputmode="url" placeholder="https://" />
            </label>
            <label
              >${t.organizer.bannerForm.link}
              <input name="link_url" type="url" inputmode="url" placeholder="https://" />
            </label>
            <label
              >${t.organizer.bannerForm.starts}
              <input name="starts_on" type="date" .value=${today} />
            </label>
            <label
              >${t.organizer.bannerForm.ends}
              <input
                name="ends_on"
                type="date"
                .value=${race.race_date >= today ? race.race_date : addDays(today, 30)}
              />
            </label>
            <p class="error" role="alert">${this.errors[key] ?? ''}</p>
            <p>
              <button class="button secondary" type="submit" ?disabled=${this.busy}>
                ${t.organizer.addBanner}
              </button>
            </p>
          </fieldset>
        </form>
      </details>`;
  }

  private renderPerks(data: OrganizerRaces, race: RaceRow): TemplateResult {
    const perks = data.perks.filter((p) => p.race_id === race.id);
    const key = `perk-${race.id}`;
    return html`<h3>${t.organizer.perks}</h3>
      ${
        perks.length === 0
          ? html`<p class="meta">${t.organizer.noPerks}</p>`
          : html`<ul class="items" aria-label=${t.organizer.perks}>
              ${perks.map(
                (p) =>
                  html`<li data-perk=${p.id}>
                    <p>${p.title}</p>
                    <p class="meta">${p.sponsor_name} · ${t.plan.code}: ${p.code}</p>
                    <p>
                      <button
                        class="button secondary"
                        type="button"
                        aria-label=${t.organizer.removePerkLabel(p.title)}
                        ?disabled=${this.busy}
                        @click=${() => this.run(key, (c) => removePerk(c, p.id))}
                      >
                        ${t.organizer.remove}
                      </button>
                    </p>
                  </li>`,
              )}
            </ul>`
      }
      <details ?open=${Boolean(this.errors[key])}>
        <summary>${t.organizer.addPerk}</summary>
        <form @submit=${(e: SubmitEvent) => this.submitPerk(e, race)} novalidate>
          <fieldset>
            <legend class="visually-hidden">${t.organizer.addPerk}</legend>
            <label
              >${t.organizer.perkForm.sponsor} <input name="sponsor_name" maxlength="80"
            /></label>
            <label>${t.organizer.perkForm.title} <input name="title" maxlength="120" /></label>
            <label
              >${t.organizer.perkForm.description}
              <textarea name="description" rows="2" maxlength="500"></textarea>
            </label>
            <label
              >${t.organizer.perkForm.code}
              <input name="code" maxlength="32" autocapitalize="characters" autocomplete="off" />
            </label>
            <p class="error" role="alert">${this.errors[key] ?? ''}</p>
            <p>
              <button class="button secondary" type="submit" ?disabled=${this.busy}>
                ${t.organizer.addPerk}
              </button>
            </p>
          </fieldset>
        </form>
      </details>`;
  }

  private renderParticipants(figures: RaceFigures | undefined): TemplateResult {
    const rows = figures?.participants ?? [];
    const cell = (r: ParticipantFigure, value: number | null, suffix = '') =>
      r.suppressed
        ? html`<td class="suppressed">${t.organizer.fewer}</td>`
        : html`<td>${value === null ? '—' : `${value}${suffix}`}</td>`;
    return html`<h3>${t.organizer.participants}</h3>
      ${
        rows.length === 0
          ? html`<p class="meta">${t.organizer.noParticipants}</p>`
          : html`<table data-testid="participants">
              <thead>
                <tr>
                  <th scope="col">${t.organizer.distance}</th>
                  <th scope="col">${t.organizer.people}</th>
                  <th scope="col">${t.organizer.adherence}</th>
                </tr>
              </thead>
              <tbody>
                ${rows.map(
                  (r) =>
                    html`<tr>
                      <th scope="row">
                        ${
                          r.total
                            ? t.organizer.total
                            : r.distanceM === null
                              ? t.organizer.noDistance
                              : t.organizer.distanceCell(kmText(r.distanceM, currentIntlTag))
                        }
                      </th>
                      ${cell(r, r.people)} ${cell(r, r.adherencePercent, ' %')}
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
      <p class="meta">${t.organizer.participantsHint}</p>`;
  }

  private reload(): void {
    this.loaded = { status: 'loading' };
    void this.load();
  }

  /** one write, its refusal shown by its form, then the page as the server has it now */
  private async run(
    key: string,
    call: (client: NonNullable<typeof this.client>) => Promise<Result<unknown>>,
    done?: string,
  ): Promise<boolean> {
    const client = this.client;
    if (!client || this.busy) return false;
    this.busy = true;
    this.message = '';
    this.errors = { ...this.errors, [key]: '' };
    const result = await call(client);
    this.busy = false;
    if (!result.ok) {
      this.errors = { ...this.errors, [key]: result.error.message };
      await this.load();
      return false;
    }
    this.message = done ?? t.organizer.saved;
    await this.load();
    return true;
  }

  private get client() {
    return this.#supabase.value;
  }

  private async submitRace(event: SubmitEvent, race: RaceRow | null): Promise<void> {
    event.preventDefault();
    const f = fields(event.target as HTMLFormElement);
    const distances = distancesFromKm(f['distances'] ?? '');
    const parsed = raceFormSchema.safeParse({
      name: f['name'] ?? '',
      race_date: f['race_date'] ?? '',
      time_zone: f['time_zone'] ?? '',
      place: f['place'] ?? '',
      distances_m: distances ?? [-1],
      status: f['status'] ?? '',
    });
    if (!parsed.success) {
      const bad = firstBadField(parsed) ?? 'name';
      this.errors = { ...this.errors, race: t.organizer.form.errors[bad] ?? bad };
      return;
    }
    const value = parsed.data;
    const ok = await this.run(
      'race',
      (c) => saveRace(c, this.orgId, race?.id ?? null, value),
      t.organizer.form.saved(value.name),
    );
    if (ok) this.editing = '';
  }

  private async submitPlan(event: SubmitEvent, race: RaceRow): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const f = fields(form);
    const productId = f['product_id'] ?? '';
    const key = `plan-${race.id}`;
    if (!productId) {
      this.errors = { ...this.errors, [key]: t.organizer.product };
      return;
    }
    const distance = f['distance_m'] ? Number(f['distance_m']) : null;
    if (await this.run(key, (c) => attachRacePlan(c, this.orgId, race.id, productId, distance)))
      form.reset();
  }

  private async submitBanner(event: SubmitEvent, race: RaceRow): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const f = fields(form);
    const key = `banner-${race.id}`;
    const parsed = placementFormSchema.safeParse(f);
    if (!parsed.success) {
      const bad = firstBadField(parsed) ?? 'sponsor_name';
      this.errors = { ...this.errors, [key]: t.organizer.bannerForm.errors[bad] ?? bad };
      return;
    }
    const value = parsed.data;
    if (await this.run(key, (c) => addPlacement(c, this.orgId, race.id, value))) form.reset();
  }

  private async submitPerk(event: SubmitEvent, race: RaceRow): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const f = fields(form);
    const key = `perk-${race.id}`;
    const parsed = perkFormSchema.safeParse(f);
    if (!parsed.success) {
      const bad = firstBadField(parsed) ?? 'title';
      this.errors = { ...this.errors, [key]: t.organizer.perkForm.errors[bad] ?? bad };
      return;
    }
    const value = parsed.data;
    if (await this.run(key, (c) => addPerk(c, this.orgId, race.id, value))) form.reset();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'organizer-races-page': OrganizerRacesPage;
  }
}
