import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  CHALLENGE_METRICS,
  challengePhase,
  parseChallengeDraft,
  type ChallengeDraft,
} from '../../domain/club-challenge.ts';
import { hasRoleAtLeast } from '../../domain/organization.ts';
import { addDays, localDateAt } from '../../domain/zoned-time.ts';
import { strings } from '../../i18n/shell-strings.ts';
import { supabaseContext } from '../../state/contexts.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { OnlineController } from '../../state/online-controller.ts';
import { chipStyles, statusToneStyles } from '../../ui/chip-styles.ts';
import { fieldStyles } from '../../ui/field-styles.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import { formatAmount, formatLocalDate, metricName, phaseTone } from './challenge-format.ts';
import {
  createChallenge,
  loadStandings,
  observeClubFrame,
  type ClubChallengeRow,
  type ClubFrame,
  type Standing,
} from './clubs-data.ts';
import { clubsStrings } from './clubs-strings.ts';

const t = clubsStrings.challenges;

type Loaded =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  /** standings null: running_clubs is off for the club */
  | { status: 'ready'; standings: Map<string, Standing> | null };

/**
 * A club's challenges, for every member: each challenge's metric, dates,
 * target and phase, whether I joined and my progress, and the way to its
 * leaderboard; the club's admins also set a new one here. The list is synced,
 * so it shows offline (progress comes from the server, once online). With
 * running_clubs off for the club the page says the feature is off.
 */
@customElement('club-challenges-page')
export class ClubChallengesPage extends LitElement {
  static override styles = [
    sharedStyles,
    chipStyles,
    statusToneStyles,
    fieldStyles,
    css`
      section {
        margin-top: var(--ts-space-6);
      }
      h2 {
        font-size: 1.125rem;
        margin: 0 0 var(--ts-space-3);
      }
      ul.cards {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--ts-space-3);
      }
      ul.cards > li {
        display: grid;
        gap: var(--ts-space-2);
        min-width: 0;
      }
      ul.cards h3 {
        margin: 0;
        font-size: 1.0625rem;
        overflow-wrap: anywhere;
      }
      .meta {
        margin: 0;
        color: var(--ts-color-muted);
        overflow-wrap: anywhere;
      }
      .progress {
        margin: 0;
        font-weight: 600;
      }
      form {
        display: grid;
        gap: var(--ts-space-4);
      }
      label {
        display: grid;
        gap: var(--ts-space-1);
        font-weight: 600;
      }
      .hint {
        font-weight: 400;
        color: var(--ts-color-muted);
        font-size: 0.9375rem;
      }
      .dates {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
        gap: var(--ts-space-3);
      }
      .error {
        color: var(--ts-color-danger);
        font-weight: 600;
        margin: 0;
      }
      .error:empty {
        display: none;
      }
    `,
  ];

  /** from the URL */
  @property() orgId = '';

