// /auth/v1/admin/users: user management with a service_role token (GoTrue's
// admin API), used to seed users and by tests.
import { AuthFailure, versionHeaders } from './auth-errors.ts';
import { type AuthOptions, type Body, metadata } from './auth-request.ts';
import {
  type UserChanges,
  type UserRow,
  checkPassword,
  createUser,
  findUserByEmail,
  findUserById,
  normalizeEmail,
  updateUser,
  userJson,
} from './auth-users.ts';
import type { ApiRequest, ApiResponse } from './http-types.ts';
import { jsonResponse } from './http-types.ts';

export function createAdminRoutes(o: AuthOptions) {
  const iso = () => new Date(o.now()).toISOString();

  async function adminCreate(req: ApiRequest, body: Body): Promise<ApiResponse> {
    const email = normalizeEmail(body.email);
    const password = body.password === undefined ? null : checkPassword(body.password);
    const user = await o.db.transaction(async (tx) => {
      if (await findUserByEmail(tx, email)) {
        throw new AuthFailure(
          422,
          'email_exists',
          'A user with this email address has already been registered',
        );
      }
      return createUser(
        tx,
        {
          email,
          password,
          confirmed: body.email_confirm === true,
          userMetadata: metadata(body.user_metadata) ?? metadata(body.data) ?? {},
          appMetadata: metadata(body.app_metadata) ?? {},
          signedIn: false,
        },
        iso(),
      );
    });
    return jsonResponse(200, userJson(user), versionHeaders(req));
  }

  async function adminList(req: ApiRequest): Promise<ApiResponse> {
    const page = Math.max(1, Number(req.url.searchParams.get('page') ?? 1) || 1);
    const perPage = Math.min(
      1000,
      Math.max(1, Number(req.url.searchParams.get('per_page') ?? 50) || 50),
    );
    const { users, total } = await o.db.transaction(async (tx) => {
      const ids = await tx.query<{ id: string }>(
        `select id::text as id from auth.users where deleted_at is null order by created_at, id limit $1 offset $2`,
        [perPage, (page - 1) * perPage],
      );
      const count = await tx.query<{ n: number }>(
        `select count(*)::int as n from auth.users where deleted_at is null`,
      );
      const rows: UserRow[] = [];
      for (const { id } of ids.rows) {
        const u = await findUserById(tx, id);
        if (u) rows.push(u);
      }
      return { users: rows, total: Number(count.rows[0]?.n ?? 0) };
    });
    return jsonResponse(
      200,
      { users: users.map(userJson), aud: 'authenticated' },
      {
        ...versionHeaders(req),
        'x-total-count': String(total),
      },
    );
  }

  async function adminOne(req: ApiRequest, id: string, body: Body): Promise<ApiResponse> {
    const result = await o.db.transaction(async (tx) => {
      const user = await findUserById(tx, id);
      if (!user) throw new AuthFailure(404, 'user_not_found', 'User not found');
      if (req.method === 'GET') return user;
      if (req.method === 'DELETE') {
        await tx.query(`delete from auth.users where id = $1::uuid`, [id]);
        return null;
      }
      const changes: UserChanges = {};
      if (body.email !== undefined) changes.email = normalizeEmail(body.email);
      if (body.password !== undefined) changes.password = checkPassword(body.password);
      const um = metadata(body.user_metadata);
      if (um) changes.userMetadata = um;
      const am = metadata(body.app_metadata);
      if (am) changes.appMetadata = am;
      if (body.email_confirm === true) changes.confirmEmail = true;
      if (body.ban_duration === 'none') changes.bannedUntil = null;
      return updateUser(tx, user, changes, iso());
    });
    return jsonResponse(200, result ? userJson(result) : {}, versionHeaders(req));
  }

  return { adminCreate, adminList, adminOne };
}
