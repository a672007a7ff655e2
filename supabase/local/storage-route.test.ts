import { describe, expect, it } from 'vitest';
import {
  isMimeTypeAllowed,
  isValidObjectKey,
  parseByteRange,
  parseStorageRoute,
} from './storage-route.ts';

const route = (method: string, path: string, upsert?: string) =>
  parseStorageRoute(method, `/storage/v1${path}`, upsert);

describe('parseStorageRoute', () => {
  it('reads the object routes storage-js calls', () => {
    expect(route('POST', '/object/avatars/a/b.png')).toEqual({
      ok: true,
      route: { op: 'upload', bucket: 'avatars', name: 'a/b.png', upsert: false },
    });
    expect(route('POST', '/object/avatars/a.png', 'true')).toMatchObject({
      route: { op: 'upload', upsert: true },
    });
    // storage-js `update` sends PUT without x-upsert; Storage upserts it
    expect(route('PUT', '/object/avatars/a.png')).toMatchObject({
      route: { op: 'upload', upsert: true },
    });
    expect(route('GET', '/object/avatars/a/b.png')).toMatchObject({
      route: { op: 'download', bucket: 'avatars', name: 'a/b.png' },
    });
    expect(route('HEAD', '/object/avatars/a/b.png')).toMatchObject({
      route: { op: 'download', bucket: 'avatars', name: 'a/b.png' },
    });
    expect(route('GET', '/object/authenticated/avatars/a.png')).toMatchObject({
      route: { op: 'download', bucket: 'avatars', name: 'a.png' },
    });
    expect(route('GET', '/object/public/avatars/a.png')).toMatchObject({
      route: { op: 'public', bucket: 'avatars', name: 'a.png' },
    });
    expect(route('POST', '/object/sign/avatars/a.png')).toMatchObject({
      route: { op: 'sign', bucket: 'avatars', name: 'a.png' },
    });
    // signed uploads: the token's request, and the upload it allows
    expect(route('POST', '/object/upload/sign/course-media/c/a.wav')).toEqual({
      ok: true,
      route: { op: 'signUpload', bucket: 'course-media', name: 'c/a.wav', upsert: false },
    });
    expect(route('POST', '/object/upload/sign/course-media/a.wav', 'true')).toMatchObject({
      route: { op: 'signUpload', upsert: true },
    });
    expect(route('PUT', '/object/upload/sign/course-media/c/a.wav')).toEqual({
      ok: true,
      route: { op: 'signedUpload', bucket: 'course-media', name: 'c/a.wav' },
    });
    expect(route('PUT', '/object/upload/sign/course-media')).toEqual({
      ok: false,
      reason: 'not-found',
    });
    expect(route('POST', '/object/sign/avatars')).toEqual({
      ok: true,
      route: { op: 'signMany', bucket: 'avatars' },
    });
    expect(route('GET', '/object/sign/avatars/a.png')).toMatchObject({
      route: { op: 'signed', bucket: 'avatars', name: 'a.png' },
    });
    expect(route('POST', '/object/list/avatars')).toEqual({
      ok: true,
      route: { op: 'list', bucket: 'avatars' },
    });
    expect(route('DELETE', '/object/avatars')).toEqual({
      ok: true,
      route: { op: 'remove', bucket: 'avatars' },
    });
  });

  it('reads the bucket routes', () => {
    expect(route('GET', '/bucket')).toEqual({ ok: true, route: { op: 'buckets' } });
    expect(route('GET', '/bucket/')).toEqual({ ok: true, route: { op: 'buckets' } });
    expect(route('GET', '/bucket/avatars')).toEqual({
      ok: true,
      route: { op: 'bucket', bucket: 'avatars' },
    });
  });

  it('decodes names as storage-js encodes them', () => {
    expect(route('GET', '/object/public/coach-photos/u%201/my%20photo.png')).toMatchObject({
      route: { op: 'public', bucket: 'coach-photos', name: 'u 1/my photo.png' },
    });
  });

  it('refuses keys Storage refuses, before any lookup', () => {
    expect(route('POST', '/object/avatars/a%5Cb.png')).toEqual({
      ok: false,
      reason: 'invalid-key',
      key: 'a\\b.png',
    });
    expect(route('GET', '/object/avatars/a/../b.png')).toMatchObject({ reason: 'invalid-key' });
    expect(route('GET', '/object/avatars/a//b.png')).toMatchObject({ reason: 'invalid-key' });
    expect(route('GET', '/object/avatars/%E0%A4%A')).toMatchObject({ reason: 'invalid-key' });
  });

  it('answers not-found for what is no route', () => {
    for (const [method, path] of [
      ['GET', '/object'],
      ['GET', '/object/avatars'],
      ['PATCH', '/object/avatars/a.png'],
      ['DELETE', '/object/avatars/a.png'],
      ['POST', '/object/list/avatars/more'],
      ['POST', '/bucket'],
      ['GET', '/render/image/public/avatars/a.png'],
    ] as const) {
      expect(route(method, path), `${method} ${path}`).toEqual({ ok: false, reason: 'not-found' });
    }
    expect(parseStorageRoute('GET', '/rest/v1/object/a/b')).toEqual({
      ok: false,
      reason: 'not-found',
    });
  });
});

