// Supabase's API gateway (Kong) lets /auth/v1 and /rest/v1 through only with a
// known API key in the `apikey` header or query parameter; the same 401 bodies.
import type { ApiRequest, ApiResponse } from './http-types.ts';
import { jsonResponse } from './http-types.ts';

export function apiKeyRefusal(req: ApiRequest, knownKeys: readonly string[]): ApiResponse | null {
  const key = req.headers.apikey ?? req.url.searchParams.get('apikey');
  if (key === undefined || key === null || key === '') {
    return jsonResponse(401, {
      message: 'No API key found in request',
      hint: 'No `apikey` request header or url param was found.',
    });
  }
  if (!knownKeys.includes(key)) {
    return jsonResponse(401, {
      message: 'Invalid API key',
      hint: 'Double check your Supabase `anon` or `service_role` API key.',
    });
  }
  return null;
}
