import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { DEFAULT_THRESHOLDS, thresholdProblems, type PartnershipThresholds } from '../../domain/partnerships/status.js';
import { conflict, invalid } from '../../errors.js';
import { assertMayChangeSettings } from '../../access/actor-access.js';
import { recordAudit } from '../audit/audit.repository.js';
import * as repo from './settings.repository.js';
import type { PartnershipSettingsDto, UpdatePartnershipSettingsInput } from './settings.schemas.js';

const STALE = 'Someone else changed the partnership thresholds since you opened them; reload and try again';

/** The thresholds the status rule uses now: the saved ones, or the defaults. */
export async function currentThresholds(db: Db): Promise<PartnershipThresholds> {
  const stored = await repo.findThresholds(db);
  return stored ? { activeDays: stored.activeDays, coolingDays: stored.coolingDays } : DEFAULT_THRESHOLDS;
}

function toDto(stored: repo.StoredThresholds | null): PartnershipSettingsDto {
  if (!stored) return { ...DEFAULT_THRESHOLDS, version: 0, updatedAt: null };
  return {
    activeDays: stored.activeDays,
    coolingDays: stored.coolingDays,
    version: stored.version,
    updatedAt: stored.updatedAt.toISOString(),
  };
}

export async function getPartnershipSettings(db: Db): Promise<PartnershipSettingsDto> {
  return toDto(await repo.findThresholds(db));
}

export async function updatePartnershipSettings(
  db: Db,
  actor: Actor,
  input: UpdatePartnershipSettingsInput,
): Promise<PartnershipSettingsDto> {
  assertMayChangeSettings(actor, 'Only an administrator changes the partnership thresholds');
  const thresholds = { activeDays: input.activeDays, coolingDays: input.coolingDays };
  const problems = thresholdProblems(thresholds);
  if (problems.length > 0) throw invalid(problems.map((p) => ({ ...p, code: 'range' })));
  return db.transaction().execute(async (trx) => {
    const current = await repo.findThresholds(trx, true);
    const before = current ?? { ...DEFAULT_THRESHOLDS, version: 0 };
    if (before.version !== input.version) throw conflict('CONFLICT', STALE);
    if (!(await repo.saveThresholds(trx, thresholds, input.version))) throw conflict('CONFLICT', STALE);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'update',
      entityType: 'settings',
      entityId: null,
      changedFields: (['activeDays', 'coolingDays'] as const).filter((k) => before[k] !== thresholds[k]),
      details: { setting: 'partnership_thresholds', ...thresholds },
    });
    return toDto(await repo.findThresholds(trx));
  });
}
