import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { SyncIssue } from '../../domain/sync-protocol.ts';
import { parseTimestamp } from '../../domain/zoned-time.ts';
import { revealHidden } from '../../domain/clean-text.ts';
import { deviceZone, formatDateTime } from '../../ui/time-format.ts';
import { describeError } from '../../data/describe-error.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { SyncStatusController } from '../../state/sync-status-controller.ts';
import { syncStrings } from './sync-strings.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import { observeIssueNames, readOrganizationZones, type IssueNames } from './sync-issues-data.ts';

const t = syncStrings.issues;

/** a field value as the user typed it; objects (schedules) as JSON */
function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Changes that wait for the user, each named by the athlete or group it is about:
 * the ones the server refused, with what was sent and why, to retry (after
 * editing a value if need be) or discard; and the ones someone else overwrote
 * later, with both values, to put back or leave. Reads the same live status the
 * app bar counts, so the lists empty as the user resolves them.
 */
@customElement('sync-issues-page')
export class SyncIssuesPage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      ul {
        list-style: none;
        margin: 0 0 var(--ts-space-5);
        padding: 0;
        display: grid;
        gap: var(--ts-space-3);
      }
      dl {
        margin: 0;
        display: grid;
        gap: var(--ts-space-1);
      }
      dt {
        font-weight: 700;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      summary {
        cursor: pointer;
        /* a finger-sized target that keeps its disclosure triangle */
        padding: var(--ts-space-2) 0;
      }
      details p {
        margin: 0;
        overflow-wrap: anywhere;
      }
      label {
        display: grid;
        gap: var(--ts-space-1);
      }
      input {
        font: inherit;
        min-height: 44px;
        padding: 0 var(--ts-space-2);
      }
    `,
  ];

  /** what each change is about and who overwrote it, by issue id; follows the rows they name */
  readonly #names = new LocalQueryController(this, observeIssueNames);
  readonly #sync = new SyncStatusController(this);
  /** edited values per issue id and field */
  readonly #edits = new Map<number, Record<string, unknown>>();
  @state() private error = '';

  /** each club's time zone, to show a refused change's times as the club keeps them */
  @state() private zones = new Map<string, string>();

  override willUpdate(): void {
    const engine = this.#names.engine;
    if (this.#source !== engine) {
      this.#source = engine;
      this.#sync.setSource(engine);
      // unreadable, the times fall back to the device's zone
      if (engine) {
        readOrganizationZones(engine).then(
          (zones) => (this.zones = zones),
          () => undefined,
        );
      }
    }
  }
  #source: unknown = undefined;

  /** the zone of the club the change belongs to, else the device's */
  private zoneOf(issue: SyncIssue): string {
    // a change holds only the columns it sent (an update, those it changed), so the club may be missing
    const orgId = issue.fields.org_id;
    return (typeof orgId === 'string' ? this.zones.get(orgId) : undefined) ?? deviceZone();
  }

  override render() {
    const rejected = this.#sync.rejected;
    const superseded = this.#sync.superseded;
    const pending = this.#sync.pending;
    return html`
      <h1>${t.title}</h1>
      ${this.error ? html`<ts-notice tone="error"><p>${this.error}</p></ts-notice>` : nothing}
      ${
        pending > 0
          ? html`<div class="card stack" role="status">
              <p>${t.waiting(pending)}</p>
              <p class="muted">${this.whyWaiting()}</p>
            </div>`
          : rejected.length === 0 && superseded.length === 0
            ? html`<p class="card" role="status">${t.empty}</p>`
            : nothing
      }
      ${
        rejected.length > 0
          ? html`<h2>${t.rejectedTitle}</h2>
              <ul aria-label=${t.rejectedTitle}>
                ${rejected.map((issue) => this.renderRejected(issue))}
              </ul>`
          : nothing
      }
      ${
        superseded.length > 0
          ? html`<h2>${t.supersededTitle}</h2>
              <p class="muted">${t.supersededHint}</p>
              <ul aria-label=${t.supersededTitle}>
                ${superseded.map((issue) => this.renderSuperseded(issue))}
              </ul>`
          : nothing
      }
      <p><a class="button secondary" href="/">${t.back}</a></p>
    `;
  }

  /** why changes still wait: no network, a failing server, or they are on their way */
  private whyWaiting(): string {
    if (!this.#sync.online) return t.waitingOffline;
    if (this.#sync.error) return syncStrings.failing(null);
    return t.waitingOnline;
  }

  /**
   * What the change is about in a coach's words («Спортсмен», «Отметка»), and
   * whose it is: the athlete's name links to their page when the device holds them.
   */
  private subject(issue: SyncIssue) {
    const names = this.namesOf(issue);
    const name = names?.subject ?? null;
    const athleteId = names?.athleteId ?? null;
    return html`<dt>${t.kindName(issue.table)}</dt>
      <dd>
        ${
          name === null
            ? html`<span class="muted">${t.unnamed}</span>`
            : athleteId !== null
              ? html`<a href=${`/roster/${athleteId}`}>${name}</a>`
              : name
        }
      </dd>`;
  }

  private namesOf(issue: SyncIssue): IssueNames | undefined {
    return issue.id === undefined ? undefined : this.#names.value?.get(issue.id);
  }

  private renderSuperseded(issue: SyncIssue) {
    const by = this.namesOf(issue)?.by ?? null;
    const id = issue.id ?? -1;
    const zone = this.zoneOf(issue);
    const word = (value: unknown) => {
      const at = parseTimestamp(value);
      return at === null ? show(value) : formatDateTime(at, zone);
    };
    return html`<li class="card stack">
      <dl>${this.subject(issue)}</dl>
      ${Object.entries(issue.fields).map(
        ([key, mine]) =>
          html`<dl>
            <dt>${t.fieldName(key)}</dt>
            <dd>${t.mine}: ${word(mine)}</dd>
            <dd>${by === null ? t.theirs : t.theirsBy(by)}: ${word(issue.theirs?.[key])}</dd>
          </dl>`,
      )}
      ${this.actions(id, t.keepMine, t.keepTheirs)}
    </li>`;
  }

  private renderRejected(issue: SyncIssue) {
    const id = issue.id ?? -1;
    // references (org_id, session_id, athlete_id, …) are not a coach's to edit: they go back as they were
    const fields = Object.entries(issue.fields).filter(([k]) => k !== 'id' && !k.endsWith('_id'));
    // a value refused for what it holds may hold what no one sees (a NUL, a bidi override): name it
    const reveal = (value: unknown) => {
      if (
        typeof value !== 'string' ||
        (issue.reason !== 'unreadable' && issue.reason !== 'invalid')
      )
        return nothing;
      const shown = revealHidden(value);
      return shown === value ? nothing : html`<span class="muted">${t.hidden(shown)}</span>`;
    };
    return html`<li class="card stack">
      <dl>
        ${this.subject(issue)}
        <dt>${t.reason}</dt>
        <dd>${t.reasonName(issue.reason)}</dd>
      </dl>
      <!-- the server's own words are for whoever helps the coach, folded away -->
      <details>
        <summary>${t.details}</summary>
        <p class="muted">${issue.message}</p>
      </details>
      ${fields.map(([key, value]) => {
        // a moment in time is shown in words, in the club's zone, not edited as ISO text
        const at = parseTimestamp(value);
        const zone = this.zoneOf(issue);
        return at !== null
          ? html`<dl>
              <dt>${t.fieldName(key)}</dt>
              <dd>${formatDateTime(at, zone)}</dd>
            </dl>`
          : html`<label
              >${t.fieldName(key)}
              <input
                .value=${show(value)}
                @input=${(e: Event) =>
                  this.edit(id, key, value, (e.target as HTMLInputElement).value)}
              />${reveal(value)}</label
            >`;
      })}
      ${this.actions(id, t.retry, t.discard)}
    </li>`;
  }

  /** send the change again (as edited), or let it go */
  private actions(id: number, retry: string, discard: string) {
    return html`<div class="actions">
      <button class="button" type="button" @click=${() => this.retry(id)}>${retry}</button>
      <button class="button secondary" type="button" @click=${() => this.discard(id)}>
        ${discard}
      </button>
    </div>`;
  }

  private edit(id: number, key: string, original: unknown, text: string): void {
    let value: unknown = text;
    // structured values (a schedule) round-trip as JSON; keep text when it is not
    if (typeof original !== 'string' && original !== null) {
      try {
        value = JSON.parse(text) as unknown;
      } catch {
        value = text;
      }
    }
    this.#edits.set(id, { ...this.#edits.get(id), [key]: value });
  }

  private async retry(id: number): Promise<void> {
    this.error = '';
    try {
      await this.#sync.retry(id, this.#edits.get(id));
      this.#edits.delete(id);
    } catch (error) {
      this.error = describeError(error).message;
    }
  }

  private async discard(id: number): Promise<void> {
    this.error = '';
    try {
      await this.#sync.discard(id);
      this.#edits.delete(id);
    } catch (error) {
      this.error = describeError(error).message;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sync-issues-page': SyncIssuesPage;
  }
}
