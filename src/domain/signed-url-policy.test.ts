import { describe, expect, it } from 'vitest';
import { SIGNED_URL_MAX_SECONDS, signedUrlSeconds } from './signed-url-policy.ts';

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
