import { describe, expect, it } from 'vitest';
import { parseVerifyJwt } from './function-config.ts';

describe('parseVerifyJwt', () => {
  it('reads verify_jwt per [functions.<name>] and ignores the rest', () => {
    const toml = `
project_id = "trackside"
[api]
verify_jwt = false # not a function

[functions.stripe-webhook]
verify_jwt = false   # signed by Stripe instead
import_map = "./functions/deno.json"

[functions."moyklass-proxy"]
verify_jwt = true

[functions.other]
enabled = true
`;
    expect(parseVerifyJwt(toml)).toEqual({ 'stripe-webhook': false, 'moyklass-proxy': true });
  });
});
