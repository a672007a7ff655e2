// The app's calls to Supabase Storage, for features: a coach's photo into the
// public `coach-photos` bucket, and a short-lived link to a lesson's media in
// the private `course-media` bucket. Whether the caller may do either is decided
// by the policies on storage.objects; what a refusal means comes back as a
// reason a page can word, never as Storage's body.
import type { SupabaseClient } from '@supabase/supabase-js';
import {
  COACH_PHOTO_BUCKET,
  type CoachPhotoProblem,
  coachPhotoPath,
  coachPhotoProblem,
} from '../domain/coach-photo.ts';
import { signedUrlSeconds } from '../domain/signed-url-policy.ts';

export const COURSE_MEDIA_BUCKET = 'course-media';

/** what went wrong, for the page to say */
export type StorageProblem =
  | CoachPhotoProblem
  /** the policies refused (not a coach, not one's own folder, not entitled) */
  | 'denied'
  /** no such object, or the caller may not see it (Storage does not tell them apart) */
  | 'not-found'
  | 'network'
  | 'unexpected';

export type StorageResult<T> = { ok: true; value: T } | { ok: false; problem: StorageProblem };

/** Storage's error as storage-js hands it over: the body's statusCode says what it was */
function problemOf(error: unknown): StorageProblem {
  if (error instanceof TypeError) return 'network';
  const e = error as { name?: unknown; statusCode?: unknown };
  if (e.name === 'StorageUnknownError') return 'network';
  switch (e.statusCode) {
    case '403':
      return 'denied';
    case '404':
      return 'not-found';
    case '413':
      return 'too-large';
    case '415':
      return 'wrong-type';
    default:
      return 'unexpected';
  }
}

async function attempt<T>(fn: () => Promise<StorageResult<T>>): Promise<StorageResult<T>> {
  try {
    return await fn();
  } catch (error) {
    // supabase-js returns Storage's refusals; what it throws never reached the server
    return { ok: false, problem: error instanceof TypeError ? 'network' : problemOf(error) };
  }
}

export interface UploadedPhoto {
  /** the object's path in the bucket: what coach_pages.photo_path keeps */
  path: string;
  /** where anyone can load it */
  publicUrl: string;
}

/**
 * Uploads `file` as a new photo of the signed-in coach `userId`. The file is
 * checked first with the bucket's own rules, so a wrong one is refused without
 * a request; the bucket and its policy check again.
 */
export function uploadCoachPhoto(
  client: SupabaseClient,
  userId: string,
  file: Blob,
  nowMs: number,
): Promise<StorageResult<UploadedPhoto>> {
  return attempt(async () => {
    const problem = coachPhotoProblem(file);
    if (problem) return { ok: false, problem };
    const path = coachPhotoPath(userId, file.type, nowMs);
    const bucket = client.storage.from(COACH_PHOTO_BUCKET);
    const { error } = await bucket.upload(path, file, { contentType: file.type });
    if (error) return { ok: false, problem: problemOf(error) };
    return { ok: true, value: { path, publicUrl: bucket.getPublicUrl(path).data.publicUrl } };
  });
}

/** the public URL of a stored coach photo (no request: the bucket is public) */
export function coachPhotoUrl(client: SupabaseClient, path: string): string {
  return client.storage.from(COACH_PHOTO_BUCKET).getPublicUrl(path).data.publicUrl;
}

/** removes a coach's old photo; the policy lets a coach remove only their own */
export function removeCoachPhoto(
  client: SupabaseClient,
  path: string,
): Promise<StorageResult<boolean>> {
  return attempt(async () => {
    const { data, error } = await client.storage.from(COACH_PHOTO_BUCKET).remove([path]);
    if (error) return { ok: false, problem: problemOf(error) };
    return { ok: true, value: data.length > 0 };
  });
}

/**
 * A link to a lesson's media that stops working within 10 minutes
 * (SIGNED_URL_MAX_SECONDS; a longer `seconds` is cut to it). Storage signs it
 * only when the caller can read the object, so the course's policies on
 * storage.objects decide who gets one.
 */
export function lessonMediaUrl(
  client: SupabaseClient,
  path: string,
  seconds?: number,
): Promise<StorageResult<string>> {
  return attempt(async () => {
    const { data, error } = await client.storage
      .from(COURSE_MEDIA_BUCKET)
      .createSignedUrl(path, signedUrlSeconds(seconds));
    if (error) return { ok: false, problem: problemOf(error) };
    return { ok: true, value: data.signedUrl };
  });
}

/**
 * Uploads a course's file (a lesson's video or audio, the cover) to
 * `course-media` at `path` (`<course_id>/<file>`): only the course's staff may,
 * and only once the course is on the server (the bucket's policy reads it).
 */
export function uploadCourseMedia(
  client: SupabaseClient,
  path: string,
  file: Blob,
): Promise<StorageResult<string>> {
  return attempt(async () => {
    const { error } = await client.storage
      .from(COURSE_MEDIA_BUCKET)
      .upload(path, file, { contentType: file.type || 'application/octet-stream' });
    if (error) return { ok: false, problem: problemOf(error) };
    return { ok: true, value: path };
  });
}
