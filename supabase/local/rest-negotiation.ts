// The request headers that shape a PostgREST response: Prefer and Accept.
import { pgrstError } from './rest-errors.ts';

export interface Preferences {
  return?: 'minimal' | 'representation' | 'headers-only';
  count?: 'exact' | 'planned' | 'estimated';
  resolution?: 'merge-duplicates' | 'ignore-duplicates';
  missing?: 'default' | 'null';
  tx?: 'commit' | 'rollback';
}

const allowed: Record<string, readonly string[]> = {
  return: ['minimal', 'representation', 'headers-only'],
  count: ['exact', 'planned', 'estimated'],
  resolution: ['merge-duplicates', 'ignore-duplicates'],
  missing: ['default', 'null'],
  tx: ['commit', 'rollback'],
};

/** `Prefer: return=representation, count=exact` (several headers arrive joined by commas) */
export function parsePrefer(header: string | undefined): Preferences {
  const prefs: Record<string, string> = {};
  for (const part of (header ?? '').split(',')) {
    const [key = '', value = ''] = part.trim().split('=');
    // unknown preferences are ignored, as PostgREST does without handling=strict
    if (allowed[key]?.includes(value)) prefs[key] = value;
  }
  return prefs as Preferences;
}

export interface Negotiated {
  /** application/vnd.pgrst.object+json: exactly one row, as an object */
  single: boolean;
  stripNulls: boolean;
  contentType: string;
}

/** The first acceptable media type in Accept; 406 PGRST107 when none is. */
export function negotiate(accept: string | undefined): Negotiated {
  const ranges = (accept ?? '*/*')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  for (const range of ranges.length ? ranges : ['*/*']) {
    const [type = '', ...params] = range.split(';').map((s) => s.trim().toLowerCase());
    const stripNulls = params.includes('nulls=stripped');
    switch (type) {
      case 'application/vnd.pgrst.object+json':
        return {
          single: true,
          stripNulls,
          contentType: `application/vnd.pgrst.object+json;${stripNulls ? ' nulls=stripped;' : ''} charset=utf-8`,
        };
      case 'application/vnd.pgrst.array+json':
        return {
          single: false,
          stripNulls,
          contentType: `application/vnd.pgrst.array+json;${stripNulls ? ' nulls=stripped;' : ''} charset=utf-8`,
        };
      case 'application/json':
      case 'application/*':
      case '*/*':
        return { single: false, stripNulls: false, contentType: 'application/json; charset=utf-8' };
    }
  }
  throw pgrstError(
    406,
    'PGRST107',
    `None of these media types are available: ${ranges.join(', ')}`,
  );
}
