import { describe, expect, it } from 'vitest';
import { SIGNED_URL_MAX_SECONDS, signedUrlFresh, signedUrlSeconds } from './signed-url-policy.ts';

describe('signedUrlSeconds', () => {
  it('is ten minutes at most', () => {
    expect(SIGNED_URL_MAX_SECONDS).toBe(600);
    expect(signedUrlSeconds(3600)).toBe(600);
    expect(signedUrlSeconds(601)).toBe(600);
  });

  it('keeps a shorter lifetime, in whole seconds', () => {
    expect(signedUrlSeconds(60)).toBe(60);
    expect(signedUrlSeconds(599.9)).toBe(599);
  });

  it('never asks for less than a second', () => {
    expect(signedUrlSeconds(0)).toBe(1);
    expect(signedUrlSeconds(-5)).toBe(1);
  });

  it('gives the maximum when nothing usable is asked', () => {
    expect(signedUrlSeconds()).toBe(600);
    expect(signedUrlSeconds(Number.NaN)).toBe(600);
    expect(signedUrlSeconds(Number.POSITIVE_INFINITY)).toBe(600);
  });
});

describe('signedUrlFresh', () => {
  // 2026-12-06T10:00:00Z
  const issued = 1_796_551_200_000;
  it('serves until shortly before it expires', () => {
    expect(signedUrlFresh(issued, 600, issued)).toBe(true);
    expect(signedUrlFresh(issued, 600, issued + 569_999)).toBe(true);
    expect(signedUrlFresh(issued, 600, issued + 570_000)).toBe(false);
  });

  it('a page paused past ten minutes needs a new link', () => {
    expect(signedUrlFresh(issued, 600, issued + 11 * 60_000)).toBe(false);
  });

  it('a clock that went back does not trust the old link', () => {
    expect(signedUrlFresh(issued, 600, issued - 1)).toBe(false);
  });

  it('a link shorter than the margin is never fresh', () => {
    expect(signedUrlFresh(issued, 20, issued)).toBe(false);
  });
});
