// Counts the page's requests to the API. Imported before anything that creates a
// Supabase client, so the client's fetch is the counting one.
const counter = { requests: 0 };
const apiUrl: string = import.meta.env.VITE_SUPABASE_URL;
const original = globalThis.fetch.bind(globalThis);

globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const url = input instanceof Request ? input.url : String(input);
  if (url.startsWith(apiUrl)) counter.requests++;
  return original(input, init);
};

/** requests to the API since the page loaded */
export function apiRequests(): number {
  return counter.requests;
}
