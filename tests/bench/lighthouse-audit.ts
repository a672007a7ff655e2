// One Lighthouse 12 run (default mobile config: simulated slow 4G, 4× CPU) for
// the benches that score pages: the scores 0–100 of the asked categories and
// the audits that lost points, for the bench's printout.
import lighthouse from 'lighthouse';

export interface Audit {
  scores: Record<string, number>;
  /** audits scoring under `failingBelow`, as "id (score, value: explanation)" */
  failing: string[];
}

export interface AuditOptions {
  /** keep the profile's storage (a signed-in app); else a first visit, storage cleared */
  keepStorage: boolean;
  failingBelow: number;
}

export async function lighthouseAudit(
  url: string,
  port: number,
  categoryIds: readonly string[],
  options: AuditOptions,
): Promise<Audit> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: [...categoryIds],
    disableStorageReset: options.keepStorage,
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
  const scores: Record<string, number> = {};
  for (const id of categoryIds) scores[id] = Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const failing = Object.values(lhr.audits)
    .filter(
      (a) =>
        a.score !== null &&
        a.score < options.failingBelow &&
        a.scoreDisplayMode !== 'informative' &&
        a.scoreDisplayMode !== 'manual' &&
        a.scoreDisplayMode !== 'notApplicable',
    )
    .map(
      (a) =>
        `${a.id} (${a.score}${a.displayValue ? `, ${a.displayValue}` : ''}${a.explanation ? `: ${a.explanation}` : ''})`,
    );
  return { scores, failing };
}
