// A per-caller request budget (sliding log, in the memory of one function
// instance): enough to stop a runaway client or a double-clicking button from
// hammering Moyklass or Stripe; not a global quota across instances.
import { HttpError } from './http-error.ts';

export class CallerLimiter {
  private readonly log = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** records a call by `key`, or throws 429 with Retry-After when over budget */
  take(key: string): void {
    const t = this.now();
    const recent = (this.log.get(key) ?? []).filter((s) => s > t - this.windowMs);
    if (recent.length >= this.limit) {
      const wait = Math.max(1, Math.ceil(((recent[0] ?? t) + this.windowMs - t) / 1000));
      this.log.set(key, recent);
      throw new HttpError(
        429,
        'too_many_requests',
        'Too many requests; try again shortly',
        undefined,
        {
          'retry-after': String(wait),
        },
      );
    }
    recent.push(t);
    this.log.set(key, recent);
    if (this.log.size > 10_000) {
      for (const [k, v] of this.log) if ((v.at(-1) ?? 0) <= t - this.windowMs) this.log.delete(k);
    }
  }
}