  readonly #supabase = new ContextConsumer(this, { context: supabaseContext, subscribe: true });
  readonly #online = new OnlineController(this);
  readonly #frame = new LocalQueryController(
    this,
    (engine, onChange: (frame: ClubFrame) => void) =>
      observeClubFrame(engine, this.orgId, onChange),
    { key: () => this.orgId },
  );
  @state() private loaded: Loaded = { status: 'loading' };
  @state() private draft: ChallengeDraft | null = null;
  @state() private errors: Record<string, string> = {};
  @state() private busy = false;
  @state() private message = '';
  @state() private failure = '';
  /** the club, connection and challenges the standings were last asked for */
  #loadedFor = '';

  override willUpdate(): void {
    const frame = this.#frame.value;
    // a local page draws before the client has loaded: ask once it is there
    if (!frame || !frame.admin.myRole || !this.#online.online || !this.#supabase.value) return;
    const key = `${this.orgId}/${frame.challenges.map((c) => c.id).join(',')}`;
    if (this.#loadedFor === key) return;
    this.#loadedFor = key;
    void this.load(key);
  }

  private async load(key: string): Promise<void> {
    const client = this.#supabase.value;
    if (!client) return;
    const result = await loadStandings(client, this.orgId);
    if (this.#loadedFor !== key) return;
    this.loaded = result.ok
      ? { status: 'ready', standings: result.value }
      : { status: 'error', message: result.error.message };
  }

  override render() {
    const frame = this.#frame.value;
    if (!frame) return html`<p class="muted" role="status">${strings.loading}</p>`;
    if (!frame.admin.orgName || !frame.admin.myRole) {
      return html`<h1>${t.title}</h1>
        <ts-notice><p>${clubsStrings.clubNotFound}</p></ts-notice>
        <p><a class="button secondary" href="/">${clubsStrings.home}</a></p>`;
    }
    return html`
      <h1>${t.title}</h1>
      <p class="muted org">${frame.admin.orgName}</p>
      <p class="muted">${t.intro}</p>
      <p role="status" class="muted">${this.message}</p>
      ${this.renderBody(frame)}
    `;
  }

  private renderBody(frame: ClubFrame): TemplateResult {
    const online = this.#online.online;
    const loaded = this.loaded;
    if (online && loaded.status === 'ready' && loaded.standings === null) {
      return html`<ts-notice tone="warning" data-testid="clubs-off"
        ><p>${clubsStrings.featureOff(frame.admin.orgName)}</p></ts-notice
      >`;
    }
    const standings = loaded.status === 'ready' ? loaded.standings : null;
    const isAdmin = frame.admin.myRole !== null && hasRoleAtLeast(frame.admin.myRole, 'admin');
    return html`
      ${online ? nothing : html`<ts-notice><p>${t.offlineList}</p></ts-notice>`}
      ${
        online && loaded.status === 'error'
          ? html`<ts-notice tone="error"
              ><p>${clubsStrings.loadFailed}: ${loaded.message}</p></ts-notice
            >`
          : nothing
      }
      ${
        frame.challenges.length === 0
          ? html`<p class="card">${t.none}</p>`
          : html`<ul class="cards" aria-label=${t.title}>
              ${frame.challenges.map((c) => this.renderChallenge(frame, c, standings?.get(c.id)))}
            </ul>`
      }
      ${isAdmin ? this.renderCreate(frame) : nothing}
    `;
  }

  private renderChallenge(
    frame: ClubFrame,
    c: ClubChallengeRow,
    standing: Standing | undefined,
  ): TemplateResult {
    const zone = frame.admin.timeZone;
    const phase = challengePhase(c, localDateAt(zone, Date.now()));
    const joined = standing?.joined ?? frame.entries.has(c.id);
    return html`<li class="card" data-challenge=${c.id}>
      <h3>${c.title}</h3>
      <p class="chips">
        <span class="chip" data-tone=${phaseTone[phase]}>${t.phase[phase]}</span>
        <span class="chip">${metricName(c.metric)}</span>
        ${joined ? html`<span class="chip" data-tone="success">${t.joined}</span>` : nothing}
      </p>
      <p class="meta">
        ${t.dates(formatLocalDate(c.starts_on, zone), formatLocalDate(c.ends_on, zone))} ·
        ${c.target === null ? t.noTarget : t.target(formatAmount(c.metric, c.target))}
      </p>
      ${
        joined && standing
          ? html`<p class="progress">${t.myProgress(formatAmount(c.metric, standing.progress))}</p>`
          : nothing
      }
      <p>
        <a
          class="button secondary"
          href="/org/${this.orgId}/challenges/${c.id}"
          aria-label=${t.openLabel(c.title)}
          >${t.open}</a
        >
      </p>
    </li>`;
  }

  private defaultDraft(frame: ClubFrame): ChallengeDraft {
    const today = localDateAt(frame.admin.timeZone, Date.now());
    return {
      title: '',
      metric: 'distance_km',
      target: '',
      startsOn: today,
      endsOn: addDays(today, 29),
    };
  }

  private renderCreate(frame: ClubFrame): TemplateResult {
    const c = t.create;
    const d = this.draft ?? this.defaultDraft(frame);
    const field = (name: keyof ChallengeDraft) => (e: Event) => {
      this.draft = { ...d, [name]: (e.target as HTMLInputElement | HTMLSelectElement).value };
    };
    const error = (name: string) =>
      this.errors[name]
        ? html`<span class="error" id="err-${name}"
            >${c.errors[this.errors[name] ?? ''] ?? ''}</span
          >`
        : nothing;
    const online = this.#online.online;
    return html`<section aria-labelledby="create-h">
      <h2 id="create-h">${c.heading}</h2>
      <form class="card" @submit=${(e: Event) => void this.submit(e, frame, d)} novalidate>
        <label
          >${c.title}
          <input
            name="title"
            .value=${d.title}
            maxlength="120"
            required
            aria-invalid=${this.errors['title'] ? 'true' : 'false'}
            aria-describedby="err-title"
            @input=${field('title')}
          />
          ${error('title')}
        </label>
        <label
          >${c.metric}
          <select name="metric" @change=${field('metric')}>
            ${CHALLENGE_METRICS.map(
              (m) => html`<option value=${m} ?selected=${d.metric === m}>${metricName(m)}</option>`,
            )}
          </select>
        </label>
        <label
          >${c.target}
          <input
            name="target"
            inputmode="numeric"
            .value=${d.target}
            aria-invalid=${this.errors['target'] ? 'true' : 'false'}
            aria-describedby="target-hint err-target"
            @input=${field('target')}
          />
          <span class="hint" id="target-hint">${c.targetHint}</span>
          ${error('target')}
        </label>
        <div class="dates">
          <label
            >${c.startsOn}
            <input
              name="startsOn"
              type="date"
              .value=${d.startsOn}
              aria-invalid=${this.errors['startsOn'] ? 'true' : 'false'}
              @input=${field('startsOn')}
            />
            ${error('startsOn')}
          </label>
          <label
            >${c.endsOn}
            <input
              name="endsOn"
              type="date"
              .value=${d.endsOn}
              aria-invalid=${this.errors['endsOn'] ? 'true' : 'false'}
              aria-describedby="dates-hint err-endsOn"
              @input=${field('endsOn')}
            />
            ${error('endsOn')}
          </label>
        </div>
        <p class="hint" id="dates-hint">${c.datesHint}</p>
        ${online ? nothing : html`<p class="hint">${clubsStrings.needsNetwork}</p>`}
        <p class="error" role="alert">${this.failure}</p>
        <p>
          <button class="button" type="submit" ?disabled=${this.busy || !online}>
            ${c.submit}
          </button>
        </p>
      </form>
    </section>`;
  }

  private async submit(e: Event, frame: ClubFrame, draft: ChallengeDraft): Promise<void> {
    e.preventDefault();
    const client = this.#supabase.value;
    if (!client) return;
    this.message = '';
    this.failure = '';
    const parsed = parseChallengeDraft(draft);
    if (!parsed.ok) {
      this.errors = parsed.errors;
      return;
    }
    this.errors = {};
    this.busy = true;
    const result = await createChallenge(client, frame.admin.orgId ?? this.orgId, parsed.value);
    this.busy = false;
    if (!result.ok) {
      this.failure = result.error.message;
      return;
    }
    this.draft = null;
    this.message = t.create.created(parsed.value.title);
    // the new row comes back with the next pull
    this.#frame.engine?.requestSync();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'club-challenges-page': ClubChallengesPage;
  }
}
