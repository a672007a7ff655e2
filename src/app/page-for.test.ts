import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import type { FeatureRoute, RouteAccess } from '../state/feature-route.ts';
import { pageFor } from './page-for.ts';

const route = (name: string, access: RouteAccess): FeatureRoute => ({
  name,
  pattern: `/${name}`,
  access,
  load: () => Promise.resolve(),
  title: () => name,
  render: () => html``,
});
const fallback = { notFound: route('not-found', 'public'), signIn: route('sign-in', 'public') };

describe('pageFor', () => {
  it('shows a public route to a visitor with no account', () => {
    const coach = route('coach', 'public');
    expect(pageFor(coach, 'signed-out', fallback)).toBe(coach);
    expect(pageFor(coach, 'signed-in', fallback)).toBe(coach);
  });

  it('shows sign-in in place of a signed-in or local route until there is a session', () => {
    for (const access of ['signed-in', 'local'] as const) {
      const page = route('roster', access);
      expect(pageFor(page, 'signed-out', fallback)).toBe(fallback.signIn);
      expect(pageFor(page, 'signed-in', fallback)).toBe(page);
    }
  });

  it('waits for the stored session, and answers an unknown URL with not found', () => {
    expect(pageFor(route('roster', 'local'), 'loading', fallback)).toBeUndefined();
    expect(pageFor(null, 'signed-out', fallback)).toBe(fallback.notFound);
  });
});
