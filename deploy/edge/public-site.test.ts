import { describe, expect, it } from 'vitest';
import worker, { createPublicSite, type PublicSiteEnv } from './public-site.ts';

const env: PublicSiteEnv = {
  SUPABASE_URL: 'https://project.supabase.example',
  SUPABASE_ANON_KEY: 'anon',
  SITE_URL: 'https://trackside.example',
};

const volkov = {
  slug: 'volkov',
  display_name: 'Игорь Волков',
  bio: '',
  sports: [],
  certifications: [],
  place: null,
  languages: [],
  photo_url: null,
  club_name: null,
  updated_at: '2026-12-01T10:00:00Z',
  session_types: [],
  products: [],
  has_bookable_time: false,
};

/** a fake network: the database answers the RPCs (the page; no partner brand), the static host everything else */
function fakeNetwork(seen: string[]): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    seen.push(url);
    if (url === `${env.SUPABASE_URL}/rest/v1/rpc/public_coach_page`) {
      expect(new Headers(init?.headers).get('apikey')).toBe('anon');
      const { p_slug } = JSON.parse(String(init?.body)) as { p_slug: string };
      return Response.json(p_slug === 'volkov' ? volkov : null);
    }
    if (url === `${env.SUPABASE_URL}/rest/v1/rpc/public_coach_brand`) {
      expect(new Headers(init?.headers).get('apikey')).toBe('anon');
      return Response.json(null);
    }
    return new Response('static', { headers: { 'content-type': 'text/html' } });
  }) as typeof fetch;
}

describe('the edge handler in front of the static host', () => {
  it('renders a coach page from the database', async () => {
    const seen: string[] = [];
    const res = await createPublicSite(fakeNetwork(seen)).fetch(
      new Request('https://trackside.example/volkov'),
      env,
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('og:url" content="https://trackside.example/volkov"');
    // the page and its partner's brand (white-label), asked for side by side
    expect([...seen].sort()).toEqual([
      `${env.SUPABASE_URL}/rest/v1/rpc/public_coach_brand`,
      `${env.SUPABASE_URL}/rest/v1/rpc/public_coach_page`,
    ]);
  });

  it('passes what it does not claim to the bound assets, or on by fetch', async () => {
    const seen: string[] = [];
    const site = createPublicSite(fakeNetwork(seen));
    const assets: string[] = [];
    const withAssets: PublicSiteEnv = {
      ...env,
      ASSETS: { fetch: async (r) => (assets.push(r.url), new Response('asset')) },
    };
    expect(
      await (await site.fetch(new Request('https://trackside.example/today'), withAssets)).text(),
    ).toBe('asset');
    expect(assets).toEqual(['https://trackside.example/today']);
    expect(
      await (await site.fetch(new Request('https://trackside.example/sw.js'), env)).text(),
    ).toBe('static');
    expect(seen).toEqual(['https://trackside.example/sw.js']);
  });

  it("forwards the pages' events to analytics-ingest with the visitor's address", async () => {
    const sent: { url: string; headers: Headers; body: string }[] = [];
    const site = createPublicSite((async (input: RequestInfo | URL, init?: RequestInit) => {
      sent.push({
        url: String(input),
        headers: new Headers(init?.headers),
        body: new TextDecoder().decode(init?.body as ArrayBuffer),
      });
      return Response.json({ accepted: 1, duplicates: 0, refused: [] }, { status: 202 });
    }) as typeof fetch);
    const res = await site.fetch(
      new Request('https://trackside.example/api/analytics/events', {
        method: 'POST',
        headers: {
          'content-type': 'text/plain',
          origin: 'https://trackside.example',
          'user-agent': 'Mozilla/5.0 Chrome/131',
          'cf-connecting-ip': '198.51.100.4',
          'x-forwarded-for': '10.9.9.9',
          cookie: 'not=forwarded',
        },
        body: '[]',
      }),
      env,
    );
    expect(res.status).toBe(202);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe(`${env.SUPABASE_URL}/functions/v1/analytics-ingest`);
    expect(sent[0]?.body).toBe('[]');
    expect(sent[0]?.headers.get('x-forwarded-for')).toBe('198.51.100.4');
    expect(sent[0]?.headers.get('origin')).toBe('https://trackside.example');
    expect(sent[0]?.headers.get('cookie')).toBeNull();
  });

  it('refuses to start without its settings', async () => {
    await expect(
      worker.fetch(new Request('https://trackside.example/volkov'), { ...env, SUPABASE_URL: '' }),
    ).rejects.toThrow(/SUPABASE_URL/);
  });
});
