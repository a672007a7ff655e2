// The partner application pages as plain HTML: the form (/partners/apply) and the
// confirmation (/partners/confirm). Both work with JavaScript off — the forms post
// to the partner-apply Edge Function, which answers 303 back here with ?sent=1,
// ?done=<state> or ?error=invalid&fields=<field>:<problem>,… (no answer travels in
// the URL, only which field is wrong). With JavaScript on, a small inline script
// posts the same fields as JSON and shows each field's message without leaving the
// page, so nothing typed is lost. 360 px first.
import {
  APPLICATION_BOUNDS,
  APPLICATION_FIELDS,
  APPLICATION_HONEYPOT,
  COMPANY_SIZES,
  PARTNERSHIP_TYPES,
  type ApplicationField,
  type FieldProblem,
} from '../../domain/partner-application.ts';
import type { PartnerApplyStrings } from './partner-apply-strings.ts';

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const style = `*{box-sizing:border-box}body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
margin:0;color:#1b1f24;background:#f5f7fa;line-height:1.5}main{max-width:40rem;margin:0 auto;padding:1rem}
.card{background:#fff;border-radius:12px;padding:1.25rem;margin:0 0 1rem;box-shadow:0 1px 2px rgba(0,0,0,.08)}
h1{font-size:1.5rem;line-height:1.25;margin:.25rem 0 .5rem}h2{font-size:1.125rem;margin:0 0 .25rem}
.top{display:flex;justify-content:space-between;align-items:center;gap:1rem;margin:0 0 .5rem}
.brand{font-weight:700}label,legend{display:block;font-weight:600;margin:1rem 0 .25rem;padding:0}
fieldset{border:0;margin:0;padding:0;min-width:0}.opt{font-weight:400;color:#4a5360}
input,select,textarea{width:100%;min-height:48px;font:inherit;padding:.5rem .75rem;border:1px solid #8a9099;border-radius:8px;background:#fff}
textarea{min-height:6rem;resize:vertical}
input:focus,select:focus,textarea:focus{outline:3px solid #0a58a8;outline-offset:1px}
[aria-invalid=true]{border-color:#b3261e;border-width:2px}
.choice{display:flex;gap:.75rem;align-items:flex-start;font-weight:400;margin:.5rem 0;min-height:44px}
.choice input{width:24px;min-height:24px;height:24px;flex:none;margin:.1rem 0 0}
.hint{color:#4a5360;font-size:.875rem;margin:.25rem 0 0}.error{color:#b3261e;font-weight:600;margin:.25rem 0 0}
.error:empty{display:none}
button,.button{display:flex;align-items:center;justify-content:center;width:100%;min-height:48px;margin:1.25rem 0 .5rem;
font:inherit;font-weight:700;color:#fff;background:#0a58a8;border:0;border-radius:8px;cursor:pointer;text-decoration:none;
padding:.5rem 1rem;text-align:center}button[disabled]{opacity:.6}.note{color:#4a5360;font-size:.875rem}
.alert{border-radius:8px;padding:.75rem 1rem;margin:0 0 1rem;background:#fdecea;color:#8a1c13}
.alert ul{margin:.25rem 0 0;padding-left:1.25rem}.alert a{color:#8a1c13}
.ok{background:#e6f4ea;color:#0d5223}.trap{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
a{color:#0a58a8}a:focus{outline:3px solid #0a58a8}`;

function layout(t: PartnerApplyStrings, title: string, other: string, body: string): string {
  return `<!doctype html>
<html lang="${t.lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${style}</style></head>
<body><main><div class="top"><span class="brand">Trackside</span>
<a href="${escapeHtml(other)}" lang="${t.lang === 'ru' ? 'en' : 'ru'}">${escapeHtml(t.language)}</a></div>
${body}</main></body></html>`;
}

export type FieldProblems = Partial<Record<ApplicationField, FieldProblem>>;

const PROBLEMS: readonly FieldProblem[] = [
  'required',
  'short',
  'long',
  'shape',
  'characters',
  'choice',
];

/** `company_name:short,website:shape` as the function's redirect writes it; unknown parts dropped */
export function parseFieldProblems(value: string | null): FieldProblems {
  const out: FieldProblems = {};
  for (const part of (value ?? '').split(',').slice(0, 20)) {
    const [field, problem] = part.split(':');
    if (
      (APPLICATION_FIELDS as readonly string[]).includes(field ?? '') &&
      (PROBLEMS as readonly string[]).includes(problem ?? '')
    ) {
      out[field as ApplicationField] = problem as FieldProblem;
    }
  }
  return out;
}

