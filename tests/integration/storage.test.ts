// /storage/v1 through the real supabase-js storage client: uploads and
// downloads run as the caller, so the policies on storage.objects decide; public
// buckets serve without a token; signed URLs work until the gateway's (pinned)
// clock passes their expiry; bucket limits refuse with Storage's error shape.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signHs256 } from '../../supabase/local/keys.ts';
import { COACH_PHOTO_MAX_BYTES, COACH_PHOTO_TYPES } from '../../src/domain/coach-photo.ts';
import {
  coachPhotoUrl,
  lessonMediaUrl,
  removeCoachPhoto,
  uploadCoachPhoto,
  uploadCourseMedia,
} from '../../src/data/storage.ts';
import { type Harness, startGateway } from './gateway-harness.ts';

const SECRET = 'storage-suite-secret-at-least-32-characters';
const START = Date.UTC(2026, 11, 6, 10, 0, 0);
let clock = START;

let h: Harness;
const coach = randomUUID();
const otherCoach = randomUUID();
const athlete = randomUUID();
const org = randomUUID();

/** a client signed in as `userId` (a token from the project's secret, as Auth mints) */
function as(userId: string): SupabaseClient {
  const iat = Math.floor(clock / 1000);
  const token = signHs256(
    { sub: userId, role: 'authenticated', aud: 'authenticated', iat, exp: iat + 3600 },
    SECRET,
  );
  return h.client(h.anonKey, { Authorization: `Bearer ${token}` });
}
const anon = () => h.client();
const service = () => h.client(h.serviceKey);

const png = (size = 64) => {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Blob([bytes], { type: 'image/png' });
};

/** Storage's error as storage-js reports it: HTTP status and the body's statusCode */
function failure(error: unknown): { message: string; status: number; statusCode: string } {
  const e = error as { message: string; status: number; statusCode: string };
  return { message: e.message, status: e.status, statusCode: e.statusCode };
}

beforeAll(async () => {
  h = await startGateway({ jwtSecret: SECRET, now: () => clock });
  await h.db.exec(`
    insert into auth.users (id, aud, role, email) values
      ('${coach}', 'authenticated', 'authenticated', 'coach@storage.test'),
      ('${otherCoach}', 'authenticated', 'authenticated', 'other@storage.test'),
      ('${athlete}', 'authenticated', 'authenticated', 'athlete@storage.test');
    insert into public.organizations (id, name, slug) values ('${org}', 'Storage club', 'storage-club');
    insert into public.memberships (org_id, user_id, role) values
      ('${org}', '${coach}', 'coach'), ('${org}', '${otherCoach}', 'coach'),
      ('${org}', '${athlete}', 'athlete');
    -- a private bucket whose objects only their owner reads and writes, as an app
    -- would define one (course-media's policies belong to the courses)
    insert into storage.buckets (id, name, public, file_size_limit)
      values ('owner-files', 'owner-files', false, 1024);
    create policy "owners read" on storage.objects for select to authenticated
      using (bucket_id = 'owner-files' and owner_id = (select auth.uid())::text);
    create policy "owners write" on storage.objects for insert to authenticated
      with check (bucket_id = 'owner-files' and (storage.foldername(name))[1] = (select auth.uid())::text);
    create policy "owners replace" on storage.objects for update to authenticated
      using (bucket_id = 'owner-files' and owner_id = (select auth.uid())::text);
  `);
});
afterAll(async () => {
  await h?.close();
});

describe('buckets', () => {
  it('the migration made coach-photos (public, images, 5 MB) and course-media (private, 200 MB)', async () => {
    const { data, error } = await service().storage.listBuckets();
    expect(error).toBeNull();
    const byId = new Map((data ?? []).map((b) => [b.id, b]));
    expect(byId.get('coach-photos')).toMatchObject({
      public: true,
      file_size_limit: 5 * 1024 * 1024,
      allowed_mime_types: ['image/jpeg', 'image/png', 'image/webp', 'image/avif'],
    });
    expect(byId.get('course-media')).toMatchObject({
      public: false,
      file_size_limit: 200 * 1024 * 1024,
    });
  });

  it('are hidden from the API roles, as on Supabase (no policy on storage.buckets)', async () => {
    const { data, error } = await anon().storage.listBuckets();
    expect(error).toBeNull();
    expect(data).toEqual([]);
  });
});

