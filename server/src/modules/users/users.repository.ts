import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { AppUserTable } from '../../db/types.js';
import type { Actor } from '../auth/actor.js';
import type { Role } from '../../domain/roles.js';

const PUBLIC_COLUMNS = ['id', 'email', 'name', 'role', 'active', 'governorates', 'created_at', 'version'] as const;
export type UserRow = Pick<Selectable<AppUserTable>, (typeof PUBLIC_COLUMNS)[number]>;

export async function findActiveActor(db: Db, id: string): Promise<Actor | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const row = await db
    .selectFrom('app_user')
    .select(['id', 'role', 'governorates'])
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst();
  return row ? { id: row.id, role: row.role, governorates: row.governorates } : null;
}

export async function findUserForLogin(db: Db, email: string) {
  return db
    .selectFrom('app_user')
    .select([...PUBLIC_COLUMNS, 'password_hash'])
    .where('email', '=', email)
    .executeTakeFirst();
}

export async function findUserById(db: Db, id: string, forUpdate = false): Promise<UserRow | undefined> {
  return db
    .selectFrom('app_user')
    .select(PUBLIC_COLUMNS)
    .where('id', '=', id)
    .$if(forUpdate, (qb) => qb.forUpdate())
    .executeTakeFirst();
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.selectFrom('app_user').select(PUBLIC_COLUMNS).orderBy('name').orderBy('email').execute();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db.selectFrom('app_user').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function emailExists(db: Db, email: string): Promise<boolean> {
  const row = await db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirst();
  return row !== undefined;
}

export interface NewUserRow {
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
  governorates: string[] | null;
}

export async function insertUser(db: Db, user: NewUserRow): Promise<UserRow> {
  return db
    .insertInto('app_user')
    .values({
      email: user.email,
      name: user.name,
      password_hash: user.passwordHash,
      role: user.role,
      governorates: user.governorates,
    })
    .returning(PUBLIC_COLUMNS)
    .executeTakeFirstOrThrow();
}

export interface UserChanges {
  name?: string;
  role?: Role;
  active?: boolean;
  passwordHash?: string;
  governorates?: string[] | null;
}

export async function updateUser(db: Db, id: string, changes: UserChanges): Promise<UserRow | undefined> {
  return db
    .updateTable('app_user')
    .set((eb) => ({
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.role !== undefined ? { role: changes.role } : {}),
      ...(changes.active !== undefined ? { active: changes.active } : {}),
      ...(changes.passwordHash !== undefined ? { password_hash: changes.passwordHash } : {}),
      ...(changes.governorates !== undefined ? { governorates: changes.governorates } : {}),
      updated_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .returning(PUBLIC_COLUMNS)
    .executeTakeFirst();
}

/** Locks the active admins' rows, so two concurrent demotions cannot both see "one other admin is left". */
export async function lockActiveAdmins(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('app_user')
    .select('id')
    .where('role', '=', 'admin')
    .where('active', '=', true)
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map((r) => r.id);
}

export async function touchLastLogin(db: Db, id: string): Promise<void> {
  await db.updateTable('app_user').set({ last_login_at: new Date() }).where('id', '=', id).execute();
}
