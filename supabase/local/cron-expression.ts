// Five-field cron expressions as pg_cron reads them (vixie cron): minute, hour,
// day of month, month, day of week; `*`, numbers, ranges, lists and steps; 0 and
// 7 are Sunday. When both day fields are restricted a day matching either runs
// the job. Times are UTC (pg_cron's default cron.timezone is GMT).

export interface CronSchedule {
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  daysOfMonth: ReadonlySet<number>;
  months: ReadonlySet<number>;
  daysOfWeek: ReadonlySet<number>;
  /** the day fields began with `*`: vixie cron's rule for combining them */
  anyDayOfMonth: boolean;
  anyDayOfWeek: boolean;
}

export class CronError extends Error {
  constructor(expression: string, reason: string) {
    super(`invalid cron schedule "${expression}": ${reason}`);
    this.name = 'CronError';
  }
}

const bounds: [number, number][] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7],
];

function parseField(field: string, [min, max]: [number, number], expr: string): Set<number> {
  const out = new Set<number>();
  for (const part of field.split(',')) {
    const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!m) throw new CronError(expr, `cannot read "${part}"`);
    let from = min;
    let to = max;
    if (m[1] !== '*') {
      from = Number(m[2]);
      // `5/15` means 5-max/15, as in vixie cron
      to = m[3] !== undefined ? Number(m[3]) : m[4] !== undefined ? max : from;
    }
    const step = m[4] !== undefined ? Number(m[4]) : 1;
    if (from < min || to > max || from > to)
      throw new CronError(expr, `"${part}" is outside ${min}-${max}`);
    if (step < 1) throw new CronError(expr, `step in "${part}" must be at least 1`);
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return out;
}

export function parseCron(expression: string): CronSchedule {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) throw new CronError(expression, 'expected 5 fields');
  const [mi, h, dom, mo, dow] = fields.map((f, i) =>
    parseField(f, bounds[i] as [number, number], expression),
  ) as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  if (dow.has(7)) dow.add(0);
  return {
    minutes: mi,
    hours: h,
    daysOfMonth: dom,
    months: mo,
    daysOfWeek: dow,
    anyDayOfMonth: (fields[2] as string).startsWith('*'),
    anyDayOfWeek: (fields[4] as string).startsWith('*'),
  };
}

/** whether the schedule fires in the UTC minute containing `at` */
export function cronMatches(s: CronSchedule, at: Date): boolean {
  if (!s.minutes.has(at.getUTCMinutes()) || !s.hours.has(at.getUTCHours())) return false;
  if (!s.months.has(at.getUTCMonth() + 1)) return false;
  const dom = s.daysOfMonth.has(at.getUTCDate());
  const dow = s.daysOfWeek.has(at.getUTCDay());
  if (s.anyDayOfMonth || s.anyDayOfWeek) return dom && dow;
  return dom || dow;
}