describe('isValidObjectKey', () => {
  it('takes Storage alphabet and refuses empty or dot segments', () => {
    expect(isValidObjectKey("folder/it's (1) & more=ok.png")).toBe(true);
    expect(isValidObjectKey('')).toBe(false);
    expect(isValidObjectKey('/leading.png')).toBe(false);
    expect(isValidObjectKey('a/./b')).toBe(false);
    expect(isValidObjectKey('tab\there')).toBe(false);
    expect(isValidObjectKey('x'.repeat(1025))).toBe(false);
  });
});

describe('isMimeTypeAllowed', () => {
  it('lets anything through when the bucket lists nothing', () => {
    expect(isMimeTypeAllowed('text/plain', null)).toBe(true);
    expect(isMimeTypeAllowed('text/plain', [])).toBe(true);
  });

  it('matches exact types and type/* wildcards, ignoring parameters and case', () => {
    expect(isMimeTypeAllowed('image/png', ['image/png'])).toBe(true);
    expect(isMimeTypeAllowed('IMAGE/PNG', ['image/png'])).toBe(true);
    expect(isMimeTypeAllowed('video/mp4', ['image/*', 'video/*'])).toBe(true);
    expect(isMimeTypeAllowed('text/plain;charset=UTF-8', ['text/plain'])).toBe(true);
    expect(isMimeTypeAllowed('image/svg+xml', ['image/png', 'image/jpeg'])).toBe(false);
    expect(isMimeTypeAllowed('imagex/png', ['image/*'])).toBe(false);
  });
});

describe('parseByteRange', () => {
  it('reads one range, an open end, or the last bytes, cut to the file', () => {
    expect(parseByteRange('bytes=0-99', 1000)).toEqual({ from: 0, to: 99 });
    expect(parseByteRange('bytes=900-', 1000)).toEqual({ from: 900, to: 999 });
    expect(parseByteRange('bytes=-100', 1000)).toEqual({ from: 900, to: 999 });
    expect(parseByteRange('bytes=-5000', 1000)).toEqual({ from: 0, to: 999 });
    expect(parseByteRange('bytes=990-5000', 1000)).toEqual({ from: 990, to: 999 });
  });

  it('refuses what cannot be served', () => {
    expect(parseByteRange('bytes=1000-', 1000)).toBeNull();
    expect(parseByteRange('bytes=5-4', 1000)).toBeNull();
    expect(parseByteRange('bytes=-', 1000)).toBeNull();
    expect(parseByteRange('bytes=-0', 1000)).toBeNull();
    expect(parseByteRange('bytes=0-1,5-6', 1000)).toBeNull();
    expect(parseByteRange('items=0-1', 1000)).toBeNull();
    expect(parseByteRange('bytes=0-0', 0)).toBeNull();
  });
});
