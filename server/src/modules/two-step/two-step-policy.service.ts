import type { Db } from '../../db/database.js';
import { conflict } from '../../errors.js';
import { assertMayChangeSettings } from '../../access/actor-access.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Actor } from '../../access/actor.js';
import * as repo from './two-step.repository.js';
import type { TwoStepPolicyDto, UpdateTwoStepPolicyInput } from './two-step.schemas.js';

const STALE = 'Someone else changed this setting since you opened it; reload and try again';

function toDto(stored: repo.StoredPolicy | null): TwoStepPolicyDto {
  if (!stored) return { requiredForAdminsAndCoordinators: false, version: 0, updatedAt: null };
  return { requiredForAdminsAndCoordinators: stored.required, version: stored.version, updatedAt: stored.updatedAt.toISOString() };
}

export async function getPolicy(db: Db): Promise<TwoStepPolicyDto> {
  return toDto(await repo.findPolicy(db));
}

/**
 * Admin only. Turning it on while the admin's own account has no two-step would shut the admin into the setup page
 * mid-change: refused with 409 TWO_STEP_SET_UP_FIRST instead.
 */
export async function updatePolicy(db: Db, actor: Actor, input: UpdateTwoStepPolicyInput): Promise<TwoStepPolicyDto> {
  assertMayChangeSettings(actor, 'Only an administrator decides who needs two-step sign-in');
  if (input.requiredForAdminsAndCoordinators && !(await repo.findTotp(db, actor.id))?.enabled_at) {
    throw conflict('TWO_STEP_SET_UP_FIRST', 'Turn on two-step sign-in for your own account first');
  }
  return db.transaction().execute(async (trx) => {
    const current = await repo.findPolicy(trx, true);
    if ((current?.version ?? 0) !== input.version) throw conflict('CONFLICT', STALE);
    if (!(await repo.savePolicy(trx, input.requiredForAdminsAndCoordinators, input.version))) throw conflict('CONFLICT', STALE);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'update',
      entityType: 'settings',
      entityId: null,
      changedFields: (current?.required ?? false) !== input.requiredForAdminsAndCoordinators ? ['requiredForAdminsAndCoordinators'] : [],
      details: { setting: 'two_step_policy', requiredForAdminsAndCoordinators: input.requiredForAdminsAndCoordinators },
    });
    return toDto(await repo.findPolicy(trx));
  });
}