function bounds(field: ApplicationField): readonly [number, number] {
  return field in APPLICATION_BOUNDS
    ? APPLICATION_BOUNDS[field as keyof typeof APPLICATION_BOUNDS]
    : [0, 0];
}

const REQUIRED = new Set<ApplicationField>([
  'company_name',
  'contact_name',
  'contact_email',
  'partnership_type',
  'company_size',
  'industry',
  'target_market',
  'motivation',
]);

interface Control {
  field: ApplicationField;
  kind: 'text' | 'email' | 'tel' | 'url' | 'textarea';
  autocomplete?: string;
}

function labelFor(t: PartnerApplyStrings, field: ApplicationField): string {
  const mark = REQUIRED.has(field) ? '' : ` <span class="opt">(${escapeHtml(t.optional)})</span>`;
  return `${escapeHtml(t.labels[field])}${mark}`;
}

function describedBy(t: PartnerApplyStrings, field: ApplicationField): string {
  return [t.hints[field] ? `${field}-hint` : '', `${field}-error`].filter(Boolean).join(' ');
}

function after(t: PartnerApplyStrings, field: ApplicationField, problems: FieldProblems): string {
  const hint = t.hints[field];
  const problem = problems[field];
  return `${hint ? `<p class="hint" id="${field}-hint">${escapeHtml(hint)}</p>` : ''}<p class="error" id="${field}-error">${
    problem ? escapeHtml(t.problem(field, problem, bounds(field))) : ''
  }</p>`;
}

function control(t: PartnerApplyStrings, c: Control, problems: FieldProblems): string {
  const [min, max] = bounds(c.field);
  const common = `id="${c.field}" name="${c.field}"${REQUIRED.has(c.field) ? ' required' : ''} maxlength="${max}"${
    REQUIRED.has(c.field) && min > 1 ? ` minlength="${min}"` : ''
  } aria-describedby="${describedBy(t, c.field)}"${problems[c.field] ? ' aria-invalid="true"' : ''}`;
  const input =
    c.kind === 'textarea'
      ? `<textarea ${common}></textarea>`
      : `<input ${common} type="${c.kind === 'url' ? 'text' : c.kind}"${
          c.autocomplete ? ` autocomplete="${c.autocomplete}"` : ''
        }${c.kind === 'url' ? ' inputmode="url"' : ''}>`;
  return `<label for="${c.field}">${labelFor(t, c.field)}</label>${input}${after(t, c.field, problems)}`;
}

function typeChoice(t: PartnerApplyStrings, problems: FieldProblems): string {
  const invalid = problems.partnership_type ? ' aria-invalid="true"' : '';
  return `<fieldset aria-describedby="partnership_type-error"${invalid}><legend>${labelFor(t, 'partnership_type')}</legend>
${PARTNERSHIP_TYPES.map(
  (type, i) =>
    `<label class="choice"><input type="radio" name="partnership_type" value="${type}"${
      i === 0 ? ' id="partnership_type"' : ''
    } required><span>${escapeHtml(t.types[type])}</span></label>`,
).join('\n')}
${after(t, 'partnership_type', problems)}</fieldset>`;
}

function sizeChoice(t: PartnerApplyStrings, problems: FieldProblems): string {
  const invalid = problems.company_size ? ' aria-invalid="true"' : '';
  return `<label for="company_size">${labelFor(t, 'company_size')}</label>
<select id="company_size" name="company_size" required aria-describedby="company_size-error"${invalid}>
<option value="">${escapeHtml(t.choose)}</option>
${COMPANY_SIZES.map((s) => `<option value="${s}">${escapeHtml(t.sizes[s])}</option>`).join('')}
</select>${after(t, 'company_size', problems)}`;
}

function summary(t: PartnerApplyStrings, problems: FieldProblems): string {
  const entries = Object.entries(problems) as [ApplicationField, FieldProblem][];
  const items = entries
    .map(
      ([f, p]) =>
        `<li><a href="#${f}">${escapeHtml(t.labels[f])}: ${escapeHtml(t.problem(f, p, bounds(f)))}</a></li>`,
    )
    .join('');
  return `<div class="alert" role="alert" id="summary" tabindex="-1"${entries.length ? '' : ' hidden'}>
<p>${escapeHtml(entries.length ? t.summary(entries.length) : '')}</p><ul>${items}</ul>${
    entries.length ? `<p>${escapeHtml(t.refilled)}</p>` : ''
  }</div>`;
}

