// The local stack's settings from the environment (README, "Environment").
import { resolve } from 'node:path';
import { DEFAULT_JWT_SECRET } from './keys.ts';
import { repoRoot } from './paths.ts';

export interface LocalConfig {
  host: string;
  apiPort: number;
  appPort: number;
  /** PGlite folder (ignored when databaseUrl is set) */
  dataDir: string;
  databaseUrl: string | undefined;
  jwtSecret: string;
  /** access token lifetime, seconds */
  jwtExpiry: number;
  /** origins the API answers CORS for: the app's, plus CORS_ORIGINS */
  corsOrigins: string[] | '*';
  /** the app's origin, where checkout sends the buyer back (SITE_URL, default the served app) */
  siteUrl: string;
}

function port(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new Error(`${name} must be a port number, got "${value}"`);
  return n;
}

export function readLocalConfig(env: NodeJS.ProcessEnv = process.env): LocalConfig {
  const host = env.HOST || '127.0.0.1';
  const appPort = port(env.APP_PORT, 4173, 'APP_PORT');
  const jwtSecret = env.JWT_SECRET || DEFAULT_JWT_SECRET;
  if (jwtSecret.length < 32) throw new Error('JWT_SECRET must be at least 32 characters');
  const expiry = Number(env.JWT_EXPIRY || 3600);
  if (!Number.isInteger(expiry) || expiry < 30)
    throw new Error('JWT_EXPIRY must be a whole number of seconds ≥ 30');
  const extra = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const appOrigins = [
    ...new Set([host, '127.0.0.1', 'localhost'].map((h) => `http://${h}:${appPort}`)),
  ];
  return {
    host,
    apiPort: port(env.API_PORT, 54321, 'API_PORT'),
    appPort,
    dataDir: resolve(repoRoot, env.DATA_DIR || '.data/pglite'),
    databaseUrl: env.DATABASE_URL || undefined,
    jwtSecret,
    jwtExpiry: expiry,
    corsOrigins: extra.includes('*') ? '*' : [...appOrigins, ...extra],
    siteUrl: env.SITE_URL || `http://${publicHost(host)}:${appPort}`,
  };
}

/** the address a browser uses for a host the server listens on */
export function publicHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
