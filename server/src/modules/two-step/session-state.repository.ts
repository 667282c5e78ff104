import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { twoStepRequiredFor } from '../../domain/account-security.js';
import { twoStepColumns } from './two-step.repository.js';

export interface SessionState {
  actor: Actor;
  sessionVersion: number;
  /** The policy requires two-step for this role and the account has not set it up: only the setup routes answer. */
  twoStepSetupRequired: boolean;
}

/** An active account's session facts in one query: read on every request, so changes apply at once. */
export async function findSessionState(db: Db, id: string): Promise<SessionState | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const row = await db
    .selectFrom('app_user')
    .select(['id', 'role', 'governorates', 'session_version', twoStepColumns.totpOn.as('totp_on'), twoStepColumns.policyOn.as('policy_on')])
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!row) return null;
  return {
    actor: { id: row.id, role: row.role, governorates: row.governorates },
    sessionVersion: row.session_version,
    twoStepSetupRequired: setupRequired(row.role, row.totp_on, row.policy_on),
  };
}

export function setupRequired(role: Actor['role'], totpOn: boolean, policyOn: boolean): boolean {
  return !totpOn && twoStepRequiredFor(role, policyOn);
}
