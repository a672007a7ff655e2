// Calls an Edge Function with the signed-in user's token and reads its answer:
// the JSON body on success, or the function's error body ({error: {code,
// message}}, supabase/functions/_shared/http-error.ts) with the HTTP status, or
// "no network" when the request never reached the server.
import {
  FunctionsFetchError,
  FunctionsHttpError,
  FunctionsRelayError,
  type SupabaseClient,
} from '@supabase/supabase-js';

export type FunctionResult<T> =
  | { ok: true; data: T }
  | { ok: false; network: boolean; status: number; code: string; message: string };

export async function invokeFunction<T>(
  client: SupabaseClient,
  name: string,
  options: { body?: Record<string, unknown>; method?: 'GET' | 'POST' } = {},
): Promise<FunctionResult<T>> {
  let result: Awaited<ReturnType<typeof client.functions.invoke<T>>>;
  try {
    result = await client.functions.invoke<T>(name, {
      method: options.method ?? 'POST',
      ...(options.body ? { body: options.body } : {}),
    });
  } catch {
    return { ok: false, network: true, status: 0, code: 'network', message: 'network' };
  }
  const { data, error } = result;
  if (!error) return { ok: true, data: data as T };
  if (error instanceof FunctionsHttpError) {
    const res = error.context as Response;
    let code = 'error';
    let message = res.statusText || 'error';
    try {
      const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
      if (typeof body.error?.code === 'string') code = body.error.code;
      if (typeof body.error?.message === 'string') message = body.error.message;
    } catch {
      // not json: the status says enough
    }
    return { ok: false, network: false, status: res.status, code, message };
  }
  if (error instanceof FunctionsFetchError || error instanceof FunctionsRelayError) {
    return { ok: false, network: true, status: 0, code: 'network', message: error.message };
  }
  return { ok: false, network: false, status: 0, code: 'error', message: String(error) };
}
