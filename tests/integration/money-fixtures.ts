// Shared fixtures of the money integration tests: two organizations, their staff,
// an athlete with a Moyklass id, products and a discount code; written as the
// database owner.
import type { Database } from '../../supabase/local/db/database.ts';

export const ORG_A = '00000000-0000-4000-9000-0000000000a0';
export const ORG_B = '00000000-0000-4000-9000-0000000000b0';
export const OWNER_A = '00000000-0000-4000-8000-0000000000a1';
export const COACH_A = '00000000-0000-4000-8000-0000000000a2';
export const BUYER = '00000000-0000-4000-8000-0000000000a3';
export const COACH_B = '00000000-0000-4000-8000-0000000000b1';
export const GROUP_A = '00000000-0000-4000-f000-0000000000a0';
export const ATHLETE_1 = '00000000-0000-4000-a000-0000000000a1';
export const ATHLETE_2 = '00000000-0000-4000-a000-0000000000a2';
export const ATHLETE_UNLINKED = '00000000-0000-4000-a000-0000000000a3';
export const PACKAGE = '00000000-0000-4000-b000-000000000001';
export const PLAN = '00000000-0000-4000-b000-000000000002';
export const MOYKLASS_KEY = 'mk-integration-key-0001';

export async function seedMoney(db: Database): Promise<void> {
  await db.exec(`
    insert into auth.users (id, email) values
      ('${OWNER_A}', 'owner-a@money.test'), ('${COACH_A}', 'coach-a@money.test'),
      ('${BUYER}', 'buyer@money.test'), ('${COACH_B}', 'coach-b@money.test');
    insert into public.organizations (id, name, slug) values
      ('${ORG_A}', 'Club A', 'money-int-a'), ('${ORG_B}', 'Club B', 'money-int-b');
    insert into public.memberships (org_id, user_id, role) values
      ('${ORG_A}', '${OWNER_A}', 'owner'), ('${ORG_A}', '${COACH_A}', 'coach'),
      ('${ORG_A}', '${BUYER}', 'athlete'), ('${ORG_B}', '${COACH_B}', 'coach');
    insert into public.training_groups (id, org_id, name) values ('${GROUP_A}', '${ORG_A}', 'Sprint');
    insert into public.training_group_coaches (org_id, group_id, user_id)
      values ('${ORG_A}', '${GROUP_A}', '${COACH_A}');
    insert into public.athletes (id, org_id, group_id, user_id, name, moyklass_user_id) values
      ('${ATHLETE_1}', '${ORG_A}', '${GROUP_A}', '${BUYER}', 'Anna', 501),
      ('${ATHLETE_2}', '${ORG_A}', '${GROUP_A}', null, 'Boris', 502),
      ('${ATHLETE_UNLINKED}', '${ORG_A}', '${GROUP_A}', null, 'Vera', null);
    insert into public.products (id, org_id, kind, name, price_minor, currency, credits, valid_days, billing_interval) values
      ('${PACKAGE}', '${ORG_A}', 'package', '10 sessions', 1990, 'EUR', 10, 90, null),
      ('${PLAN}', '${ORG_A}', 'plan', 'Monthly plan', 4900, 'EUR', null, null, 'month');
    insert into public.discount_codes (org_id, code, percent_off) values ('${ORG_A}', 'SPRING15', 15);
    insert into private.moyklass_credentials (org_id, api_key) values ('${ORG_A}', '${MOYKLASS_KEY}');
  `);
}

export async function one<T>(db: Database, sql: string, params: unknown[] = []): Promise<T> {
  const r = await db.query<Record<string, T>>(sql, params);
  const row = r.rows[0];
  if (!row) throw new Error(`no row: ${sql}`);
  return Object.values(row)[0] as T;
}
