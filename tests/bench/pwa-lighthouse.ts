// pwa.lighthouse.* (issue 4): Lighthouse 12 (default mobile config: simulated
// slow 4G and 4× CPU) on the signed-in coach's /roster, in the same Chromium
// profile the coach signed in with (storage is kept: `disableStorageReset`),
// against the bare Lit page audited the same way. Scores 0–100, median of
// alternating runs; performance ≥ 90, accessibility ≥ 95, best practices ≥ 95.
import { median, type BenchResult } from './bench-result.ts';
import { type Audit, lighthouseAudit } from './lighthouse-audit.ts';
import type { PwaBenchStack } from './pwa-bench-stack.ts';

const rounds = 3;
const categories = [
  { id: 'performance', name: 'pwa.lighthouse.performance', min: 90 },
  { id: 'accessibility', name: 'pwa.lighthouse.accessibility', min: 95 },
  { id: 'best-practices', name: 'pwa.lighthouse.best_practices', min: 95 },
] as const;

/** the session and the synced roster live in this profile's storage */
const audit = (url: string, port: number): Promise<Audit> =>
  lighthouseAudit(
    url,
    port,
    categories.map((c) => c.id),
    { keepStorage: true, failingBelow: 0.9 },
  );

export async function lighthouseScores(stack: PwaBenchStack): Promise<BenchResult[]> {
  const roster: Audit[] = [];
  const lit: Audit[] = [];
  for (let i = 0; i < rounds; i++) {
    roster.push(await audit(`${stack.appUrl}/roster`, stack.port));
    lit.push(await audit(stack.litUrl, stack.port));
  }
  const failing = [...new Set(roster.flatMap((a) => a.failing))];
  return categories.map((c) => {
    const value = median(roster.map((a) => a.scores[c.id] ?? 0));
    const baseline = median(lit.map((a) => a.scores[c.id] ?? 0));
    return {
      name: c.name,
      unit: 'score',
      value,
      baseline: 'the bare Lit page, audited the same way',
      baseline_value: baseline,
      ratio: baseline === 0 ? 0 : value / baseline,
      limit: c.min,
      limit_of: 'value',
      limit_kind: 'min',
      notes: [
        `/roster runs: ${roster.map((a) => a.scores[c.id]).join(', ')}; bare Lit runs: ${lit.map((a) => a.scores[c.id]).join(', ')}`,
        ...(c.id === 'performance' && failing.length
          ? [`audits under 0.9 on /roster: ${failing.join('; ')}`]
          : []),
      ].join('\n'),
    };
  });
}
