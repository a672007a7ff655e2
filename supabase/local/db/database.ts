// The one interface the local stack, the tests and the benchmarks use to talk to
// Postgres, whether it is PGlite in-process or a real server via DATABASE_URL.

export interface QueryResult<T> {
  rows: T[];
  /** rows affected by insert/update/delete, or rows returned by select */
  rowCount: number;
}

export interface Queryable {
  /** one statement, with $1… parameters */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
  /** a script of several statements, no parameters */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `fn` inside begin/commit on one connection; rolls back when it throws.
   * On PGlite every top-level call is serialized, so a transaction never sees
   * another request's statements interleaved.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** a script's rows, one array per statement (pgTAP output) */
  execAll(sql: string): Promise<Record<string, unknown>[][]>;
  close(): Promise<void>;
}

/** A Postgres error as both drivers report it. */
export interface PgError extends Error {
  code?: string;
  detail?: string;
  hint?: string;
}

export function isPgError(e: unknown): e is PgError {
  return e instanceof Error && typeof (e as PgError).code === 'string';
}
