import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { canJoin, challengePhase, targetPercent } from '../../domain/club-challenge.ts';
import { hasRoleAtLeast } from '../../domain/organization.ts';
import { localDateAt } from '../../domain/zoned-time.ts';
import { strings } from '../../i18n/shell-strings.ts';
import { supabaseContext } from '../../state/contexts.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { OnlineController } from '../../state/online-controller.ts';
import { chipStyles, statusToneStyles } from '../../ui/chip-styles.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import { formatAmount, formatLocalDate, metricName, phaseTone } from './challenge-format.ts';
import {
  deleteChallenge,
  joinChallenge,
  leaveChallenge,
  loadLeaderboard,
  loadStandings,
  observeClubFrame,
  setOnLeaderboard,
  type ClubChallengeRow,
  type ClubFrame,
  type LeaderRow,
  type Result,
  type Standing,
} from './clubs-data.ts';
import { clubsStrings } from './clubs-strings.ts';

const t = clubsStrings.challenge;
const tl = clubsStrings.challenges;

type Loaded =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'off' }
  | { status: 'ready'; standing: Standing | undefined; board: LeaderRow[] };

/**
 * One club challenge: its metric, dates, target and how progress is counted;
 * joining it (shown on the leaderboard or not), my progress, showing me on the
 * leaderboard or not, leaving; and the leaderboard itself — the members shown on
 * it, by progress. An opted-out member is on nobody's leaderboard, and sees
 * their own progress still. The challenge comes from the device; progress and
 * the leaderboard from the server. A club admin may remove the challenge
 * (asked twice).
 */
