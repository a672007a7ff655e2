import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatMoney } from '../../domain/money.ts';
import {
  SEAT_VOLUME_TIERS,
  isSeatCount,
  seatQuote,
  seatVolumeTier,
} from '../../domain/seat-volume-price.ts';
import { currentIntlTag } from '../../i18n/locale.ts';
import { errorStrings } from '../../i18n/error-strings.ts';
import { strings } from '../../i18n/shell-strings.ts';
import { supabaseContext } from '../../state/contexts.ts';
import { fieldStyles } from '../../ui/field-styles.ts';
import { sharedStyles } from '../../ui/shared-styles.ts';
import '../../ui/ts-notice.ts';
import { buySeats, loadSeatOffers, type SeatOffer } from './seats-data.ts';
import { seatsStrings } from './seats-strings.ts';

const t = seatsStrings.buy;

type Offers =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; offers: SeatOffer[] };

/** where the page remembers, across the payment page, how many pools the club had */
export function poolCountKey(orgId: string): string {
  return `seat-checkout:${orgId}`;
}

/**
 * «Купить места»: a club admin picks a plan product another club sells (from
 * seat_pool_offers), the number of seats, sees the volume price (per seat, the
 * tier, the total, as src/domain/seat-volume-price.ts computes it — the same tiers
 * as the database, which prices the checkout), and pays on the payment page,
 * which comes back to /org/<club>/seats. Shown only while running_clubs is on
 * for the club (the page decides).
 */
@customElement('seat-buy-form')
export class SeatBuyForm extends LitElement {
  static override styles = [
    sharedStyles,
    fieldStyles,
    css`
      :host {
        display: block;
      }
      form {
        display: grid;
        gap: var(--ts-space-3);
        min-width: 0;
      }
      h2,
      p {
        margin: 0;
      }
      label {
        display: grid;
        gap: var(--ts-space-1);
      }
      select,
      input {
        width: 100%;
        min-width: 0;
      }
      dl {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: var(--ts-space-1) var(--ts-space-3);
        margin: 0;
      }
      dt {
        color: var(--ts-color-muted);
      }
      dd {
        margin: 0;
        text-align: end;
        white-space: nowrap;
        font-variant-numeric: tabular-nums;
      }
      dd.total,
      dt.total {
        font-weight: 600;
        color: inherit;
      }
      .tiers {
        margin: 0;
        padding-left: var(--ts-space-4);
        color: var(--ts-color-muted);
        font-size: 0.9375rem;
      }
      .tiers [aria-current] {
        color: inherit;
        font-weight: 600;
      }
    `,
  ];

  /** the buying club */
  @property() orgId = '';
  /** how many pools the club holds now (remembered across the payment page) */
  @property({ type: Number }) poolCount = 0;

  readonly #supabase = new ContextConsumer(this, { context: supabaseContext, subscribe: true });
  @state() private offers: Offers = { status: 'loading' };
  @state() private productId = '';
  @state() private seatsText = '20';
  @state() private busy = false;
  @state() private error = '';
  #loadedFor = '';

