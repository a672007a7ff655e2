import { describe, expect, it } from 'vitest';
import { DEFAULT_JWT_SECRET, localAnonKey, localServiceKey } from './keys.ts';

// The keys `supabase start` prints for the default secret: matching them proves
// the derivation (header, claim order, signature) is the CLI's.
const CLI_ANON_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0';
const CLI_SERVICE_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU';

describe('local API keys', () => {
  it("are the Supabase CLI's keys for the default secret", () => {
    expect(localAnonKey(DEFAULT_JWT_SECRET)).toBe(CLI_ANON_KEY);
    expect(localServiceKey(DEFAULT_JWT_SECRET)).toBe(CLI_SERVICE_KEY);
  });

  it('change with the secret and stay deterministic', () => {
    const secret = 'another-secret-that-is-at-least-32-characters';
    expect(localAnonKey(secret)).not.toBe(CLI_ANON_KEY);
    expect(localAnonKey(secret)).toBe(localAnonKey(secret));
    expect(localServiceKey(secret)).not.toBe(localAnonKey(secret));
  });
});