/** the messages the inline script shows: every field's every problem, in the page's language */
function scriptMessages(t: PartnerApplyStrings, lang: string) {
  const fields: Record<string, Record<string, string>> = {};
  for (const f of APPLICATION_FIELDS) {
    fields[f] = Object.fromEntries(PROBLEMS.map((p) => [p, t.problem(f, p, bounds(f))]));
  }
  return {
    fields,
    labels: t.labels,
    summary: [t.summary(1), t.summary(2).replace('2', '{n}')],
    sending: t.sending,
    tooMany: t.tooMany,
    failed: t.failed,
    sent: `/partners/apply?lang=${lang}&sent=1`,
  };
}

// posts the form as JSON and shows the answer in place (the form works without it);
// its address is read as an attribute: `f.action` is the input named `action`
const enhance = `(function(){var f=document.getElementById('apply');if(!f||!window.fetch||!window.FormData)return;
var M=JSON.parse(document.getElementById('apply-messages').textContent);f.noValidate=true;
var box=document.getElementById('summary');
function clear(){box.hidden=true;box.innerHTML='';f.querySelectorAll('[aria-invalid]').forEach(function(e){e.removeAttribute('aria-invalid')});
f.querySelectorAll('.error').forEach(function(e){e.textContent=''})}
function general(text){box.hidden=false;box.innerHTML='';var p=document.createElement('p');p.textContent=text;box.appendChild(p);box.focus()}
function show(fields){var keys=Object.keys(fields);if(!keys.length)return general(M.failed);box.hidden=false;box.innerHTML='';
var p=document.createElement('p');p.textContent=keys.length===1?M.summary[0]:M.summary[1].replace('{n}',keys.length);box.appendChild(p);
var ul=document.createElement('ul');keys.forEach(function(k){var text=(M.fields[k]||{})[fields[k]]||'';
var err=document.getElementById(k+'-error');if(err)err.textContent=text;var el=f.querySelector('[name="'+k+'"]');
var holder=el&&el.type==='radio'?el.closest('fieldset'):el;if(holder)holder.setAttribute('aria-invalid','true');
var li=document.createElement('li');var a=document.createElement('a');a.href='#'+(el&&el.id?el.id:k);a.textContent=(M.labels[k]||k)+': '+text;li.appendChild(a);ul.appendChild(li)});
box.appendChild(ul);box.focus()}
f.addEventListener('submit',function(e){e.preventDefault();var b=f.querySelector('button[type=submit]');var label=b.textContent;
b.disabled=true;b.textContent=M.sending;clear();var data={};new FormData(f).forEach(function(v,k){data[k]=v});
fetch(f.getAttribute('action'),{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify(data)}).then(function(r){
if(r.status===202){location.assign(M.sent);return}
if(r.status===400)return r.json().then(function(j){show((j&&j.error&&j.error.fields)||{})});
general(r.status===429?M.tooMany:M.failed)}).catch(function(){general(M.failed)}).then(function(){b.disabled=false;b.textContent=label})})})();`;

export interface ApplyPageOptions {
  t: PartnerApplyStrings;
  /** where the forms post: the partner-apply Edge Function */
  action: string;
  problems: FieldProblems;
  /** a reason other than a field's (?error=) */
  error: string | null;
  sent: boolean;
}

