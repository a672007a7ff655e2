export interface TapReport {
  planned: number | null;
  ran: number;
  failures: string[];
}

/** Reads pgTAP's output: `1..N`, `ok n - …`, `not ok n - …` with its `#` diagnostics. */
export function parseTap(output: string): TapReport {
  let planned: number | null = null;
  let ran = 0;
  const failures: string[] = [];
  let current: string[] | null = null;
  for (const line of output.split('\n')) {
    const plan = /^1\.\.(\d+)/.exec(line);
    if (plan?.[1]) {
      planned = Number(plan[1]);
      continue;
    }
    if (/^ok \d+/.test(line)) {
      ran++;
      current = null;
    } else if (/^not ok \d+/.test(line)) {
      ran++;
      // a `# TODO` test is allowed to fail, as in TAP
      if (/# TODO/i.test(line)) {
        current = null;
        continue;
      }
      current = [line];
      failures.push('');
    } else if (current && line.startsWith('#')) {
      current.push(line);
    }
    if (current) failures[failures.length - 1] = current.join('\n');
  }
  if (/# Looks like you planned/.test(output) && !failures.length) {
    failures.push(
      output
        .split('\n')
        .filter((l) => l.startsWith('# Looks like'))
        .join('\n'),
    );
  }
  return { planned, ran, failures };
}
