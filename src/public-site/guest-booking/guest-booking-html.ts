// The guest pages' HTML: escaping, one small stylesheet inline (no request
// before first paint), the language switch and the response headers every page
// sends. Pages behind a manage link also send no-referrer and no-store, so the
// token never leaves in a Referer and no cache keeps the page.
import { type Locale, intlTag, otherLocale } from '../../domain/locale.ts';

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** text or an attribute value, escaped */
export function esc(value: string | number | null | undefined): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

const style = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#f5f7fa}
main{max-width:40rem;margin:0 auto;padding:16px}
h1{font-size:1.5rem;line-height:1.25;margin:8px 0 16px}
h2{font-size:1.125rem;margin:24px 0 8px}
a{color:#0a58a8;text-underline-offset:.15em}
:focus-visible{outline:3px solid #f0a500;outline-offset:2px;border-radius:4px}
.card{background:#fff;border:1px solid #d4dbe3;border-radius:12px;padding:16px;margin:0 0 16px}
.card>:first-child{margin-top:0}
.muted{color:#4a5360}
.top{display:flex;justify-content:space-between;gap:8px;flex-wrap:wrap;font-size:.9375rem}
.types{list-style:none;padding:0;margin:0;display:grid;gap:8px}
.types a{display:block;padding:12px;border:1px solid #d4dbe3;border-radius:12px;background:#fff;text-decoration:none;color:inherit}
.types a[aria-current]{border-color:#0a58a8;box-shadow:inset 0 0 0 1px #0a58a8}
.types strong{display:block}
.day{margin:0 0 16px}
.day h3{font-size:1rem;margin:0 0 8px}
.times{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:8px}
.times a,.times label{display:inline-flex;align-items:center;gap:6px;min-height:44px;min-width:72px;justify-content:center;padding:0 12px;border:1px solid #0a58a8;border-radius:8px;background:#fff;color:#0a58a8;font-weight:600;text-decoration:none;cursor:pointer}
.times input{accent-color:#fff;margin:0}
.times label:has(input:checked){background:#0a58a8;color:#fff}
.weeks{display:flex;justify-content:space-between;gap:8px;flex-wrap:wrap;margin:16px 0}
dl{margin:0}
dt{color:#4a5360;font-size:.875rem;margin-top:10px}
dt:first-child{margin-top:0}
dd{margin:0}
label.field{display:block;margin:0 0 12px;font-weight:600}
label.field input,select{display:block;width:100%;margin-top:4px;min-height:44px;padding:8px 10px;font:inherit;border:1px solid #8a9099;border-radius:8px;background:#fff}
.zone{display:flex;gap:8px;align-items:flex-end;flex-wrap:wrap}
.zone label{flex:1 1 12rem;font-weight:600}
button,.button{display:inline-flex;align-items:center;justify-content:center;min-height:44px;padding:8px 18px;text-align:center;font:inherit;font-weight:600;border-radius:8px;border:1px solid #0a58a8;background:#0a58a8;color:#fff;cursor:pointer;text-decoration:none}
button.secondary{background:#fff;color:#0a58a8}
.actions{display:flex;gap:8px;flex-wrap:wrap;margin-top:16px}
.actions form{margin:0}
.notice{padding:12px 16px;border-radius:12px;margin:0 0 16px;background:#e6f2e8;border:1px solid #9cc7a5}
.error{background:#fbe9e4;border-color:#e5a593}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
`;

export interface PageOptions {
  locale: Locale;
  title: string;
  body: string;
  status?: number;
  /** the page sits behind a manage link: no Referer, no cache */
  private?: boolean;
  /** the same page in the other language */
  otherLanguageHref: string;
  languageLabel: string;
  /** an optional inline script (progressive enhancement only) */
  script?: string;
  /** the tracker's tag (analytics/tracker-tag.ts) */
  tracker?: string;
}

export function page(o: PageOptions): Response {
  const html = `<!doctype html>
<html lang="${o.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
${o.private ? '<meta name="referrer" content="no-referrer">\n' : ''}<title>${esc(o.title)}</title>
${o.tracker ?? ''}<style>${style}</style>
</head>
<body>
<main>
<div class="top"><span></span><a href="${esc(o.otherLanguageHref)}" lang="${otherLocale(o.locale)}">${esc(o.languageLabel)}</a></div>
${o.body}
</main>
${o.script ? `<script>${o.script}</script>` : ''}
</body>
</html>`;
  const headers: Record<string, string> = {
    'content-type': 'text/html; charset=utf-8',
    'content-language': o.locale,
    'x-content-type-options': 'nosniff',
    'cache-control': o.private ? 'no-store' : 'no-cache',
    'referrer-policy': o.private ? 'no-referrer' : 'strict-origin-when-cross-origin',
  };
  return new Response(html, { status: o.status ?? 200, headers });
}

/** `href` with `lang` set to the other language */
export function withLang(url: URL, locale: Locale): string {
  const u = new URL(url.href);
  u.searchParams.set('lang', locale);
  return `${u.pathname}${u.search}`;
}

/** «суббота, 12 декабря, 16:00» / "Saturday 12 December, 16:00" in `zone` */
export function formatWhen(locale: Locale, zone: string, at: string | number | Date): string {
  return new Intl.DateTimeFormat(intlTag(locale), {
    timeZone: zone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(at));
}

/** a day heading, «Понедельник, 7 декабря» (only its first letter capital) */
export function formatDay(locale: Locale, zone: string, at: string | number | Date): string {
  const text = new Intl.DateTimeFormat(intlTag(locale), {
    timeZone: zone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(new Date(at));
  return text.charAt(0).toLocaleUpperCase(intlTag(locale)) + text.slice(1);
}

/** «7 декабря в 01:00» / "7 December at 01:00": after «до», where a weekday would need its case */
export function formatDeadline(locale: Locale, zone: string, at: string | number | Date): string {
  return new Intl.DateTimeFormat(intlTag(locale), {
    timeZone: zone,
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(at));
}

export function formatTime(locale: Locale, zone: string, at: string | number | Date): string {
  return new Intl.DateTimeFormat(intlTag(locale), {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(at));
}

export function formatPrice(locale: Locale, minor: number, currency: string, free: string): string {
  if (minor === 0) return free;
  return new Intl.NumberFormat(intlTag(locale), {
    style: 'currency',
    currency,
    maximumFractionDigits: minor % 100 === 0 ? 0 : 2,
  }).format(minor / 100);
}
