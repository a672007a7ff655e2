// Courses on the public pages, through the local stack as a browser would meet
// them: /volkov lists the demo coach's courses, a course's page shows its outline
// and its preview lessons (media signed for anon, ten minutes), and an
// email-gated course is given to an address through the page's plain form →
// public-enroll → 303 back with "check your email", an account (made when the
// address had none), an enrolment, a membership and one email with the way in.
// Bots (the honeypot) and floods (429 + Retry-After) get nothing; bad input is a
// 400 that writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicResponse } from '../../src/public-site/public-router.ts';
import { publicRoutes } from '../../src/public-site/public-routes.ts';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import {
  type LocalFunctions,
  createGatewayWithFunctions,
} from '../../supabase/local/local-functions.ts';

const SITE = 'http://127.0.0.1:47996';
const PAID = 'db000000-0000-4000-8000-000000000001';
const EMAIL_GATED = 'db000000-0000-4000-8000-000000000003';
const COURSE_PRODUCT = 'd7000000-0000-4000-8000-000000000004';

let db: Database;
let fns: LocalFunctions;
let api: string;
let ipCounter = 0;

beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
  fns = await createGatewayWithFunctions({ db, siteUrl: SITE, log: () => undefined });
  api = await fns.gateway.listen(0);
});

afterAll(async () => {
  await fns?.close();
  await db?.close();
});

function page(path: string, lang = 'ru') {
  const ctx = {
    supabaseUrl: api,
    anonKey: fns.gateway.anonKey,
    siteUrl: SITE,
    fetch,
    now: () => new Date(0),
  };
  return publicResponse(
    new Request(`${SITE}${path}`, { headers: { 'accept-language': lang } }),
    ctx,
    publicRoutes,
  );
}

