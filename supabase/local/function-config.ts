// `verify_jwt` per function from supabase/config.toml, read minimally: only
// `[functions.<name>]` tables and their `verify_jwt = true|false` keys matter
// here, and anything else in the file is skipped. The default is true, as in
// Supabase.
import { existsSync, readFileSync } from 'node:fs';

export function parseVerifyJwt(toml: string): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  let current: string | null = null;
  for (const raw of toml.split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (line === '' || line.startsWith('#')) continue;
    const table = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (table) {
      const fn = /^functions\.("?)([A-Za-z0-9_-]+)\1$/.exec(table[1] as string);
      current = fn ? (fn[2] as string) : null;
      continue;
    }
    const kv = /^verify_jwt\s*=\s*(true|false)$/.exec(line);
    if (current !== null && kv) out[current] = kv[1] === 'true';
  }
  return out;
}

export function readVerifyJwt(configFile: string): Record<string, boolean> {
  return existsSync(configFile) ? parseVerifyJwt(readFileSync(configFile, 'utf8')) : {};
}

/** `[auth] additional_redirect_urls = [...]`: where Auth's email links may lead besides site_url */
export function parseRedirectUrls(toml: string): string[] {
  const m = /^\s*additional_redirect_urls\s*=\s*\[([^\]]*)\]/m.exec(toml);
  return m ? [...(m[1] ?? '').matchAll(/"([^"]+)"/g)].map((x) => x[1] as string) : [];
}

export function readRedirectUrls(configFile: string): string[] {
  return existsSync(configFile) ? parseRedirectUrls(readFileSync(configFile, 'utf8')) : [];
}

/**
 * `[auth.hook.custom_access_token]`: the Postgres function Auth calls for every
 * access token it issues, as `schema.function` (only `pg-functions://` hooks
 * exist locally); null when the hook is off or absent.
 */
export function parseAccessTokenHook(toml: string): string | null {
  const section = /^\[auth\.hook\.custom_access_token\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(
    toml,
  );
  if (!section) return null;
  const body = section[1] ?? '';
  if (!/^\s*enabled\s*=\s*true\b/m.test(body)) return null;
  const uri =
    /^\s*uri\s*=\s*"pg-functions:\/\/[^/]+\/([a-z_][a-z0-9_]*)\/([a-z_][a-z0-9_]*)"/m.exec(body);
  return uri ? `${uri[1]}.${uri[2]}` : null;
}

export function readAccessTokenHook(configFile: string): string | null {
  return existsSync(configFile) ? parseAccessTokenHook(readFileSync(configFile, 'utf8')) : null;
}
