// The gateway's request and response as plain data: routes are functions from one
// to the other, so they can be tested without sockets. server.ts adapts node:http.

export interface ApiRequest {
  method: string;
  url: URL;
  /** lowercase names; repeated headers joined with ", " as node:http does */
  headers: Record<string, string>;
  body: Buffer;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

export const JSON_TYPE = 'application/json; charset=utf-8';

export function jsonResponse(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): ApiResponse {
  return {
    status,
    headers: { 'content-type': JSON_TYPE, ...headers },
    body: JSON.stringify(value),
  };
}

/** a body that is already JSON text (rendered by Postgres, so its formatting is kept) */
export function rawJsonResponse(
  status: number,
  text: string,
  headers: Record<string, string> = {},
  contentType = JSON_TYPE,
): ApiResponse {
  return { status, headers: { 'content-type': contentType, ...headers }, body: text };
}

export function emptyResponse(status: number, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers };
}

export function header(req: ApiRequest, name: string): string | undefined {
  return req.headers[name.toLowerCase()];
}

/** decodeURIComponent that answers null for malformed escapes instead of throwing */
export function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
