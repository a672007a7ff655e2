// A coach's photo for their public page, checked before it is sent: the same
// types and size the `coach-photos` bucket takes (20261206157000_storefront_storage.sql,
// checked against it by tests/integration/storage.test.ts), and the path its
// policy allows — a folder named after the coach's user id.

export const COACH_PHOTO_BUCKET = 'coach-photos';

/** raster images only: an svg served from the storage origin could carry script */
export const COACH_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif'] as const;

export const COACH_PHOTO_MAX_BYTES = 5 * 1024 * 1024;

export type CoachPhotoProblem = 'wrong-type' | 'too-large' | 'empty';

const extensions: Record<(typeof COACH_PHOTO_TYPES)[number], string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/avif': 'avif',
};

function isCoachPhotoType(type: string): type is (typeof COACH_PHOTO_TYPES)[number] {
  return (COACH_PHOTO_TYPES as readonly string[]).includes(type);
}

/** why a file cannot be a coach photo, or null when it can */
export function coachPhotoProblem(file: { type: string; size: number }): CoachPhotoProblem | null {
  if (!isCoachPhotoType(file.type.toLowerCase())) return 'wrong-type';
  if (file.size === 0) return 'empty';
  if (file.size > COACH_PHOTO_MAX_BYTES) return 'too-large';
  return null;
}

/**
 * Where a new photo goes: `<user id>/photo-<ms>.<ext>`. A new name for every
 * upload, because the public URL is cached for an hour: a replaced photo under
 * the same name would keep showing the old one.
 */
export function coachPhotoPath(userId: string, type: string, nowMs: number): string {
  const lower = type.toLowerCase();
  const ext = isCoachPhotoType(lower) ? extensions[lower] : 'bin';
  return `${userId}/photo-${nowMs}.${ext}`;
}