@customElement('club-challenge-page')
export class ClubChallengePage extends LitElement {
  static override styles = [
    sharedStyles,
    chipStyles,
    statusToneStyles,
    css`
      section {
        margin-top: var(--ts-space-5);
      }
      h2 {
        font-size: 1.125rem;
        margin: 0 0 var(--ts-space-3);
      }
      h1 {
        overflow-wrap: anywhere;
      }
      .meta {
        margin: 0 0 var(--ts-space-2);
        color: var(--ts-color-muted);
        overflow-wrap: anywhere;
      }
      .figure {
        font-size: 1.5rem;
        font-weight: 700;
        margin: 0;
        font-variant-numeric: tabular-nums;
      }
      .stack {
        display: grid;
        gap: var(--ts-space-2);
      }
      .stack > p,
      .stack > h2 {
        margin: 0;
      }
      progress {
        width: 100%;
        height: 0.75rem;
        accent-color: var(--ts-color-brand-strong);
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ts-space-2);
      }
      .toggle {
        display: flex;
        gap: var(--ts-space-2);
        align-items: flex-start;
        font-weight: 600;
        min-height: 44px;
      }
      .toggle input {
        width: 1.5rem;
        height: 1.5rem;
        margin: 0;
        flex: none;
      }
      ol.board {
        list-style: none;
        margin: 0;
        padding: var(--ts-space-1) var(--ts-space-4);
        display: grid;
        gap: var(--ts-space-1);
      }
      ol.board li {
        display: grid;
        grid-template-columns: 2.5rem 1fr auto;
        gap: var(--ts-space-2);
        align-items: baseline;
        padding: var(--ts-space-2) 0;
        border-bottom: 1px solid var(--ts-color-border);
      }
      ol.board li:last-child {
        border-bottom: none;
      }
      ol.board li.me {
        font-weight: 700;
      }
      .place {
        font-variant-numeric: tabular-nums;
        color: var(--ts-color-muted);
      }
      .who {
        overflow-wrap: anywhere;
      }
      .amount {
        font-variant-numeric: tabular-nums;
        text-align: end;
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
  @property() challengeId = '';

  readonly #supabase = new ContextConsumer(this, { context: supabaseContext, subscribe: true });
  readonly #online = new OnlineController(this);
  readonly #frame = new LocalQueryController(
    this,
    (engine, onChange: (frame: ClubFrame) => void) =>
      observeClubFrame(engine, this.orgId, onChange),
    { key: () => this.orgId },
  );
  @state() private loaded: Loaded = { status: 'loading' };
  @state() private busy = false;
  @state() private message = '';
  @state() private failure = '';
  @state() private confirming = false;
  #loadedFor = '';

  override willUpdate(): void {
    const frame = this.#frame.value;
    // a local page draws before the client has loaded: ask once it is there
    if (!frame || !this.#online.online || !this.#supabase.value) return;
    if (!frame.challenges.some((c) => c.id === this.challengeId)) return;
    const key = `${this.orgId}/${this.challengeId}`;
    if (this.#loadedFor === key) return;
    this.#loadedFor = key;
    void this.load();
  }

  private async load(): Promise<void> {
    const client = this.#supabase.value;
    if (!client) return;
    const [orgId, challengeId] = [this.orgId, this.challengeId];
    const standings = await loadStandings(client, orgId);
    if (orgId !== this.orgId || challengeId !== this.challengeId) return;
    if (!standings.ok) {
      this.loaded = { status: 'error', message: standings.error.message };
      return;
    }
    if (standings.value === null) {
      this.loaded = { status: 'off' };
      return;
    }
    const board = await loadLeaderboard(client, challengeId);
    if (orgId !== this.orgId || challengeId !== this.challengeId) return;
    this.loaded = board.ok
      ? { status: 'ready', standing: standings.value.get(challengeId), board: board.value }
      : { status: 'error', message: board.error.message };
  }

  override render() {
    const frame = this.#frame.value;
    if (!frame) return html`<p class="muted" role="status">${strings.loading}</p>`;
    const back = html`<p>
      <a href="/org/${this.orgId}/challenges">← ${t.back}</a>
    </p>`;
    if (!frame.admin.orgName || !frame.admin.myRole) {
      return html`<h1>${tl.title}</h1>
        <ts-notice><p>${clubsStrings.clubNotFound}</p></ts-notice>`;
    }
    const challenge = frame.challenges.find((c) => c.id === this.challengeId);
    if (!challenge) {
      return html`${back}
        <h1>${tl.title}</h1>
        <ts-notice><p>${this.message || t.notFound}</p></ts-notice>`;
    }
    const zone = frame.admin.timeZone;
    const phase = challengePhase(challenge, localDateAt(zone, Date.now()));
    return html`
      ${back}
      <h1>${challenge.title}</h1>
      <p class="muted">${frame.admin.orgName}</p>
      <p class="chips">
        <span class="chip" data-tone=${phaseTone[phase]}>${tl.phase[phase]}</span>
        <span class="chip">${metricName(challenge.metric)}</span>
      </p>
      <p class="meta">
        ${tl.dates(formatLocalDate(challenge.starts_on, zone), formatLocalDate(challenge.ends_on, zone))}
        ·
        ${
          challenge.target === null
            ? tl.noTarget
            : tl.target(formatAmount(challenge.metric, challenge.target))
        }
      </p>
      <p class="meta">
        ${challenge.metric === 'distance_km' ? t.howCounted.distance_km : t.howCounted.sessions}
      </p>
      <p role="status" class="muted">${this.message}</p>
      <p class="error" role="alert">${this.failure}</p>
      ${this.renderBody(frame, challenge)}
    `;
  }

  private renderBody(frame: ClubFrame, challenge: ClubChallengeRow): TemplateResult {
    if (!this.#online.online)
      return html`<ts-notice><p>${clubsStrings.needsNetwork}</p></ts-notice>`;
    const loaded = this.loaded;
    switch (loaded.status) {
      case 'loading':
        return html`<p class="muted" role="status">${strings.loading}</p>`;
      case 'off':
        return html`<ts-notice tone="warning" data-testid="clubs-off"
          ><p>${clubsStrings.featureOff(frame.admin.orgName)}</p></ts-notice
        >`;
      case 'error':
        return html`<ts-notice tone="error"
            ><p>${clubsStrings.loadFailed}: ${loaded.message}</p></ts-notice
          >
          <p>
            <button class="button secondary" type="button" @click=${() => this.reload()}>
              ${clubsStrings.retry}
            </button>
          </p>`;
      case 'ready':
        return html`${this.renderMine(frame, challenge, loaded.standing)}
        ${this.renderBoard(challenge, loaded.board)} ${this.renderRemove(frame, challenge)}`;
    }
  }

  private renderMine(
    frame: ClubFrame,
    challenge: ClubChallengeRow,
    standing: Standing | undefined,
  ): TemplateResult {
    const today = localDateAt(frame.admin.timeZone, Date.now());
    if (!standing?.joined) {
      return html`<section class="card stack" aria-labelledby="mine-h">
        <h2 id="mine-h">${t.mine}</h2>
        <p class="meta">${t.notJoined}</p>
        ${
          canJoin(challenge, today)
            ? html`<div class="buttons">
                <button
                  class="button"
                  type="button"
                  ?disabled=${this.busy}
                  @click=${() => this.act(joinChallenge, true, t.joinedNow)}
                >
                  ${t.join}
                </button>
                <button
                  class="button secondary"
                  type="button"
                  ?disabled=${this.busy}
                  @click=${() => this.act(joinChallenge, false, t.joinedNow)}
                >
                  ${t.joinHidden}
                </button>
              </div>`
            : nothing
        }
      </section>`;
    }
    const percent = targetPercent(standing.progress, challenge.target);
    return html`<section class="card stack" aria-labelledby="mine-h" data-testid="my-progress">
      <h2 id="mine-h">${t.mine}</h2>
      <p class="figure">${formatAmount(challenge.metric, standing.progress)}</p>
      ${
        percent === null
          ? nothing
          : html`<progress max="100" .value=${percent} aria-label=${t.percent(percent)}></progress>
              <p class="meta">${t.percent(percent)}</p>`
      }
      <label class="toggle">
        <input
          type="checkbox"
          .checked=${standing.on_leaderboard}
          ?disabled=${this.busy}
          aria-describedby="show-hint"
          @change=${(e: Event) => {
            const on = (e.target as HTMLInputElement).checked;
            void this.act(setOnLeaderboard, on, on ? t.shown : t.hidden);
          }}
        />
        <span>${t.showMe}</span>
      </label>
      <p class="meta" id="show-hint">${t.showMeHint}</p>
      <p>
        <button
          class="button secondary"
          type="button"
          ?disabled=${this.busy}
          @click=${() => this.act((c, id) => leaveChallenge(c, id), false, t.left)}
        >
          ${t.leave}
        </button>
      </p>
    </section>`;
  }

  private renderBoard(challenge: ClubChallengeRow, board: readonly LeaderRow[]): TemplateResult {
    return html`<section aria-labelledby="board-h" data-testid="leaderboard">
      <h2 id="board-h">${t.leaderboard}</h2>
      <p class="meta">${t.leaderboardCount(board.length)}</p>
      ${
        board.length === 0
          ? html`<p class="card">${t.nobody}</p>`
          : html`<ol class="board card" aria-labelledby="board-h">
              ${board.map(
                (r) =>
                  html`<li class=${r.is_me ? 'me' : ''}>
                    <span class="place" aria-label=${t.place(r.place)}>${r.place}</span>
                    <span class="who"
                      >${r.display_name || clubsStrings.dashboard.someone}${
                        r.is_me ? html` <span class="muted">(${t.you})</span>` : nothing
                      }</span
                    >
                    <span class="amount">${formatAmount(challenge.metric, r.progress)}</span>
                  </li>`,
              )}
            </ol>`
      }
    </section>`;
  }

  private renderRemove(
    frame: ClubFrame,
    challenge: ClubChallengeRow,
  ): TemplateResult | typeof nothing {
    const role = frame.admin.myRole;
    if (!role || !hasRoleAtLeast(role, 'admin')) return nothing;
    return html`<section class="stack">
      ${
        this.confirming
          ? html`<p>${t.confirmRemove}</p>
              <div class="buttons">
                <button
                  class="button"
                  type="button"
                  ?disabled=${this.busy}
                  @click=${() => this.removeChallenge(challenge)}
                >
                  ${t.confirm}
                </button>
                <button
                  class="button secondary"
                  type="button"
                  @click=${() => {
                    this.confirming = false;
                  }}
                >
                  ${t.cancel}
                </button>
              </div>`
          : html`<p>
              <button
                class="button secondary"
                type="button"
                @click=${() => {
                  this.confirming = true;
                }}
              >
                ${t.remove}
              </button>
            </p>`
      }
    </section>`;
  }

  private async act(
    call: (
      client: NonNullable<ClubChallengePage['client']>,
      challengeId: string,
      on: boolean,
    ) => Promise<Result<void>>,
    on: boolean,
    said: string,
  ): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.busy = true;
    this.message = '';
    this.failure = '';
    const result = await call(client, this.challengeId, on);
    this.busy = false;
    if (result.ok) this.message = said;
    else this.failure = result.error.message;
    // show it as it is now (a refusal may mean the feature went off), and sync my entry
    this.#frame.engine?.requestSync();
    await this.load();
  }

  private async removeChallenge(challenge: ClubChallengeRow): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.busy = true;
    this.failure = '';
    const result = await deleteChallenge(client, challenge.id);
    this.busy = false;
    this.confirming = false;
    if (!result.ok) {
      this.failure = result.error.message;
      return;
    }
    this.message = t.removed;
    this.#frame.engine?.requestSync();
  }

  private get client() {
    return this.#supabase.value;
  }

  private reload(): void {
    this.loaded = { status: 'loading' };
    void this.load();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'club-challenge-page': ClubChallengePage;
  }
}