export function renderApplyPage(o: ApplyPageOptions): string {
  const { t } = o;
  const other = `/partners/apply?lang=${t.lang === 'ru' ? 'en' : 'ru'}`;
  if (o.sent) {
    return layout(
      t,
      t.sentTitle,
      other,
      `<section class="card" role="status"><h1>${escapeHtml(t.sentTitle)}</h1><p>${escapeHtml(t.sent)}</p>
<p class="note">${escapeHtml(t.sentNote)}</p><p><a href="/partners/apply?lang=${t.lang}">${escapeHtml(t.again)}</a></p></section>`,
    );
  }
  const p = o.problems;
  const general =
    o.error && o.error !== 'invalid'
      ? `<p class="alert" role="alert">${escapeHtml(o.error === 'too_many_requests' ? t.tooMany : t.failed)}</p>`
      : '';
  const messages = JSON.stringify(scriptMessages(t, t.lang)).replaceAll('<', '\\u003c');
  const body = `<section class="card"><h1>${escapeHtml(t.title)}</h1><p>${escapeHtml(t.intro)}</p>
<p class="note">${escapeHtml(t.steps)}</p></section>
${general}${summary(t, p)}
<form id="apply" class="card" method="post" action="${escapeHtml(o.action)}">
<input type="hidden" name="action" value="submit"><input type="hidden" name="locale" value="${t.lang}">
<h2>${escapeHtml(t.sections.company)}</h2>
${control(t, { field: 'company_name', kind: 'text', autocomplete: 'organization' }, p)}
${control(t, { field: 'website', kind: 'url', autocomplete: 'url' }, p)}
${sizeChoice(t, p)}
${control(t, { field: 'industry', kind: 'text' }, p)}
<h2 style="margin-top:1.5rem">${escapeHtml(t.sections.contact)}</h2>
${control(t, { field: 'contact_name', kind: 'text', autocomplete: 'name' }, p)}
${control(t, { field: 'contact_email', kind: 'email', autocomplete: 'email' }, p)}
${control(t, { field: 'contact_phone', kind: 'tel', autocomplete: 'tel' }, p)}
<h2 style="margin-top:1.5rem">${escapeHtml(t.sections.partnership)}</h2>
${typeChoice(t, p)}
${control(t, { field: 'target_market', kind: 'textarea' }, p)}
${control(t, { field: 'current_solutions', kind: 'textarea' }, p)}
${control(t, { field: 'motivation', kind: 'textarea' }, p)}
${control(t, { field: 'additional_information', kind: 'textarea' }, p)}
<div class="trap" aria-hidden="true"><label for="${APPLICATION_HONEYPOT}">${escapeHtml(t.honeypot)}</label>
<input id="${APPLICATION_HONEYPOT}" name="${APPLICATION_HONEYPOT}" tabindex="-1" autocomplete="off"></div>
<button type="submit">${escapeHtml(t.submit)}</button>
</form>
<script type="application/json" id="apply-messages">${messages}</script>
<script>${enhance}</script>`;
  return layout(t, t.title, other, body);
}

export interface ConfirmPageOptions {
  t: PartnerApplyStrings;
  action: string;
  /** the link's token (?t=), when the page is opened from the email */
  token: string | null;
  /** the function's answer (?done=) */
  done: string | null;
}

export function renderConfirmPage(o: ConfirmPageOptions): string {
  const { t } = o;
  const other = (lang: string) =>
    o.token
      ? `/partners/confirm?t=${encodeURIComponent(o.token)}&lang=${lang}`
      : `/partners/confirm?lang=${lang}${o.done ? `&done=${o.done}` : ''}`;
  const otherLang = t.lang === 'ru' ? 'en' : 'ru';
  const state = o.done && t.done[o.done] ? o.done : o.token ? null : 'link_invalid';
  if (state) {
    const ok = state === 'confirmed' || state === 'already_confirmed';
    return layout(
      t,
      t.doneTitle[state] ?? t.confirmTitle,
      other(otherLang),
      `<section class="card"><h1>${escapeHtml(t.doneTitle[state] ?? '')}</h1>
<p class="alert${ok ? ' ok' : ''}" role="${ok ? 'status' : 'alert'}">${escapeHtml(t.done[state] ?? '')}</p>
${ok ? '' : `<a class="button" href="/partners/apply?lang=${t.lang}">${escapeHtml(t.applyLink)}</a>`}</section>`,
    );
  }
  // opening the link changes nothing (mail scanners open links): only the button does
  return layout(
    t,
    t.confirmTitle,
    other(otherLang),
    `<form class="card" method="post" action="${escapeHtml(o.action)}"><h1>${escapeHtml(t.confirmTitle)}</h1>
<p>${escapeHtml(t.confirmText)}</p>
<input type="hidden" name="action" value="confirm"><input type="hidden" name="locale" value="${t.lang}">
<input type="hidden" name="token" value="${escapeHtml(o.token ?? '')}">
<button type="submit">${escapeHtml(t.confirmButton)}</button></form>`,
  );
}
