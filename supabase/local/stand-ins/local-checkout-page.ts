// Stripe's hosted checkout page, as the local stack stands it in: checkout's
// session URL points here instead of checkout.stripe.com.
//   GET  …/checkout/local/pay?session=   a test payment page naming the item and the
//        amount (Pay / Decline the card), Russian or English by Accept-Language;
//        410 with a way back once the session is no longer open
//   POST …/checkout/local/complete {session, outcome: paid|failed}
//        delivers the signed event to the real stripe-webhook (LocalStripe.complete)
//        and redirects (form) or answers JSON.
import { z } from 'zod';
import {
  HttpError,
  errorResponse,
  jsonResponse,
  readJson,
  readText,
  requireMethod,
  validate,
} from '../../functions/_shared/http-error.ts';
import { LocalCheckoutError, type LocalOutcome, type LocalStripe } from './local-stripe.ts';

/** whether a request is for the local pay page rather than for checkout itself */
export function isLocalCheckoutPath(req: Request): boolean {
  const path = new URL(req.url).pathname.replace(/\/+$/, '');
  return path.endsWith('/local/pay') || path.endsWith('/local/complete');
}

/** answers …/local/pay and …/local/complete, errors as JSON like the function's own */
export async function localCheckoutPage(req: Request, local: LocalStripe): Promise<Response> {
  try {
    const path = new URL(req.url).pathname.replace(/\/+$/, '');
    return path.endsWith('/local/pay') ? payPage(req, local) : await complete(req, local);
  } catch (e) {
    return errorResponse(e);
  }
}

const completeSchema = z
  .object({
    session: z.string().regex(/^cs_local_[0-9a-f]{24}$/),
    outcome: z.enum(['paid', 'failed']),
  })
  .strict();

/** the page's words, Russian unless the browser prefers English */
const pageText = {
  ru: {
    title: 'Тестовая оплата',
    note: 'Деньги не списываются: на локальном стенде эта страница заменяет Stripe.',
    item: 'Покупка',
    amount: 'К оплате',
    pay: 'Оплатить',
    decline: 'Карта отклонена',
    notOpen: 'Эта оплата уже закрыта: покупка оплачена, отменена или время истекло.',
    back: 'Вернуться к покупкам',
    booking: 'Запись',
    held: 'Время держится за вами 10 минут. Не успели — бронь снимается, и время снова свободно.',
    bookingNotOpen: 'Эта оплата уже закрыта: запись оплачена или бронь истекла.',
    backToBooking: 'Вернуться к записи',
  },
  en: {
    title: 'Test checkout',
    note: 'No money moves: this page stands in for Stripe in the local stack.',
    item: 'Item',
    amount: 'To pay',
    pay: 'Pay',
    decline: 'Decline the card',
    notOpen: 'This checkout is closed: the purchase is paid, canceled or has expired.',
    back: 'Back to purchases',
    booking: 'Booking',
    held: 'The time is held for you for 10 minutes. After that the hold ends and the time is free again.',
    bookingNotOpen: 'This checkout is closed: the booking is paid or its hold has ended.',
    backToBooking: 'Back to the booking',
  },
} as const;

/** the first of ru/en the browser lists (Accept-Language, by its q weights); ru otherwise */
export function pageLanguage(acceptLanguage: string | null): 'ru' | 'en' {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((x) => /^q=([\d.]+)$/.exec(x.trim())?.[1]).find(Boolean);
      return { lang: tag.split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), i };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  const first = ranked.find((x) => x.lang === 'ru' || x.lang === 'en');
  return first?.lang === 'en' ? 'en' : 'ru';
}

const pageStyle = `body{font-family:system-ui,sans-serif;max-width:28rem;margin:0 auto;padding:1.5rem 1rem;
line-height:1.5;color:#1a1a1a}h1{font-size:1.5rem;margin:0 0 .5rem}.note{color:#555}
dl{margin:1.5rem 0;display:grid;gap:.25rem}dt{color:#555}dd{margin:0 0 .75rem;font-weight:700;overflow-wrap:anywhere}
dd.amount{font-size:1.75rem}form{display:grid;gap:.75rem}
button,a.button{min-height:48px;font:inherit;font-weight:600;border-radius:8px;padding:.5rem 1rem;
border:2px solid #1f5fbf;cursor:pointer;text-align:center;text-decoration:none;display:flex;
align-items:center;justify-content:center}
button.pay,a.button{background:#1f5fbf;color:#fff}button.decline{background:#fff;color:#1f5fbf}`;

function payPage(req: Request, local: LocalStripe): Response {
  requireMethod(req, 'GET');
  const id = new URL(req.url).searchParams.get('session') ?? '';
  const session = local.sessions.get(id);
  if (!session) throw new HttpError(404, 'not_found', 'No such checkout session');
  const lang = pageLanguage(req.headers.get('accept-language'));
  const text = pageText[lang];
  const amount = formatAmount(session.amountTotal, session.currency, lang);
  // a booking's checkout (a held slot) rather than a purchase's
  const booking = Boolean(session.metadata['booking_id']);
  const body =
    session.status === 'open'
      ? `<dl><dt>${booking ? text.booking : text.item}</dt><dd class="item">${escapeHtml(session.name)}</dd>
<dt>${text.amount}</dt><dd class="amount">${escapeHtml(amount)}</dd></dl>
${booking ? `<p class="note">${text.held}</p>\n` : ''}<form method="post" action="complete">
<input type="hidden" name="session" value="${escapeHtml(session.id)}">
<button class="pay" name="outcome" value="paid">${text.pay}</button>
<button class="decline" name="outcome" value="failed">${text.decline}</button>
</form>`
      : `<p role="status">${booking ? text.bookingNotOpen : text.notOpen}</p>
<p><a class="button" href="${escapeHtml(session.cancelUrl)}">${booking ? text.backToBooking : text.back}</a></p>`;
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${text.title}</title><style>${pageStyle}</style></head>
<body><h1>${text.title}</h1>
<p class="note">${text.note}</p>
${body}</body></html>`;
  return new Response(html, {
    status: session.status === 'open' ? 200 : 410,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-language': lang,
      vary: 'accept-language',
    },
  });
}

function formatAmount(minor: number, currency: string, lang: 'ru' | 'en'): string {
  try {
    return new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', {
      style: 'currency',
      currency: currency.toUpperCase(),
    }).format(minor / 100);
  } catch {
    return `${(minor / 100).toFixed(2)} ${currency.toUpperCase()}`;
  }
}

async function complete(req: Request, local: LocalStripe): Promise<Response> {
  requireMethod(req, 'POST');
  const type = req.headers.get('content-type') ?? '';
  const form = /^application\/x-www-form-urlencoded\b/i.test(type);
  const input = form
    ? validate(completeSchema, Object.fromEntries(new URLSearchParams(await readText(req, 4096))))
    : await readJson(req, completeSchema, 4096);
  let result: { webhookStatus: number; redirect: string };
  try {
    result = await local.complete(input.session, input.outcome as LocalOutcome);
  } catch (e) {
    if (e instanceof LocalCheckoutError)
      throw new HttpError(e.status, 'checkout_session', e.message);
    throw new HttpError(502, 'webhook_unreachable', 'The webhook could not be reached');
  }
  if (result.webhookStatus < 200 || result.webhookStatus >= 300) {
    throw new HttpError(502, 'webhook_failed', `The webhook answered ${result.webhookStatus}`);
  }
  if (form && result.redirect) {
    return new Response(null, { status: 303, headers: { location: result.redirect } });
  }
  return jsonResponse({ delivered: true, outcome: input.outcome, redirect: result.redirect });
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
