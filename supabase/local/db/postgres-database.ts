import pg from 'pg';
import type { Database, Queryable, QueryResult } from './database.ts';

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params: unknown[] = []): Promise<QueryResult<T>> {
      const r = await client.query(sql, params);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
  };
}

export class PostgresDatabase implements Database {
  readonly kind = 'postgres' as const;
  private readonly direct: Queryable;

  constructor(private readonly pool: pg.Pool) {
    this.direct = wrap(pool);
  }

  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>> {
    return this.direct.query<T>(sql, params);
  }

  exec(sql: string): Promise<void> {
    return this.direct.exec(sql);
  }

  /** every statement's rows, for TAP output */
  async execAll(sql: string): Promise<Record<string, unknown>[][]> {
    const client = await this.pool.connect();
    try {
      const r = (await client.query(sql)) as pg.QueryResult | pg.QueryResult[];
      return (Array.isArray(r) ? r : [r]).map((x) => x.rows as Record<string, unknown>[]);
    } catch (e) {
      // a script that fails inside its own `begin` leaves the session aborted
      await client.query('rollback').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const result = await fn(wrap(client));
      await client.query('commit');
      return result;
    } catch (e) {
      await client.query('rollback').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

export function openPostgres(url: string): PostgresDatabase {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // Supabase's default search_path, so extension functions resolve as they do there.
    options: '-c search_path="$user",public,extensions',
  });
  return new PostgresDatabase(pool);
}
