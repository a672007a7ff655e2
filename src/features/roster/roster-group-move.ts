import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { MovableAthlete } from '../../domain/group-move.ts';
import { describeError } from '../../data/describe-error.ts';
import { LocalQueryController } from '../../state/local-query-controller.ts';
import { fieldStyles } from '../../ui/field-styles.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import { moveAthletes, observeMoveTargets, type MoveTarget } from './group-move-data.ts';
import { groupMoveStrings as t } from './group-move-strings.ts';

/**
 * The roster's select mode, its action part: how many athletes are ticked, a
 * target group of the club shown (only those the user may move athletes into),
 * and the move — one local edit per athlete, so it works offline — with the
 * count of what moved. The page holds the ticks; this asks it to tick all shown
 * (`choose-all`), none (`choose-none`), and says when a move is done
 * (`athletes-moved`).
 */
@customElement('roster-group-move')
export class RosterGroupMove extends LitElement {
  static override styles = [
    sharedStyles,
    fieldStyles,
    css`
      :host {
        display: block;
        margin-bottom: var(--ts-space-3);
      }
      .card {
        display: grid;
        gap: var(--ts-space-3);
      }
      label {
        display: grid;
        gap: var(--ts-space-1);
        font-weight: 600;
      }
      .count {
        font-weight: 700;
        margin: 0;
      }
    `,
  ];

  /** the athletes shown, in roster order */
  @property({ attribute: false }) athletes: readonly MovableAthlete[] = [];
  /** the ticked athletes' ids */
  @property({ attribute: false }) chosen: ReadonlySet<string> = new Set();
  /** the club shown: targets are its groups only */
  @property({ attribute: false }) orgId: string | null = null;

  readonly #targets = new LocalQueryController(this, observeMoveTargets);
  @state() private target = '';
  @state() private moving = false;
  @state() private result: { ok: boolean; lines: string[] } | null = null;

  private targets(): MoveTarget[] {
    return (this.#targets.value ?? []).filter((g) => g.orgId === this.orgId);
  }

  override render() {
    const targets = this.targets();
    const n = this.chosen.size;
    const target = targets.find((g) => g.id === this.target);
    return html`<div class="card" role="group" aria-label=${t.panel}>
      <p class="count" role="status">${t.chosen(n)}</p>
      <div class="actions">
        <button class="button secondary" type="button" @click=${() => this.ask('choose-all')}>
          ${t.chooseAll}
        </button>
        <button
          class="button secondary"
          type="button"
          ?disabled=${n === 0}
          @click=${() => this.ask('choose-none')}
        >
          ${t.chooseNone}
        </button>
      </div>
      ${
        targets.length === 0
          ? html`<p class="muted">${t.noTargets}</p>`
          : html`<label
                >${t.target}
                <select
                  name="target"
                  @change=${(e: Event) => {
                    this.target = (e.target as HTMLSelectElement).value;
                    this.result = null;
                  }}
                >
                  <option value="" ?selected=${!target}>${t.chooseTarget}</option>
                  ${targets.map(
                    (g) =>
                      html`<option value=${g.id} ?selected=${g.id === this.target}>
                        ${g.name}
                      </option>`,
                  )}
                </select>
              </label>
              <div class="actions">
                <button
                  class="button"
                  type="button"
                  ?disabled=${this.moving || n === 0 || !target}
                  @click=${() => void this.move(target)}
                >
                  ${t.move}${n > 0 ? ` (${n})` : ''}
                </button>
              </div>
              ${n === 0 || !target ? html`<p class="muted">${t.pickFirst}</p>` : nothing}`
      }
      ${
        this.result
          ? html`<ts-notice tone=${this.result.ok ? 'success' : 'error'}
              >${this.result.lines.map((l) => html`<p>${l}</p>`)}</ts-notice
            >`
          : nothing
      }
    </div>`;
  }

  private ask(what: 'choose-all' | 'choose-none'): void {
    this.result = null;
    this.dispatchEvent(new CustomEvent(what, { bubbles: true, composed: true }));
  }

  private async move(target: MoveTarget | undefined): Promise<void> {
    const engine = this.#targets.engine;
    if (!engine || !target || this.moving) return;
    this.moving = true;
    this.result = null;
    try {
      const { moved, already } = await moveAthletes(engine, this.athletes, this.chosen, target.id);
      this.result = {
        ok: true,
        lines: [
          t.moved(moved, target.name),
          ...(already > 0 ? [t.already(already)] : []),
          ...(moved > 0 ? [t.queued] : []),
        ],
      };
      this.dispatchEvent(new CustomEvent('athletes-moved', { bubbles: true, composed: true }));
    } catch (error) {
      this.result = { ok: false, lines: [describeError(error).message] };
    } finally {
      this.moving = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'roster-group-move': RosterGroupMove;
  }
}