  override willUpdate(): void {
    if (!this.#supabase.value || this.#loadedFor === this.orgId) return;
    this.#loadedFor = this.orgId;
    void this.load();
  }

  private async load(): Promise<void> {
    const client = this.#supabase.value;
    if (!client) return;
    const orgId = this.orgId;
    const result = await loadSeatOffers(client, orgId);
    if (orgId !== this.orgId) return;
    if (!result.ok) {
      this.offers = { status: 'error', message: result.error.message };
      return;
    }
    this.offers = { status: 'ready', offers: result.value };
    if (!result.value.some((o) => o.product_id === this.productId))
      this.productId = result.value[0]?.product_id ?? '';
  }

  override render(): TemplateResult {
    return html`<section class="card" aria-labelledby="buy-title">
      <form @submit=${(e: Event) => this.pay(e)} novalidate>
        <h2 id="buy-title">${t.title}</h2>
        <p class="muted">${t.intro}</p>
        ${this.renderBody()}
      </form>
    </section>`;
  }

  private renderBody(): TemplateResult {
    const offers = this.offers;
    if (offers.status === 'loading')
      return html`<p class="muted" role="status">${strings.loading}</p>`;
    if (offers.status === 'error')
      return html`<ts-notice tone="error"><p>${offers.message}</p></ts-notice>`;
    if (offers.offers.length === 0) return html`<p class="muted">${t.none}</p>`;
    const offer = offers.offers.find((o) => o.product_id === this.productId);
    const seats = Number(this.seatsText);
    const valid = this.seatsText.trim() !== '' && isSeatCount(seats);
    return html`
      <label
        >${t.plan}
        <select
          name="product"
          @change=${(e: Event) => {
            this.productId = (e.target as HTMLSelectElement).value;
            this.error = '';
          }}
        >
          <option value="" ?selected=${!offer} disabled>${t.choose}</option>
          ${offers.offers.map(
            (o) =>
              html`<option value=${o.product_id} ?selected=${o.product_id === this.productId}>
                ${t.offer(
                  o.weeks ? `${o.name} (${t.weeks(o.weeks)})` : o.name,
                  o.seller_name || seatsStrings.unnamedSeller,
                  formatMoney(o.price_minor, o.currency, currentIntlTag),
                )}
              </option>`,
          )}
        </select>
      </label>
      <label
        >${t.seats}
        <input
          name="seats"
          type="number"
          inputmode="numeric"
          min="1"
          max="10000"
          step="1"
          .value=${this.seatsText}
          aria-invalid=${valid ? 'false' : 'true'}
          aria-describedby="seats-hint"
          @input=${(e: Event) => {
            this.seatsText = (e.target as HTMLInputElement).value;
            this.error = '';
          }}
        />
        <span class="hint" id="seats-hint">${valid ? t.seatsHint : t.seatsError}</span>
      </label>
      ${offer && valid ? this.renderQuote(offer, seats) : nothing}
      <p class="error" role="alert">${this.error}</p>
      <p>
        <button class="button" type="submit" ?disabled=${!offer || !valid || this.busy}>
          ${
            this.busy
              ? t.paying
              : offer && valid
                ? t.pay(
                    formatMoney(
                      seatQuote(offer.price_minor, seats).totalMinor,
                      offer.currency,
                      currentIntlTag,
                    ),
                  )
                : t.title
          }
        </button>
      </p>
      <p class="muted">${t.priceNote}</p>
    `;
  }

  private renderQuote(offer: SeatOffer, seats: number): TemplateResult {
    const quote = seatQuote(offer.price_minor, seats);
    const tier = seatVolumeTier(seats);
    const money = (minor: number) => formatMoney(minor, offer.currency, currentIntlTag);
    return html`
      <dl data-testid="seat-quote">
        <dt>${t.listPrice}</dt>
        <dd>${money(offer.price_minor)}</dd>
        <dt>${t.discount}</dt>
        <dd data-testid="seat-tier">
          ${quote.percentOff === 0 ? t.noDiscount : t.discountOf(quote.percentOff, tier.from, tier.to)}
        </dd>
        <dt>${t.perSeat}</dt>
        <dd data-testid="seat-price">${money(quote.perSeatMinor)}</dd>
        <dt class="total">${t.total}</dt>
        <dd class="total" data-testid="seat-total">${money(quote.totalMinor)}</dd>
      </dl>
      <details>
        <summary>${t.tiers}</summary>
        <ul class="tiers">
          ${[...SEAT_VOLUME_TIERS].reverse().map((row) => {
            const range = seatVolumeTier(row.from);
            return html`<li aria-current=${range.from === tier.from ? 'true' : nothing}>
              ${t.tier(range.from, range.to, range.percentOff)}
            </li>`;
          })}
        </ul>
      </details>
    `;
  }

  private async pay(e: Event): Promise<void> {
    e.preventDefault();
    const client = this.#supabase.value;
    const seats = Number(this.seatsText);
    if (!client || !this.productId || !isSeatCount(seats) || this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      sessionStorage.setItem(poolCountKey(this.orgId), String(this.poolCount));
    } catch {
      // private mode: back on the page, the pools are loaded once without waiting
    }
    const result = await buySeats(client, this.orgId, this.productId, seats);
    if (result.ok) {
      // the payment page (Stripe, or the local test checkout) comes back to this page
      location.assign(result.url);
      return;
    }
    this.busy = false;
    if (result.network) this.error = errorStrings.network;
    else this.error = t.errors[result.code] ?? t.failed(result.status, result.message);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'seat-buy-form': SeatBuyForm;
  }
}
