import { describe, expect, it } from 'vitest';
import { COACH_PHOTO_MAX_BYTES, coachPhotoPath, coachPhotoProblem } from './coach-photo.ts';

describe('coachPhotoProblem', () => {
  it('takes jpeg, png, webp and avif up to 5 MB', () => {
    expect(coachPhotoProblem({ type: 'image/jpeg', size: 1 })).toBeNull();
    expect(coachPhotoProblem({ type: 'IMAGE/PNG', size: COACH_PHOTO_MAX_BYTES })).toBeNull();
    expect(coachPhotoProblem({ type: 'image/webp', size: 10 })).toBeNull();
    expect(coachPhotoProblem({ type: 'image/avif', size: 10 })).toBeNull();
  });

  it('names what is wrong', () => {
    expect(coachPhotoProblem({ type: 'image/svg+xml', size: 10 })).toBe('wrong-type');
    expect(coachPhotoProblem({ type: '', size: 10 })).toBe('wrong-type');
    expect(coachPhotoProblem({ type: 'image/png', size: 0 })).toBe('empty');
    expect(coachPhotoProblem({ type: 'image/png', size: COACH_PHOTO_MAX_BYTES + 1 })).toBe(
      'too-large',
    );
  });
});

describe('coachPhotoPath', () => {
  it('puts the photo in the coach\u2019s own folder, under a new name each time', () => {
    const user = '2f0a5b1e-7c2d-4e8f-9a6b-3c1d2e4f5a6b';
    expect(coachPhotoPath(user, 'image/jpeg', 1_765_000_000_000)).toBe(
      `${user}/photo-1765000000000.jpg`,
    );
    expect(coachPhotoPath(user, 'image/webp', 1)).toBe(`${user}/photo-1.webp`);
  });
});