/** a fresh address per call unless one is given: each test meets only its own limits */
function post(fields: Record<string, string>, ip = `10.2.0.${++ipCounter}`) {
  return fetch(`${api}/functions/v1/public-enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip },
    body: new URLSearchParams(fields),
    redirect: 'manual',
  });
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`select (${sql})::int as n`, params);
  return Number(rows[0]?.n);
}

async function mailTo(address: string): Promise<{ subject: string; text: string }[]> {
  await fns.dispatchEmails();
  const res = await fetch(`${api}/functions/v1/email-dispatch/local/mailbox`, {
    headers: { authorization: `Bearer ${fns.gateway.serviceKey}` },
  });
  const { messages } = (await res.json()) as {
    messages: { to: string; subject: string; text: string }[];
  };
  return messages.filter((m) => m.to.toLowerCase() === address.toLowerCase());
}

describe('courses on the public pages', () => {
  it('the coach page lists the courses, each with what a visitor can do', async () => {
    const res = await page('/volkov');
    const html = (await res?.text()) ?? '';
    expect(html).toContain('<h2 id="courses">Онлайн-курсы</h2>');
    expect(html).toContain(`<a href="/volkov/courses/${PAID}">Техника бега для начинающих</a>`);
    expect(html).toContain(`<a class="button" href="/checkout/${COURSE_PRODUCT}"`);
    expect(html).toContain(`<a class="button" href="/volkov/courses/${EMAIL_GATED}"`);
    expect(html).toContain('Бесплатно по email');
    // the course's product is offered with its course, not again among the products
    expect(html.match(new RegExp(`/checkout/${COURSE_PRODUCT}`, 'g'))).toHaveLength(1);
  });

  it('a course page shows the outline and the preview, never a locked lesson', async () => {
    const res = await page(`/volkov/courses/${PAID}`, 'en');
    expect(res?.status).toBe(200);
    const html = (await res?.text()) ?? '';
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Стойка и наклон корпуса');
    expect(html).toContain('Бегите «высоко»');
    // lesson 2's title is listed, its text is not
    expect(html).toContain('Работа рук');
    expect(html).not.toContain('Руки задают ритм ногам');
    expect(html).toContain('opens 3 days after you start');
    expect(html).toContain(`href="/checkout/${COURSE_PRODUCT}?lang=en"`);
    expect(html).toContain('"@type":"Course"');
    // another coach's path to the same course, or an unknown course: not found
    expect((await page(`/other-coach/courses/${PAID}`))?.status).toBe(404);
    expect((await page('/volkov/courses/db000000-0000-4000-8000-0000000000ff'))?.status).toBe(404);
  });

  it("a course's link under the coach's old address answers 301 to the new one", async () => {
    await db.exec(`update public.coach_pages set slug = 'igor-volkov' where slug = 'volkov'`);
    try {
      const moved = await page(`/volkov/courses/${PAID}?lang=en`);
      expect(moved?.status).toBe(301);
      expect(moved?.headers.get('location')).toBe(`/igor-volkov/courses/${PAID}?lang=en`);
      expect((await page(`/igor-volkov/courses/${PAID}`))?.status).toBe(200);
    } finally {
      await db.exec(`update public.coach_pages set slug = 'volkov' where slug = 'igor-volkov'`);
    }
  });

  it('a preview video is signed for anyone, for ten minutes; other media is not', async () => {
    const path = `${EMAIL_GATED}/intro.mp4`;
    const upload = await fetch(`${api}/storage/v1/object/course-media/${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${fns.gateway.serviceKey}`,
        'content-type': 'video/mp4',
      },
      body: new Uint8Array([0, 0, 0, 24, 102, 116, 121, 112]),
    });
    expect(upload.status).toBe(200);
    await db.exec(`
      insert into public.course_lessons (org_id, course_id, position, title, kind, media_path, is_preview)
      values ('d1000000-0000-4000-8000-000000000001', '${EMAIL_GATED}', 3, 'Видео-превью', 'video', '${path}', true);
    `);
    const html = (await (await page(`/volkov/courses/${EMAIL_GATED}`))?.text()) ?? '';
    const src = /<video controls preload="metadata" playsinline src="([^"]+)"/.exec(html)?.[1];
    expect(src).toContain(`/storage/v1/object/sign/course-media/${path}?token=`);
    const media = await fetch((src ?? '').replace(/&amp;/g, '&'));
    expect(media.status).toBe(200);

    await db.exec(
      `update public.course_lessons set is_preview = false where media_path = '${path}'`,
    );
    const locked = (await (await page(`/volkov/courses/${EMAIL_GATED}`))?.text()) ?? '';
    expect(locked).not.toContain('<video');
    expect(locked).not.toContain('intro.mp4');
  });

  it('an address gets an email-gated course: account, enrolment, membership, one email', async () => {
    const html = (await (await page(`/volkov/courses/${EMAIL_GATED}`))?.text()) ?? '';
    expect(html).toContain(`action="${api}/functions/v1/public-enroll"`);
    expect(html).toContain('name="website"');

    const res = await post({
      courseId: EMAIL_GATED,
      slug: 'volkov',
      email: 'Lead.Runner@example.com',
      name: 'Лида',
      locale: 'en',
      website: '',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(
      `${SITE}/volkov/courses/${EMAIL_GATED}?lang=en&sent=1`,
    );
    const { rows } = await db.query<{ source: string; status: string; member: boolean }>(
      `select e.source, e.status,
              private.is_active_member(e.org_id, e.user_id, 'member') as member
         from public.course_enrollments e join auth.users u on u.id = e.user_id
        where e.course_id = $1 and lower(u.email) = 'lead.runner@example.com'`,
      [EMAIL_GATED],
    );
    expect(rows).toEqual([{ source: 'email', status: 'active', member: true }]);
    const mail = await mailTo('lead.runner@example.com');
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toBe('Your course "Питание в день старта" is open');
    expect(mail[0]?.text).toContain(
      `${SITE}/courses/${EMAIL_GATED}?email=lead.runner%40example.com`,
    );

    // the page after the form, and the same answer for an address with an account
    const sent = await page(`/volkov/courses/${EMAIL_GATED}?lang=en&sent=1`);
    expect(await sent?.text()).toContain('We sent you an email with a link to the course');
    expect(sent?.headers.get('cache-control')).toBe('no-store');
    const known = await post({
      courseId: EMAIL_GATED,
      slug: 'volkov',
      email: 'athlete@trackside.test',
    });
    expect(known.status).toBe(303);
    expect(known.headers.get('location')).toBe(
      `${SITE}/volkov/courses/${EMAIL_GATED}?lang=ru&sent=1`,
    );
    expect(
      await count(
        `select count(*) from public.course_enrollments e join auth.users u on u.id = e.user_id
          where e.course_id = $1 and u.email = 'athlete@trackside.test' and e.source = 'email'`,
        [EMAIL_GATED],
      ),
    ).toBe(1);
  });

  it('a bot, bad input and a paid course write nothing; a flood gets 429', async () => {
    const before = () =>
      Promise.all([
        count('select count(*) from auth.users'),
        count('select count(*) from public.course_enrollments'),
        count(`select count(*) from private.email_outbox where kind = 'course_access'`),
      ]);
    const start = await before();
    const bot = await post({
      courseId: EMAIL_GATED,
      slug: 'volkov',
      email: 'bot@example.com',
      website: 'http://spam.example',
    });
    expect(bot.status).toBe(303);
    expect(bot.headers.get('location')).toContain('sent=1');
    const bad = await post({ courseId: EMAIL_GATED, slug: 'volkov', email: 'not-an-email' });
    expect(bad.status).toBe(400);
    const odd = await post({ courseId: EMAIL_GATED, slug: 'book', email: 'a@example.com' });
    expect(odd.status).toBe(400);
    const paid = await post({ courseId: PAID, slug: 'volkov', email: 'paid@example.com' });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(
      `${SITE}/volkov/courses/${PAID}?error=course_not_email`,
    );
    expect(await before()).toEqual(start);

    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await post({ courseId: EMAIL_GATED, slug: 'volkov', email: 'same@example.com' });
      statuses.push(r.status);
      if (r.status === 429) expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([303, 303, 303, 429]);
  });
});
