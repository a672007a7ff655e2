import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { currentSeason, seasonMessages } from '../../domain/season.ts';
import { seasonSchema } from '../../domain/season-schema.ts';
import {
  rolloverPreview,
  rolloverTiming,
  suggestSeason,
  type RolloverTiming,
} from '../../domain/season-rollover.ts';
import { localDateAt } from '../../domain/zoned-time.ts';
import { shortOrganizationName } from '../../domain/current-organization.ts';
import { translateDomainMessage } from '../../i18n/domain-messages.ts';
import { ContextConsumer } from '@lit/context';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { CurrentOrganizationController } from '../../state/current-organization-controller.ts';
import { supabaseContext } from '../../state/contexts.ts';
import { callRpc } from '../../data/call-rpc.ts';
import type { ErrorDescription } from '../../data/describe-error.ts';
import { OnlineController } from '../../state/online-controller.ts';
import { seasonStrings as t } from './season-strings.ts';
import { strings } from '../../i18n/shell-strings.ts';
import { currentIntlTag } from '../../i18n/locale.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import { observeSeasonOrgs, type SeasonOrg } from './season-data.ts';

/**
 * Starts a new season for the club (admins) or a group (its coaches): says what
 * will happen from the local data, asks for confirmation, and has the server do
 * it (`start_new_season`); the result reaches every device by sync.
 */