describe('a private bucket', () => {
  const path = `${athlete}/notes.txt`;

  it('keeps what its owner uploads and gives it back with its type and cache header', async () => {
    const up = await as(athlete).storage.from('owner-files').upload(path, 'first draft', {
      contentType: 'text/plain',
    });
    expect(up.error).toBeNull();
    expect(up.data).toMatchObject({ path, fullPath: `owner-files/${path}` });

    const { data, error } = await as(athlete).storage.from('owner-files').download(path);
    expect(error).toBeNull();
    expect(await data?.text()).toBe('first draft');
    expect(data?.type).toBe('text/plain');

    const res = await fetch(`${h.url}/storage/v1/object/authenticated/owner-files/${path}`, {
      headers: {
        Authorization: `Bearer ${signHs256({ sub: athlete, role: 'authenticated', exp: Math.floor(clock / 1000) + 60 }, SECRET)}`,
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('max-age=3600');
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
  });

  it('tells whether an object exists (HEAD) to those who may read it', async () => {
    expect((await as(athlete).storage.from('owner-files').exists(path)).data).toBe(true);
    expect((await as(athlete).storage.from('owner-files').exists(`${athlete}/nope`)).data).toBe(
      false,
    );
    expect((await as(coach).storage.from('owner-files').exists(path)).data).toBe(false);
  });

  it('refuses a second upload to the same path unless it upserts', async () => {
    const again = await as(athlete).storage.from('owner-files').upload(path, 'second');
    expect(failure(again.error)).toEqual({
      message: 'The resource already exists',
      status: 400,
      statusCode: '409',
    });
    const upsert = await as(athlete)
      .storage.from('owner-files')
      .upload(path, 'second draft', { upsert: true, contentType: 'text/plain' });
    expect(upsert.error).toBeNull();
    const { data } = await as(athlete).storage.from('owner-files').download(path);
    expect(await data?.text()).toBe('second draft');
  });

  it('is not readable by the anon key, another user, or without a token', async () => {
    const byAnon = await anon().storage.from('owner-files').download(path);
    expect(failure(byAnon.error)).toMatchObject({ status: 400, statusCode: '404' });
    const byOther = await as(coach).storage.from('owner-files').download(path);
    expect(failure(byOther.error)).toMatchObject({ status: 400, statusCode: '404' });

    const bare = await fetch(`${h.url}/storage/v1/object/owner-files/${path}`);
    expect(bare.status).toBe(400);
    expect(await bare.json()).toEqual({
      statusCode: '404',
      code: 'NoSuchBucket',
      error: 'Bucket not found',
      message: 'Bucket not found',
    });
  });

  it('has no public URL', async () => {
    const { data } = as(athlete).storage.from('owner-files').getPublicUrl(path);
    const res = await fetch(data.publicUrl);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ statusCode: '404', error: 'Bucket not found' });
  });

  it('refuses a file over the bucket limit', async () => {
    const big = await as(athlete)
      .storage.from('owner-files')
      .upload(`${athlete}/big.txt`, 'x'.repeat(1025), { contentType: 'text/plain' });
    expect(failure(big.error)).toEqual({
      message: 'The object exceeded the maximum allowed size',
      status: 400,
      statusCode: '413',
    });
  });

  it("refuses an upload outside the caller's folder by policy", async () => {
    const { error } = await as(coach)
      .storage.from('owner-files')
      .upload(`${athlete}/planted.txt`, 'hi', { contentType: 'text/plain' });
    expect(failure(error)).toEqual({
      message: 'new row violates row-level security policy',
      status: 400,
      statusCode: '403',
    });
  });
});

describe('signed URLs', () => {
  const path = `${athlete}/lesson.txt`;

  beforeAll(async () => {
    clock = START;
    const { error } = await as(athlete)
      .storage.from('owner-files')
      .upload(path, 'lesson body', { contentType: 'text/plain' });
    expect(error).toBeNull();
  });

  it("work until they expire, then answer 400 with Storage's error", async () => {
    clock = START;
    const { data, error } = await as(athlete).storage.from('owner-files').createSignedUrl(path, 60);
    expect(error).toBeNull();
    const url = data?.signedUrl ?? '';
    expect(url).toContain(`/storage/v1/object/sign/owner-files/${path}?token=`);

    const ok = await fetch(url);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('lesson body');
    expect(ok.headers.get('expires')).toBe(new Date(START + 60_000).toUTCString());
    expect(ok.headers.get('cache-control')).toBeNull();

    clock = START + 59_000;
    expect((await fetch(url)).status).toBe(200);

    clock = START + 61_000;
    const late = await fetch(url);
    expect(late.status).toBe(400);
    expect(await late.json()).toEqual({
      statusCode: '400',
      code: 'InvalidJWT',
      error: 'InvalidJWT',
      message: '"exp" claim timestamp check failed',
    });
  });

  it('serve byte ranges, as a video element asks for them', async () => {
    clock = START;
    const { data } = await as(athlete).storage.from('owner-files').createSignedUrl(path, 60);
    const part = await fetch(data?.signedUrl ?? '', { headers: { Range: 'bytes=0-5' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 0-5/11');
    expect(await part.text()).toBe('lesson');
    const beyond = await fetch(data?.signedUrl ?? '', { headers: { Range: 'bytes=50-' } });
    expect(beyond.status).toBe(416);
    expect(await beyond.json()).toMatchObject({ statusCode: '416', error: 'invalid_range' });
  });

  it('refuse a tampered token and a token for another object', async () => {
    clock = START;
    const { data } = await as(athlete).storage.from('owner-files').createSignedUrl(path, 60);
    const url = new URL(data?.signedUrl ?? '');
    const token = url.searchParams.get('token') ?? '';
    const [head, body, sig] = token.split('.');
    const claims = JSON.parse(Buffer.from(body ?? '', 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const longer = Buffer.from(JSON.stringify({ ...claims, exp: 9_999_999_999 })).toString(
      'base64url',
    );

    url.searchParams.set('token', `${head}.${longer}.${sig}`);
    const tampered = await fetch(url);
    expect(tampered.status).toBe(400);
    expect(await tampered.json()).toMatchObject({
      statusCode: '400',
      error: 'InvalidJWT',
      message: 'signature verification failed',
    });

    const elsewhere = new URL(
      `${h.url}/storage/v1/object/sign/owner-files/${athlete}/notes.txt?token=${token}`,
    );
    const moved = await fetch(elsewhere);
    expect(moved.status).toBe(400);
    expect(await moved.json()).toMatchObject({ statusCode: '400', error: 'InvalidSignature' });
  });

  it('are signed in a batch for the paths the caller can read, and refused for the others', async () => {
    clock = START;
    const { data, error } = await as(athlete)
      .storage.from('owner-files')
      .createSignedUrls([path, `${athlete}/missing.txt`], 60);
    expect(error).toBeNull();
    expect(data?.map((d) => [d.path, d.error])).toEqual([
      [path, null],
      [
        `${athlete}/missing.txt`,
        'Either the object does not exist or you do not have access to it',
      ],
    ]);
    expect((await fetch(data?.[0]?.signedUrl ?? '')).status).toBe(200);
    const byOther = await as(coach).storage.from('owner-files').createSignedUrls([path], 60);
    expect(byOther.data?.[0]?.signedUrl).toBeNull();
  });

  it('are issued only to who can read the object, and for 10 minutes at most', async () => {
    clock = START;
    const byOther = await as(coach).storage.from('owner-files').createSignedUrl(path, 60);
    expect(failure(byOther.error)).toMatchObject({ status: 400, statusCode: '404' });

    const tooLong = await as(athlete).storage.from('owner-files').createSignedUrl(path, 601);
    expect(failure(tooLong.error)).toMatchObject({ status: 400, statusCode: '400' });
    expect(tooLong.error?.message).toContain('600 seconds');
    const max = await as(athlete).storage.from('owner-files').createSignedUrl(path, 600);
    expect(max.error).toBeNull();
  });
});

describe('signed upload URLs', () => {
  it('are given to who may upload there, and upload once without a session', async () => {
    clock = START;
    const path = `${athlete}/signed.txt`;
    const { data, error } = await as(athlete)
      .storage.from('owner-files')
      .createSignedUploadUrl(path);
    expect(error).toBeNull();
    expect(data?.signedUrl).toContain(`/storage/v1/object/upload/sign/owner-files/${path}?token=`);
    const token = data?.token ?? '';
    // the token alone uploads: no session on this client
    const put = await anon()
      .storage.from('owner-files')
      .uploadToSignedUrl(path, token, new Blob(['signed body'], { type: 'text/plain' }));
    expect(put.error).toBeNull();
    expect(put.data?.fullPath).toBe(`owner-files/${path}`);
    // the object is the caller's, as if they had uploaded it
    const back = await as(athlete).storage.from('owner-files').download(path);
    expect(await back.data?.text()).toBe('signed body');
    // a second upload with a token that does not upsert is refused
    const again = await anon()
      .storage.from('owner-files')
      .uploadToSignedUrl(path, token, new Blob(['twice'], { type: 'text/plain' }));
    expect(failure(again.error)).toMatchObject({ statusCode: '409' });
  });

  it('are refused to who could not upload there', async () => {
    clock = START;
    const { error } = await as(coach)
      .storage.from('owner-files')
      .createSignedUploadUrl(`${athlete}/not-yours.txt`);
    expect(failure(error)).toMatchObject({ statusCode: '403' });
    const missing = await as(coach).storage.from('no-such-bucket').createSignedUploadUrl('a.txt');
    expect(failure(missing.error)).toMatchObject({ statusCode: '404' });
  });

  it('upload only the object they name, within two hours, and never download', async () => {
    clock = START;
    const path = `${athlete}/later.txt`;
    const { data } = await as(athlete).storage.from('owner-files').createSignedUploadUrl(path);
    const token = data?.token ?? '';
    const body = () => new Blob(['x'], { type: 'text/plain' });

    const elsewhere = await anon()
      .storage.from('owner-files')
      .uploadToSignedUrl(`${athlete}/other.txt`, token, body());
    expect(failure(elsewhere.error)).toMatchObject({ statusCode: '400' });

    const asDownload = await fetch(
      `${h.url}/storage/v1/object/sign/owner-files/${path}?token=${token}`,
    );
    expect(asDownload.status).toBe(400);

    clock = START + 2 * 60 * 60 * 1000 + 1000;
    const late = await anon().storage.from('owner-files').uploadToSignedUrl(path, token, body());
    expect(failure(late.error)).toMatchObject({ statusCode: '400' });
    clock = START;
  });
});

describe('coach-photos', () => {
  const photo = `${coach}/portrait.png`;

  it('a coach uploads under their own id and anyone gets it by its public URL', async () => {
    const { error } = await as(coach).storage.from('coach-photos').upload(photo, png());
    expect(error).toBeNull();
    const { data } = anon().storage.from('coach-photos').getPublicUrl(photo);
    expect(data.publicUrl).toBe(`${h.url}/storage/v1/object/public/coach-photos/${photo}`);
    const res = await fetch(data.publicUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('max-age=3600');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(
      new Uint8Array(await png().arrayBuffer()),
    );
  });

  it("a coach cannot write in another coach's folder, nor a non-coach in their own", async () => {
    const intoOther = await as(otherCoach).storage.from('coach-photos').upload(photo, png(), {
      upsert: true,
    });
    expect(failure(intoOther.error)).toMatchObject({ status: 400, statusCode: '403' });
    const byAthlete = await as(athlete)
      .storage.from('coach-photos')
      .upload(`${athlete}/me.png`, png());
    expect(failure(byAthlete.error)).toMatchObject({
      statusCode: '403',
      message: 'new row violates row-level security policy',
    });
    const byAnon = await anon().storage.from('coach-photos').upload(`${coach}/x.png`, png());
    expect(failure(byAnon.error)).toMatchObject({ statusCode: '403' });
  });

  it('takes images only, up to 5 MB', async () => {
    const text = await as(coach)
      .storage.from('coach-photos')
      .upload(`${coach}/notes.txt`, 'not an image', { contentType: 'text/plain' });
    expect(failure(text.error)).toEqual({
      message: 'mime type text/plain is not supported',
      status: 400,
      statusCode: '415',
    });
    const svg = await as(coach)
      .storage.from('coach-photos')
      .upload(`${coach}/x.svg`, new Blob(['<svg/>'], { type: 'image/svg+xml' }));
    expect(failure(svg.error)).toMatchObject({ statusCode: '415' });
    const huge = await as(coach)
      .storage.from('coach-photos')
      .upload(`${coach}/huge.png`, png(5 * 1024 * 1024 + 1));
    expect(failure(huge.error)).toMatchObject({ statusCode: '413' });
  });

  it('lists a folder and removes only what the caller may delete', async () => {
    const listed = await anon().storage.from('coach-photos').list(coach);
    expect(listed.error).toBeNull();
    expect(listed.data?.map((f) => f.name)).toEqual(['portrait.png']);
    const root = await anon().storage.from('coach-photos').list();
    expect(root.data?.map((f) => [f.name, f.id])).toEqual([[coach, null]]);

    const byOther = await as(otherCoach).storage.from('coach-photos').remove([photo]);
    expect(byOther.error).toBeNull();
    expect(byOther.data).toEqual([]);
    const byOwner = await as(coach).storage.from('coach-photos').remove([photo]);
    expect(byOwner.data?.map((o) => o.name)).toEqual([photo]);
    const gone = await fetch(`${h.url}/storage/v1/object/public/coach-photos/${photo}`);
    expect(gone.status).toBe(400);
    expect(await gone.json()).toMatchObject({ statusCode: '404', error: 'not_found' });
  });
});

describe('the service role', () => {
  it('bypasses the policies: writes and reads course-media, which has none yet', async () => {
    const path = 'course-1/lesson-1/intro.mp3';
    const up = await service()
      .storage.from('course-media')
      .upload(path, new Blob([new Uint8Array([1, 2, 3])], { type: 'audio/mpeg' }));
    expect(up.error).toBeNull();
    const down = await service().storage.from('course-media').download(path);
    expect(new Uint8Array(await (down.data as Blob).arrayBuffer())).toEqual(
      new Uint8Array([1, 2, 3]),
    );
    const byCoach = await as(coach).storage.from('course-media').download(path);
    expect(failure(byCoach.error)).toMatchObject({ statusCode: '404' });
    const signed = await service().storage.from('course-media').createSignedUrl(path, 300);
    expect((await fetch(signed.data?.signedUrl ?? '')).status).toBe(200);
  });

  it('cannot be bypassed in SQL: rows are deleted through the API only', async () => {
    await expect(
      h.db.exec(`delete from storage.objects where bucket_id = 'course-media'`),
    ).rejects.toThrow(/Direct deletion from storage tables is not allowed/);
  });
});

describe("the app's storage helpers (src/data/storage.ts)", () => {
  it('check a photo with the very rules of the coach-photos bucket', async () => {
    const { rows } = await h.db.query<{ file_size_limit: string; allowed_mime_types: string[] }>(
      `select file_size_limit::text, allowed_mime_types from storage.buckets where id = 'coach-photos'`,
    );
    expect(Number(rows[0]?.file_size_limit)).toBe(COACH_PHOTO_MAX_BYTES);
    expect(rows[0]?.allowed_mime_types).toEqual([...COACH_PHOTO_TYPES]);
  });

  it('upload a coach photo to its public URL, and remove it', async () => {
    clock = START;
    const uploaded = await uploadCoachPhoto(as(coach), coach, png(), 1_765_000_000_000);
    expect(uploaded).toEqual({
      ok: true,
      value: {
        path: `${coach}/photo-1765000000000.png`,
        publicUrl: `${h.url}/storage/v1/object/public/coach-photos/${coach}/photo-1765000000000.png`,
      },
    });
    const url = coachPhotoUrl(anon(), `${coach}/photo-1765000000000.png`);
    expect((await fetch(url)).status).toBe(200);
    expect(await removeCoachPhoto(as(coach), `${coach}/photo-1765000000000.png`)).toEqual({
      ok: true,
      value: true,
    });
  });

  it('say why an upload was refused', async () => {
    expect(await uploadCoachPhoto(as(athlete), athlete, png(), 1)).toEqual({
      ok: false,
      problem: 'denied',
    });
    expect(
      await uploadCoachPhoto(as(coach), coach, new Blob(['x'], { type: 'image/svg+xml' }), 1),
    ).toEqual({ ok: false, problem: 'wrong-type' });
  });

  it('ask for lesson media links of 10 minutes at most', async () => {
    clock = START;
    await service()
      .storage.from('course-media')
      .upload('course-2/clip.mp4', new Blob([new Uint8Array([9])], { type: 'video/mp4' }));
    const link = await lessonMediaUrl(service(), 'course-2/clip.mp4', 3600);
    expect(link.ok).toBe(true);
    const token = new URL(link.ok ? link.value : '').searchParams.get('token') ?? '';
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
      iat: number;
      exp: number;
    };
    expect(claims.exp - claims.iat).toBe(600);
    expect(await lessonMediaUrl(as(coach), 'course-2/clip.mp4')).toEqual({
      ok: false,
      problem: 'not-found',
    });
  });
});

describe("course-media, by the courses' policies", () => {
  const course = randomUUID();
  const lesson = randomUUID();
  const path = `${course}/1-tone.wav`;
  const wav = () => new Blob([new Uint8Array([82, 73, 70, 70])], { type: 'audio/wav' });

  beforeAll(async () => {
    await h.db.exec(`
      insert into public.courses (id, org_id, coach_id, title, access, published)
        values ('${course}', '${org}', '${coach}', 'Storage course', 'free', true);
      insert into public.course_lessons (id, org_id, course_id, position, title, kind, media_path)
        values ('${lesson}', '${org}', '${course}', 1, 'Tone', 'audio', '${path}');
    `);
  });

  it("the course's coach uploads its media; another coach and a learner do not", async () => {
    clock = START;
    expect(await uploadCourseMedia(as(coach), path, wav())).toEqual({ ok: true, value: path });
    expect(await uploadCourseMedia(as(otherCoach), `${course}/2-other.wav`, wav())).toEqual({
      ok: false,
      problem: 'denied',
    });
    expect(await uploadCourseMedia(as(athlete), `${course}/3-mine.wav`, wav())).toEqual({
      ok: false,
      problem: 'denied',
    });
  });

  it('a learner gets a link only once enrolled, and none after leaving', async () => {
    clock = START;
    expect(await lessonMediaUrl(as(athlete), path)).toEqual({ ok: false, problem: 'not-found' });
    await h.db.exec(`insert into public.course_enrollments (org_id, course_id, user_id, source)
      values ('${org}', '${course}', '${athlete}', 'free')`);
    const link = await lessonMediaUrl(as(athlete), path);
    expect(link.ok).toBe(true);
    expect((await fetch(link.ok ? link.value : '')).status).toBe(200);
    await h.db.exec(`update public.course_enrollments set status = 'cancelled'
      where course_id = '${course}' and user_id = '${athlete}'`);
    expect(await lessonMediaUrl(as(athlete), path)).toEqual({ ok: false, problem: 'not-found' });
  });
});
