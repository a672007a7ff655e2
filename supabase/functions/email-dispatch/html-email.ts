// The HTML twin of an email's text: the same words, escaped, paragraphs from blank
// lines, line breaks kept, and each http(s) address a link. No images, no remote
// styles, no tracking: it reads the same in any client, and the text part remains
// the fallback.
import type { Locale } from '../../../src/domain/locale.ts';

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);
}

const url = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)»]/g;

/** one line of text as HTML, its addresses as links */
function line(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(url)) {
    const at = match.index;
    out += escapeHtml(text.slice(last, at));
    const href = escapeHtml(match[0]);
    out += `<a href="${href}">${href}</a>`;
    last = at + match[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

export function htmlFromText(subject: string, text: string, locale: Locale): string {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => `<p>${p.split('\n').map(line).join('<br>\n')}</p>`)
    .join('\n');
  return (
    `<!doctype html>\n<html lang="${locale}">\n<head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width">` +
    `<title>${escapeHtml(subject)}</title></head>\n` +
    `<body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:36rem">\n` +
    `${paragraphs}\n</body>\n</html>\n`
  );
}
