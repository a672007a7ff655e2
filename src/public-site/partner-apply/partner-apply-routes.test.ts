// The partner application pages: the form names every field with a label and an
// error slot and posts to the function; a redirect's field problems show beside
// their fields in the page's language; the confirmation link's page only shows a
// button (opening it changes nothing), sends no Referer and is never cached.
import { describe, expect, it } from 'vitest';
import { publicResponse } from '../public-router.ts';
import type { PublicSiteContext } from '../public-site-context.ts';
import { partnerApplyRoutes } from './partner-apply-routes.ts';

const calls: string[] = [];
const ctx: PublicSiteContext = {
  supabaseUrl: 'https://api.test/',
  anonKey: 'anon',
  siteUrl: 'https://site.test',
  fetch: (input) => {
    calls.push(String(input));
    return Promise.resolve(new Response('{}'));
  },
  now: () => new Date('2030-01-01T00:00:00Z'),
};

async function page(path: string, lang?: string): Promise<{ res: Response; html: string }> {
  const headers: Record<string, string> = lang ? { 'accept-language': lang } : {};
  const res = await publicResponse(
    new Request(`https://site.test${path}`, { headers }),
    ctx,
    partnerApplyRoutes,
  );
  if (!res) throw new Error(`no page for ${path}`);
  return { res, html: await res.text() };
}

describe('partner application pages', () => {
  it('the form posts every field to the function, in Russian by default', async () => {
    const { res, html } = await page('/partners/apply');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('action="https://api.test/functions/v1/partner-apply"');
    for (const field of [
      'company_name',
      'contact_name',
      'contact_email',
      'contact_phone',
      'website',
      'company_size',
      'industry',
      'current_solutions',
      'target_market',
      'motivation',
      'additional_information',
    ]) {
      expect(html).toContain(`name="${field}"`);
      expect(html).toContain(`id="${field}-error"`);
    }
    expect(html.match(/name="partnership_type"/g)).toHaveLength(3);
    expect(html).toContain('name="fax"');
    expect(html).toContain('Отправить заявку');
    expect(calls).toEqual([]);
  });

  it('shows a redirect field problems beside their fields, in English when asked', async () => {
    const { html } = await page(
      '/partners/apply?lang=en&error=invalid&fields=contact_email:shape,motivation:short,evil:x',
    );
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Please check 2 fields:');
    expect(html).toContain('Enter an address like name@example.com in Latin letters.');
    expect(html).toContain('Too short: at least 20 characters.');
    expect(html).toMatch(/id="contact_email"[^>]*aria-invalid="true"/);
    expect(html).not.toContain('evil');
  });

  it('says to check the mail after sending', async () => {
    const { html } = await page('/partners/apply?sent=1', 'en-US,en;q=0.9');
    expect(html).toContain('Check your email');
    expect(html).not.toContain('<form');
  });

  it('the confirmation link only shows a button that posts the token', async () => {
    const token = 'A'.repeat(43);
    const { res, html } = await page(`/partners/confirm?t=${token}&lang=ru`);
    expect(res.headers.get('referrer-policy')).toBe('strict-origin');
    expect(html).toContain('method="post"');
    expect(html).toContain(`name="token" value="${token}"`);
    expect(html).toContain('name="action" value="confirm"');
    expect(html).toContain('Подтвердить заявку');
    expect(calls).toEqual([]);
  });

  it('tells each state of the link after the button', async () => {
    expect((await page('/partners/confirm?done=confirmed&lang=ru')).html).toContain(
      'Заявка подтверждена',
    );
    expect((await page('/partners/confirm?done=already_confirmed&lang=en')).html).toContain(
      'already confirmed',
    );
    const expired = (await page('/partners/confirm?done=link_expired&lang=en')).html;
    expect(expired).toContain('expired');
    expect(expired).toContain('href="/partners/apply?lang=en"');
    expect((await page('/partners/confirm?t=short')).html).toContain('Ссылка не работает');
  });
});
