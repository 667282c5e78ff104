import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { canManageUsers } from '../../domain/roles.js';
import { stripBidiControls } from '../../domain/text/clean-text.js';
import { AppError, conflict, forbidden, notFound } from '../../errors.js';
import { hashPassword } from './password.js';
import { recordAudit } from '../audit/audit.repository.js';
import * as repo from './users.repository.js';
import type { CreateUserInput, UpdateUserInput, UserDto } from './users.schemas.js';

export function toUserDto(row: repo.UserRow): UserDto {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    active: row.active,
    governorates: row.governorates,
    createdAt: row.created_at.toISOString(),
    version: row.version,
  };
}

function assertAdmin(actor: Actor) {
  if (!canManageUsers(actor.role)) throw forbidden('Only an administrator manages accounts');
}

export async function listUsers(db: Db, actor: Actor): Promise<UserDto[]> {
  assertAdmin(actor);
  return (await repo.listUsers(db)).map(toUserDto);
}

/** Used by the CLI and the first start as well as the API; actorId is null when no one is signed in. */
export async function createUserRecord(db: Db, actorId: string | null, input: CreateUserInput): Promise<UserDto> {
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    if (await repo.emailExists(trx, email)) throw conflict('EMAIL_TAKEN', 'An account with this email already exists');
    const row = await repo.insertUser(trx, {
      email,
      name: stripBidiControls(input.name).trim(),
      passwordHash,
      role: input.role,
      governorates: input.governorates ?? null,
    });
    await recordAudit(trx, {
      userId: actorId,
      action: 'create',
      entityType: 'user',
      entityId: row.id,
      changedFields: ['email', 'name', 'role', 'governorates'],
    });
    return toUserDto(row);
  });
}

export async function createUser(db: Db, actor: Actor, input: CreateUserInput): Promise<UserDto> {
  assertAdmin(actor);
  return createUserRecord(db, actor.id, input);
}

export async function updateUser(db: Db, actor: Actor, id: string, input: UpdateUserInput): Promise<UserDto> {
  assertAdmin(actor);
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : undefined;
  return db.transaction().execute(async (trx) => {
    const current = await repo.findUserById(trx, id, true);
    if (!current) throw notFound('User');
    if (current.version !== input.version) {
      throw conflict('CONFLICT', 'This account was changed by someone else; reload and try again');
    }
    const losesAdmin = current.role === 'admin' && current.active && (input.active === false || (input.role && input.role !== 'admin'));
    if (losesAdmin && (await repo.lockActiveAdmins(trx)).length <= 1) {
      throw new AppError(409, 'LAST_ADMIN', 'The last active administrator cannot be demoted or deactivated');
    }
    // Less access, or a new password set by an admin, must not wait for the account's tokens to expire.
    const sameGovernorates = JSON.stringify(input.governorates ?? null) === JSON.stringify(current.governorates ?? null);
    const endSessions =
      (input.role !== undefined && input.role !== current.role) ||
      (input.active === false && current.active) ||
      passwordHash !== undefined ||
      (input.governorates !== undefined && !sameGovernorates);
    const row = await repo.updateUser(trx, id, {
      name: input.name === undefined ? undefined : stripBidiControls(input.name).trim(),
      role: input.role,
      active: input.active,
      passwordHash,
      governorates: input.governorates,
      endSessions,
    });
    if (!row) throw notFound('User');
    const changedFields = Object.keys(input).filter((k) => k !== 'version');
    await recordAudit(trx, { userId: actor.id, action: 'update', entityType: 'user', entityId: id, changedFields });
    return toUserDto(row);
  });
}
