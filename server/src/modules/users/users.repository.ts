import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { AppUserTable } from '../../db/types.js';
import type { Role } from '../../domain/roles.js';

const PUBLIC_COLUMNS = ['id', 'email', 'name', 'role', 'active', 'governorates', 'created_at', 'version'] as const;
export type UserRow = Pick<Selectable<AppUserTable>, (typeof PUBLIC_COLUMNS)[number]>;

export async function findUserForLogin(db: Db, email: string) {
  return db
    .selectFrom('app_user')
    .select([...PUBLIC_COLUMNS, 'password_hash', 'session_version'])
    .where('email', '=', email)
    .executeTakeFirst();
}

export async function findCredentials(db: Db, id: string, forUpdate = false) {
  return db
    .selectFrom('app_user')
    .select(['id', 'email', 'name', 'password_hash', 'session_version'])
    .where('id', '=', id)
    .where('active', '=', true)
    .$if(forUpdate, (qb) => qb.forUpdate())
    .executeTakeFirst();
}

/** Sets a new password and ends every session of the account; answers the new session version. */
export async function setPassword(db: Db, id: string, passwordHash: string): Promise<number> {
  const row = await db
    .updateTable('app_user')
    .set((eb) => ({
      password_hash: passwordHash,
      password_changed_at: new Date(),
      session_version: eb('session_version', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', id)
    .returning('session_version')
    .executeTakeFirstOrThrow();
  return row.session_version;
}

/** Ends every session of the account ("sign out everywhere"). */
export async function endSessions(db: Db, id: string): Promise<void> {
  await db
    .updateTable('app_user')
    .set((eb) => ({ session_version: eb('session_version', '+', 1) }))
    .where('id', '=', id)
    .execute();
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
  const row = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
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
  /** End the account's sessions: its tokens stop working at their next request. */
  endSessions?: boolean;
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
      ...(changes.passwordHash !== undefined ? { password_changed_at: new Date() } : {}),
      ...(changes.endSessions ? { session_version: eb('session_version', '+', 1) } : {}),
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
