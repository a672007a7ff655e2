// Supabase Storage's error bodies: `statusCode` (a string) says what went wrong
// in HTTP terms, while the response itself is 400 for every refusal and 500
// only for its own failures — storage-js reads both, so both are kept.
import type { ApiResponse } from './http-types.ts';
import { jsonResponse } from './http-types.ts';
import type { PgError } from './db/database.ts';

export class StorageFailure extends Error {
  constructor(
    readonly statusCode: string,
    readonly code: string,
    readonly error: string,
    message: string,
    /** the HTTP status when it is not Storage's usual 400 */
    readonly httpStatus = 400,
  ) {
    super(message);
  }
}

export const storageErrors = {
  noSuchBucket: () =>
    new StorageFailure('404', 'NoSuchBucket', 'Bucket not found', 'Bucket not found'),
  noSuchKey: () => new StorageFailure('404', 'NoSuchKey', 'not_found', 'Object not found'),
  invalidKey: (key: string) =>
    new StorageFailure('400', 'InvalidKey', 'InvalidKey', `Invalid key: ${key}`),
  invalidJwt: (message: string) => new StorageFailure('400', 'InvalidJWT', 'InvalidJWT', message),
  invalidSignature: (message = 'Invalid signature') =>
    new StorageFailure('400', 'InvalidSignature', 'InvalidSignature', message),
  expiredSignature: () =>
    new StorageFailure('400', 'ExpiredToken', 'ExpiredToken', 'The provided token has expired.'),
  accessDenied: (message: string) =>
    new StorageFailure('403', 'AccessDenied', 'Unauthorized', message),
  duplicate: () =>
    new StorageFailure('409', 'ResourceAlreadyExists', 'Duplicate', 'The resource already exists'),
  tooLarge: () =>
    new StorageFailure(
      '413',
      'EntityTooLarge',
      'Payload too large',
      'The object exceeded the maximum allowed size',
    ),
  invalidMimeType: (mimeType: string) =>
    new StorageFailure(
      '415',
      'InvalidMimeType',
      'invalid_mime_type',
      `mime type ${mimeType} is not supported`,
    ),
  invalidRequest: (message: string) =>
    new StorageFailure('400', 'InvalidRequest', 'Bad Request', message),
  routeNotFound: (method: string, path: string) =>
    new StorageFailure('404', 'not_found', 'Not Found', `Route ${method}:${path} not found`, 404),
};

export function storageFailureResponse(
  e: StorageFailure,
  headers: Record<string, string> = {},
): ApiResponse {
  return jsonResponse(
    e.httpStatus,
    { statusCode: e.statusCode, code: e.code, error: e.error, message: e.message },
    headers,
  );
}

/** a database refusal as Storage reports it (its DBError mapping); null = not one of them */
export function storageFailureFromPg(e: PgError): StorageFailure | null {
  if (e.code === '42501') {
    return storageErrors.accessDenied(
      e.message.includes('row-level security')
        ? 'new row violates row-level security policy'
        : e.message,
    );
  }
  if (e.code === '23505') return storageErrors.duplicate();
  return null;
}
