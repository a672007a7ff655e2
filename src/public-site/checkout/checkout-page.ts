// The public checkout page as plain HTML: readable and payable with JavaScript off
// (the form posts to the public-checkout Edge Function, which answers 303 to
// Stripe Checkout). No script, one small inline style, 360 px first.
import { trackerScript } from '../analytics/tracker-tag.ts';
import { formatMoney } from '../../domain/money.ts';
import type { CheckoutOffer } from './checkout-offer.ts';
import type { CheckoutStrings } from './checkout-strings.ts';

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const style = `*{box-sizing:border-box}body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
margin:0;color:#1b1f24;background:#f5f7fa;line-height:1.5}main{max-width:34rem;margin:0 auto;padding:1rem}
.card{background:#fff;border-radius:12px;padding:1.25rem;margin:0 0 1rem;box-shadow:0 1px 2px rgba(0,0,0,.08)}
h1{font-size:1.5rem;line-height:1.25;margin:.25rem 0 .5rem}h2{font-size:1rem;margin:1rem 0 .25rem}
.seller{color:#4a5360;margin:0}.price{font-size:1.75rem;font-weight:700;margin:.75rem 0 0}
ul{margin:.25rem 0;padding-left:1.25rem}label{display:block;font-weight:600;margin:.75rem 0 .25rem}
input{width:100%;min-height:48px;font:inherit;padding:.5rem .75rem;border:1px solid #8a9099;border-radius:8px}
input:focus{outline:3px solid #0a58a8;outline-offset:1px}.hint{color:#4a5360;font-size:.875rem;margin:.25rem 0 0}
button,.button{display:flex;align-items:center;justify-content:center;width:100%;min-height:48px;margin:1.25rem 0 .5rem;
font:inherit;font-weight:700;color:#fff;background:#0a58a8;border:0;border-radius:8px;cursor:pointer;text-decoration:none;
padding:.5rem 1rem;text-align:center}.note{color:#4a5360;font-size:.875rem}
.alert{border-radius:8px;padding:.75rem 1rem;margin:0 0 1rem;background:#fdecea;color:#8a1c13}
.info{background:#e8f1fd;color:#123a73}.trap{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
a{color:#0a58a8}`;

export interface CheckoutPageOptions {
  offer: CheckoutOffer;
  t: CheckoutStrings;
  /** where the form posts: the public-checkout Edge Function */
  action: string;
  /** a reason from the function's redirect (?error=) */
  error: string | null;
  canceled: boolean;
}

export function layout(t: CheckoutStrings, title: string, body: string, tracker = ''): string {
  return `<!doctype html>
<html lang="${t.lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>${tracker}<style>${style}</style></head>
<body><main>${body}</main></body></html>`;
}

export function renderCheckoutPage(o: CheckoutPageOptions): string {
  const { offer, t } = o;
  const price = formatMoney(offer.priceMinor, offer.currency, t.lang === 'en' ? 'en-GB' : 'ru-RU');
  const seller = offer.coachName
    ? `${offer.coachName} · ${offer.organization}`
    : offer.organization;
  const includes = [
    ...(offer.credits ? [t.credits(offer.credits)] : []),
    ...offer.items.map((i) => t.item(i.quantity, i.name)),
  ];
  const alerts = [
    ...(o.error
      ? [
          `<p class="alert" role="alert">${escapeHtml(t.errors[o.error] ?? t.errors['other'] ?? '')}</p>`,
        ]
      : []),
    ...(o.canceled ? [`<p class="alert info" role="status">${escapeHtml(t.canceled)}</p>`] : []),
  ].join('');
  const body = `${alerts}<section class="card" aria-labelledby="product">
<p class="seller">${escapeHtml(t.from(seller))}</p>
<h1 id="product">${escapeHtml(offer.name)}</h1>
${offer.description ? `<p>${escapeHtml(offer.description)}</p>` : ''}
${includes.length ? `<h2>${escapeHtml(t.includes)}</h2><ul>${includes.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>` : ''}
${offer.validDays && offer.kind === 'package' ? `<p>${escapeHtml(t.validity(offer.validDays))}</p>` : ''}
<p class="price"><span class="trap">${escapeHtml(t.price)}: </span>${escapeHtml(price)}</p>
</section>
<form class="card" method="post" action="${escapeHtml(o.action)}">
<input type="hidden" name="productId" value="${escapeHtml(offer.id)}">
<input type="hidden" name="locale" value="${t.lang}">
<label for="name">${escapeHtml(t.name)}</label>
<input id="name" name="name" required maxlength="120" autocomplete="name">
<label for="email">${escapeHtml(t.email)}</label>
<input id="email" name="email" type="email" required maxlength="254" autocomplete="email" aria-describedby="email-hint">
<p class="hint" id="email-hint">${escapeHtml(t.emailHint)}</p>
<label for="discountCode">${escapeHtml(t.code)}</label>
<input id="discountCode" name="discountCode" maxlength="32" pattern="[A-Za-z0-9_\\-]{3,32}" autocomplete="off" autocapitalize="characters">
<div class="trap" aria-hidden="true"><label for="website">${escapeHtml(t.honeypot)}</label>
<input id="website" name="website" tabindex="-1" autocomplete="off"></div>
<button type="submit">${escapeHtml(t.pay(price))}</button>
<p class="note">${escapeHtml(t.payNote)}</p>
</form>
<p class="note">${escapeHtml(t.member)} <a href="/purchases">${escapeHtml(t.signIn)}</a></p>`;
  // checkout_started, counted for the coach whose page sells it (a club's own
  // product has no coach page to count for)
  const tracker = trackerScript({ page: offer.coachSlug, checkout: offer.id }).value;
  return layout(t, `${offer.name} — ${t.title}`, body, tracker);
}

export function renderNotFound(t: CheckoutStrings): string {
  return layout(
    t,
    t.notFoundTitle,
    `<section class="card"><h1>${escapeHtml(t.notFoundTitle)}</h1><p>${escapeHtml(t.notFound)}</p></section>`,
  );
}

export function renderPaid(t: CheckoutStrings, productPath: string): string {
  return layout(
    t,
    t.paidTitle,
    `<section class="card" role="status"><h1>${escapeHtml(t.paidTitle)}</h1><p>${escapeHtml(t.paid)}</p>
<a class="button" href="/sign-in">${escapeHtml(t.paidSignIn)}</a>
<p><a href="${escapeHtml(productPath)}">${escapeHtml(t.back)}</a></p></section>`,
  );
}
