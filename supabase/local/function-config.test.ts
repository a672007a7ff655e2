import { describe, expect, it } from 'vitest';
import { parseRedirectUrls, parseVerifyJwt } from './function-config.ts';

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

describe('parseRedirectUrls', () => {
  it('reads [auth] additional_redirect_urls', () => {
    expect(
      parseRedirectUrls(
        '[auth]\nsite_url = "http://a"\nadditional_redirect_urls = ["http://b:1", "http://c"]\n',
      ),
    ).toEqual(['http://b:1', 'http://c']);
    expect(parseRedirectUrls('[auth]\n')).toEqual([]);
  });
});