@customElement('season-page')
export class SeasonPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      form {
        display: grid;
        gap: var(--ts-space-4);
      }
      label {
        display: grid;
        gap: var(--ts-space-1);
        font-weight: 600;
      }
      input[type='text'],
      select {
        font: inherit;
        min-height: 44px;
        padding: 0 var(--ts-space-2);
        border: 1px solid var(--ts-color-border);
        border-radius: 8px;
        background: var(--ts-color-surface);
        color: inherit;
        min-width: 0;
      }
      .field {
        display: grid;
        gap: var(--ts-space-1);
      }
      .field label {
        display: block;
      }
      .check {
        display: flex;
        gap: var(--ts-space-2);
        align-items: flex-start;
        font-weight: 600;
      }
      .check input {
        width: 24px;
        height: 24px;
        flex: none;
        margin: 2px 0 0;
      }
      .hint {
        font-weight: 400;
        color: var(--ts-color-muted);
        font-size: 0.9375rem;
      }
      .error {
        color: var(--ts-color-danger);
        font-weight: 600;
        margin: 0;
      }
      ul {
        margin: 0;
        padding-left: 1.25rem;
        display: grid;
        gap: var(--ts-space-1);
      }
      h2 {
        font-size: 1.125rem;
        margin: 0;
      }
      button[type='submit'] {
        width: 100%;
      }
    `,
  ];

  readonly #supabase = new ContextConsumer(this, { context: supabaseContext });
  readonly #online = new OnlineController(this);
  readonly #query = new LocalQueryController(this, observeSeasonOrgs);
  /** the club the app shows: the form starts with it when the user may start its season */
  readonly #organization = new CurrentOrganizationController(this);

  @state() private orgId = '';
  /** '' = the whole club */
  @state() private scope: string | undefined;
  @state() private season: string | undefined;
  @state() private confirmed = false;
  /** the user means a season whose turn it is not (early or past) */
  @state() private outOfTurnConfirmed = false;
  @state() private running = false;
  @state() private seasonError = '';
  @state() private confirmError = '';
  @state() private outOfTurnError = '';
  @state() private error = '';
  @state() private done = '';

  override render() {
    const orgs = this.#query.value;
    return html`
      <h1>${t.title}</h1>
      <p>${t.intro}</p>
      ${
        !orgs
          ? html`<p class="muted" role="status">${strings.loading}</p>`
          : orgs.length === 0
            ? html`<p class="card">${t.nothingYouManage}</p>`
            : this.renderForm(orgs)
      }
    `;
  }

  private org(orgs: SeasonOrg[]): SeasonOrg | undefined {
    return (
      orgs.find((o) => o.id === this.orgId) ??
      orgs.find((o) => o.id === this.#organization.currentId) ??
      orgs[0]
    );
  }

  /** the chosen scope: '' for the whole club (admins), else a group id */
  private chosenScope(org: SeasonOrg): string {
    const valid = (s: string) => (s === '' ? org.admin : org.groups.some((g) => g.id === s));
    if (this.scope !== undefined && valid(this.scope)) return this.scope;
    return org.admin ? '' : (org.groups[0]?.id ?? '');
  }

  private suggested(org: SeasonOrg, scope: string): string {
    const groups = scope === '' ? org.groups : org.groups.filter((g) => g.id === scope);
    const now = currentSeason({ now: () => Date.now() }, org.timeZone);
    return suggestSeason(
      groups.map((g) => g.season),
      now,
    );
  }

  private renderForm(orgs: SeasonOrg[]) {
    const org = this.org(orgs);
    if (!org) return nothing;
    const scope = this.chosenScope(org);
    const season = this.season ?? this.suggested(org, scope);
    const valid = seasonSchema.safeParse(season).success;
    const preview = valid ? rolloverPreview(org.athletes, season, scope || null) : null;
    const timing = valid ? this.timing(org, season) : null;
    const online = this.#online.online;
    return html`<form
      class="card"
      novalidate
      @submit=${(e: Event) => this.submit(e, org, scope, season, timing)}
    >
      ${
        orgs.length > 1
          ? html`<label
              >${t.organization}
              <select @change=${this.chooseOrg}>
                ${orgs.map(
                  // a select cannot wrap: «Старт» for "Лёгкоатлетический клуб «Старт»"
                  (o) =>
                    html`<option value=${o.id} title=${o.name} ?selected=${o.id === org.id}>
                      ${shortOrganizationName(o.name)}
                    </option>`,
                )}
              </select></label
            >`
          : html`<p><strong>${org.name}</strong></p>`
      }
      <label
        >${t.scope}
        <select @change=${this.chooseScope}>
          ${org.admin ? html`<option value="" ?selected=${scope === ''}>${t.wholeClub}</option>` : nothing}
          ${org.groups.map(
            (g) =>
              html`<option value=${g.id} ?selected=${g.id === scope}>
                ${t.groupOption(g.name, g.season ?? t.noSeasonYet)}
              </option>`,
          )}
        </select></label
      >
      <div class="field">
        <label for="season">${t.season}</label>
        <span class="hint" id="season-hint">${t.seasonHint}</span>
        <input
          id="season"
          type="text"
          inputmode="numeric"
          autocomplete="off"
          .value=${season}
          aria-invalid=${this.seasonError ? 'true' : 'false'}
          aria-describedby="season-hint season-error"
          @input=${this.editSeason}
        />
        <span class="error" id="season-error">${this.seasonError}</span>
      </div>
      <section class="stack" aria-labelledby="what-happens">
        <h2 id="what-happens">${t.whatHappens}</h2>
        ${
          preview
            ? preview.moving === 0
              ? html`<p>${t.nothingToDo}</p>`
              : html`<ul>
                  <li>${t.willMove(preview.moving, season)}</li>
                  <li>${t.willArchive(preview.archiving)}</li>
                  <li>${t.ranksReset}</li>
                  <li>${t.leftAlone}</li>
                </ul>`
            : html`<p class="muted">${translateDomainMessage(seasonMessages.format)}</p>`
        }
      </section>
      ${timing && timing.kind !== 'on-time' ? this.renderOutOfTurn(season, timing) : nothing}
      <div>
        <label class="check"
          ><input
            type="checkbox"
            .checked=${this.confirmed}
            aria-describedby="confirm-error"
            @change=${this.toggleConfirm}
          />${t.confirm}</label
        >
        <p class="error" id="confirm-error">${this.confirmError}</p>
      </div>
      ${!online ? html`<ts-notice><p>${t.needsNetwork}</p></ts-notice>` : nothing}
      ${this.error ? html`<ts-notice tone="error"><p>${this.error}</p></ts-notice>` : nothing}
      ${this.done ? html`<ts-notice tone="success"><p>${this.done}</p></ts-notice>` : nothing}
      <button
        class="button"
        type="submit"
        ?disabled=${!online || this.running || preview?.moving === 0}
      >
        ${this.running ? t.starting : t.start(valid ? season : '…')}
      </button>
    </form>`;
  }

  /** is it this season's turn on the club's calendar today? */
  private timing(org: SeasonOrg, season: string): RolloverTiming {
    return rolloverTiming(season, localDateAt(org.timeZone, Date.now()));
  }

  /** a season not due now: say so, and ask for a second, explicit yes */
  private renderOutOfTurn(season: string, timing: Exclude<RolloverTiming, { kind: 'on-time' }>) {
    const date = (d: string) =>
      new Intl.DateTimeFormat(currentIntlTag, {
        day: 'numeric',
        month: 'long',
        timeZone: 'UTC',
      }).format(new Date(`${d}T00:00:00Z`));
    const warning =
      timing.kind === 'early'
        ? t.earlyWarning(season, timing.current, date(timing.starts))
        : t.pastWarning(season, timing.current);
    return html`<ts-notice tone="warning"><p id="out-of-turn">${warning}</p></ts-notice>
      <div>
        <label class="check"
          ><input
            type="checkbox"
            .checked=${this.outOfTurnConfirmed}
            aria-describedby="out-of-turn out-of-turn-error"
            @change=${(e: Event) => {
              this.outOfTurnConfirmed = (e.target as HTMLInputElement).checked;
              if (this.outOfTurnConfirmed) this.outOfTurnError = '';
            }}
          />${t.outOfTurnConfirm(season)}</label
        >
        <p class="error" id="out-of-turn-error">${this.outOfTurnError}</p>
      </div>`;
  }

  private chooseOrg(e: Event): void {
    this.orgId = (e.target as HTMLSelectElement).value;
    this.reset();
  }

  private chooseScope(e: Event): void {
    this.scope = (e.target as HTMLSelectElement).value;
    this.reset();
  }

  private editSeason(e: Event): void {
    this.season = (e.target as HTMLInputElement).value.trim();
    this.seasonError = '';
    // a yes to one season is no yes to another
    this.outOfTurnConfirmed = false;
    this.outOfTurnError = '';
    this.done = '';
  }

  private toggleConfirm(e: Event): void {
    this.confirmed = (e.target as HTMLInputElement).checked;
    if (this.confirmed) this.confirmError = '';
  }

  /** a new choice: suggest its season again, ask again */
  private reset(): void {
    this.season = undefined;
    this.confirmed = false;
    this.outOfTurnConfirmed = false;
    this.seasonError = '';
    this.confirmError = '';
    this.outOfTurnError = '';
    this.error = '';
    this.done = '';
  }

  private async submit(
    e: Event,
    org: SeasonOrg,
    scope: string,
    season: string,
    timing: RolloverTiming | null,
  ): Promise<void> {
    e.preventDefault();
    this.error = '';
    this.done = '';
    const parsed = seasonSchema.safeParse(season);
    this.seasonError = parsed.success
      ? ''
      : translateDomainMessage(parsed.error.issues[0]?.message ?? seasonMessages.format);
    this.confirmError = this.confirmed ? '' : t.confirmNeeded;
    this.outOfTurnError =
      timing && timing.kind !== 'on-time' && !this.outOfTurnConfirmed
        ? t.outOfTurnNeeded(season)
        : '';
    if (this.seasonError || this.confirmError || this.outOfTurnError) return;
    const client = this.#supabase.value;
    if (!client) return;
    this.running = true;
    const result = await callRpc(client, 'start_new_season', {
      p_org: org.id,
      p_season: season,
      p_group: scope === '' ? null : scope,
    });
    this.running = false;
    if (!result.ok) {
      this.error = this.refusal(result.error);
      return;
    }
    const counts = (result.data ?? {}) as { athletes?: number; archived?: number };
    this.done = t.done(season, counts.athletes ?? 0, counts.archived ?? 0);
    this.confirmed = false;
    this.outOfTurnConfirmed = false;
    // the moved athletes and their history arrive with the next pull
    this.#query.engine?.requestSync();
  }

  /** what this RPC's refusals mean here; describeError words the rest */
  private refusal(d: ErrorDescription): string {
    if (d.network) return d.message;
    switch (d.code) {
      case '42501':
        return t.notAllowed;
      case '22023':
        return translateDomainMessage(seasonMessages.format);
      case 'P0001':
        return t.groupGone;
      default:
        return d.message;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'season-page': SeasonPage;
  }
}
