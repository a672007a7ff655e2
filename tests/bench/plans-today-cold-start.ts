// plans.today_offline_cold_start (issue 17): the demo athlete has a 52-week plan
// (6 workouts a week, 312 in all, on the device) and, with the network off, a new
// tab opens the app's home to today's workout: timed in the page from navigation
// start to the frame in which the day's first workout card is in the DOM. Against
// the bare Lit page loaded the same way (offline, precached, its element
// rendered). Medians of alternating runs; ratio ≤ 3, like the roster. The reader
// asks the [plan_id+week] index for the one or two weeks in view, never the year.
import type { BrowserContext } from 'playwright-core';
import type { Database } from '../../supabase/local/db/database.ts';
import { signIn } from '../e2e/page-helpers.ts';
import { median, type BenchResult } from './bench-result.ts';
import { startPwaBenchStack, type PwaBenchStack } from './pwa-bench-stack.ts';

const rounds = 7;
const phone = { width: 360, height: 740 };
const weeks = 52;
const perWeek = 6;
const athlete = { email: 'athlete@trackside.test', password: 'trackside-demo' };
const petrov = 'd4000000-0000-4000-8000-000000000001';
const club = 'd1000000-0000-4000-8000-000000000001';
const coach = 'd0000000-0000-4000-8000-000000000002';
const template = 'b7000000-0000-4000-8000-0000000000b1';

/**
 * A 52-week template of the demo coach given to Петров alone, started so that
 * today (Moscow) is day 1 of week 21: a day with a workout, mid-plan.
 */
async function seedPlan(db: Database): Promise<void> {
  await db.query(
    `insert into public.training_plans (id, org_id, coach_id, title, kind, weeks)
     values ($1, $2, $3, 'Годовой план', 'template', $4)`,
    [template, club, coach, weeks],
  );
  await db.query(
    `insert into public.plan_workouts
       (org_id, plan_id, week, day, position, type, title, duration_min, intensity, hr_zone, notes)
     select $1, $2, w, d, 0, (array['run','intervals','strength','run','intervals','race'])[d],
            'Неделя ' || w || ', день ' || d, 30 + d * 5, 'hr_zone', 1 + (w + d) % 5,
            'Разминка 15 минут, заминка 10 минут.'
       from generate_series(1, $3::int) w, generate_series(1, $4::int) d`,
    [club, template, weeks, perWeek],
  );
  await db.query(
    `insert into public.plan_assignments (org_id, plan_id, athlete_id, start_date, created_by)
     values ($1, $2, $3, (now() at time zone 'Europe/Moscow')::date - 140, $4)`,
    [club, template, petrov, coach],
  );
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from public.plan_workouts w join public.training_plans p on p.id = w.plan_id
      where p.athlete_id = $1 and p.source_plan_id = $2`,
    [petrov, template],
  );
  if (rows[0]?.n !== weeks * perWeek) {
    throw new Error(`Петров's copy has ${rows[0]?.n} workouts, not ${weeks * perWeek}`);
  }
}

/** ms from navigation start to the frame where today's first workout card is in the DOM */
function dayRendered(): number | false {
  const day = document
    .querySelector('app-root')
    ?.shadowRoot?.querySelector('home-page')
    ?.shadowRoot?.querySelector('today-workout')?.shadowRoot;
  return day?.querySelector('li.workout') ? performance.now() : false;
}

/** ms from navigation start to the frame where the bare page's element has rendered */
function litRendered(): number | false {
  return document.querySelector('bare-lit-page')?.shadowRoot?.querySelector('h1')
    ? performance.now()
    : false;
}

async function coldStart(
  context: BrowserContext,
  url: string,
  rendered: () => number | false,
): Promise<number> {
  const page = await context.newPage();
  try {
    await page.setViewportSize(phone);
    await page.goto(url, { waitUntil: 'commit' });
    const ms = await page.waitForFunction(rendered, undefined, { polling: 'raf', timeout: 60_000 });
    return Number(await ms.jsonValue());
  } finally {
    await page.close();
  }
}

/** the athlete signs in, the first sync brings the year down, both pages precache */
async function prepare(stack: PwaBenchStack): Promise<void> {
  const page = await stack.context.newPage();
  try {
    page.on('pageerror', (error) => console.error('[bench page]', error.message));
    await page.goto(`${stack.appUrl}/sign-in`);
    await signIn(page, athlete.email, athlete.password);
    await page.getByRole('heading', { name: 'Тренировка на сегодня' }).waitFor({ timeout: 60_000 });
    await page.getByText('Неделя 21, день 1', { exact: true }).waitFor({ timeout: 60_000 });
    const local = await page.evaluate(
      (name) =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const count = open.result
              .transaction('plan_workouts')
              .objectStore('plan_workouts')
              .count();
            count.onerror = () => reject(count.error);
            count.onsuccess = () => {
              open.result.close();
              resolve(count.result);
            };
          };
        }),
      'trackside-user-d0000000-0000-4000-8000-000000000004',
    );
    if (local < weeks * perWeek) throw new Error(`the device holds ${local} workouts`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await page.goto(stack.litUrl);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  } finally {
    await page.close();
  }
}

export async function plansTodayColdStart(): Promise<BenchResult> {
  const stack = await startPwaBenchStack({ seed: seedPlan });
  try {
    await prepare(stack);
    const { context } = stack;
    const home = `${stack.appUrl}/`;
    await context.setOffline(true);
    // warm-up: the first start of each compiles and caches its code
    await coldStart(context, home, dayRendered);
    await coldStart(context, stack.litUrl, litRendered);
    const app: number[] = [];
    const lit: number[] = [];
    for (let i = 0; i < rounds; i++) {
      app.push(await coldStart(context, home, dayRendered));
      lit.push(await coldStart(context, stack.litUrl, litRendered));
    }
    const value = median(app);
    const baseline = median(lit);
    const round = (xs: number[]) => xs.map((x) => Math.round(x)).join(', ');
    return {
      name: 'plans.today_offline_cold_start',
      unit: 'ms',
      value,
      baseline: 'the bare Lit page, offline from its precache',
      baseline_value: baseline,
      ratio: value / baseline,
      limit: 3,
      notes: [
        `${weeks}-week plan, ${weeks * perWeek} workouts on the device, ${rounds} rounds at 360 px, median`,
        `home to today's workout runs (ms): ${round(app)}`,
        `bare Lit runs (ms): ${round(lit)}`,
      ].join('\n'),
    };
  } finally {
    await stack.context.setOffline(false).catch(() => undefined);
    await stack.stop();
  }
}
