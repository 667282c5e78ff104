import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { AppError, conflict, invalid, type FieldError } from '../../errors.js';
import { assertMayManageProgramme, assertProgrammeVisible } from '../../access/programme-access.js';
import { isContactVisible } from '../../access/actor-access.js';
import { loadVisibleRefs } from '../../access/contact-access.js';
import { findContactRefs } from '../contact-refs/contact-refs.repository.js';
import { stripBidiControls } from '../../domain/text/clean-text.js';
import { fieldChanges } from '../../domain/history/field-changes.js';
import { recordAudit } from '../audit/audit.repository.js';
import { trashProgramme } from '../trash/trash-capture.js';
import * as repo from './programmes.repository.js';
import type {
  CreateProgrammeInput,
  ListProgrammesFilter,
  ProgrammeDto,
  ProgrammeListDto,
  ProgrammeListItemDto,
  UpdateProgrammeInput,
} from './programmes.schemas.js';

const STALE = 'Someone else changed this programme since you opened it; reload and try again';

const cleanName = (text: string | null | undefined) => (text ? stripBidiControls(text).replace(/\s+/g, ' ').trim() || null : null);
const cleanGoals = (text: string | null | undefined) => (text ? stripBidiControls(text, { keepMarks: true }).trim() || null : null);

/** The programme if the caller may see it; 404 otherwise (as for a hidden contact). */
export async function loadProgramme(db: Db, actor: Actor, id: string, forUpdate = false): Promise<repo.ProgrammeRow> {
  const row = await repo.findProgramme(db, id, forUpdate);
  assertProgrammeVisible(actor, row);
  return row!;
}

async function toDtos(db: Db, actor: Actor, rows: repo.ProgrammeRow[]): Promise<ProgrammeListItemDto[]> {
  const donors = new Map(
    (
      await repo.findDonors(
        db,
        rows.flatMap((r) => r.donor_ids),
      )
    ).map((d) => [d.id, d]),
  );
  return rows.map((row) => {
    const shown = row.donor_ids.map((id) => donors.get(id)!).filter((d) => d && isContactVisible(actor, d.governorates));
    return {
      id: row.id,
      nameAr: row.name_ar,
      nameEn: row.name_en,
      nameKu: row.name_ku,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      governorates: row.governorates,
      donors: shown.map((d) => ({ id: d.id, name: d.name, nameLatin: d.name_latin })),
      hiddenDonors: row.donor_ids.length - shown.length,
      counts: {
        events: row.event_count,
        interactions: row.interaction_count,
        tasks: row.task_count,
        participants: row.participant_count,
      },
      version: row.version,
    };
  });
}

async function toDto(db: Db, actor: Actor, row: repo.ProgrammeRow): Promise<ProgrammeDto> {
  const [item] = await toDtos(db, actor, [row]);
  return {
    ...item,
    goals: row.goals,
    createdBy: row.created_by ? { id: row.created_by, name: row.created_by_name ?? '' } : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function listProgrammes(db: Db, actor: Actor, filter: ListProgrammesFilter): Promise<ProgrammeListDto> {
  const { rows, total } = await repo.listProgrammes(db, { scope: actor.governorates, ...filter });
  return { items: await toDtos(db, actor, rows), total, limit: filter.limit, offset: filter.offset };
}

export async function getProgramme(db: Db, actor: Actor, id: string): Promise<ProgrammeDto> {
  return toDto(db, actor, await loadProgramme(db, actor, id));
}

function checkPeriod(startsOn: string, endsOn: string | null): FieldError[] {
  return endsOn !== null && endsOn < startsOn ? [{ field: 'endsOn', code: 'before_start', message: 'is before the start date' }] : [];
}

/** Donors are organisations the caller can see; a person or a volunteer team is refused with its own code. */
async function checkDonors(trx: Db, actor: Actor, ids: string[]): Promise<void> {
  const refs = await loadVisibleRefs(trx, actor, ids, true);
  const errors = ids.flatMap((id, i) =>
    refs.get(id)!.kind === 'organization' ? [] : [{ field: `donorIds.${i}`, code: 'not_organization', message: 'is not an organisation' }],
  );
  if (errors.length) {
    throw new AppError(400, 'PROGRAMME_DONOR_NOT_ORGANISATION', 'A donor must be an organisation from the directory', errors);
  }
}

export async function createProgramme(db: Db, actor: Actor, input: CreateProgrammeInput): Promise<ProgrammeDto> {
  const governorates = input.governorates ?? [];
  assertMayManageProgramme(actor, governorates);
  const values: repo.ProgrammeValues = {
    name_ar: cleanName(input.nameAr) ?? '',
    name_en: cleanName(input.nameEn),
    name_ku: cleanName(input.nameKu),
    starts_on: input.startsOn,
    ends_on: input.endsOn ?? null,
    goals: cleanGoals(input.goals),
  };
  const errors = checkPeriod(values.starts_on, values.ends_on);
  if (errors.length) throw invalid(errors);
  const donorIds = input.donorIds ?? [];
  return db.transaction().execute(async (trx) => {
    await checkDonors(trx, actor, donorIds);
    const id = await repo.insertProgramme(trx, values, actor.id);
    await repo.replaceGovernorates(trx, id, governorates);
    await repo.replaceDonors(trx, id, donorIds);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'create',
      entityType: 'programme',
      entityId: id,
      changedFields: Object.keys(values),
      details: { nameAr: values.name_ar, governorates, donorIds },
    });
    return toDto(trx, actor, (await repo.findProgramme(trx, id))!);
  });
}

export async function updateProgramme(db: Db, actor: Actor, id: string, input: UpdateProgrammeInput): Promise<ProgrammeDto> {
  return db.transaction().execute(async (trx) => {
    const current = await loadProgramme(trx, actor, id, true);
    const governorates = input.governorates ?? current.governorates;
    assertMayManageProgramme(actor, current.governorates, governorates);
    if (current.version !== input.version) throw conflict('CONFLICT', STALE);
    const values: Partial<repo.ProgrammeValues> = {};
    if (input.nameAr !== undefined) values.name_ar = cleanName(input.nameAr) ?? current.name_ar;
    if (input.nameEn !== undefined) values.name_en = cleanName(input.nameEn);
    if (input.nameKu !== undefined) values.name_ku = cleanName(input.nameKu);
    if (input.startsOn !== undefined) values.starts_on = input.startsOn;
    if (input.endsOn !== undefined) values.ends_on = input.endsOn;
    if (input.goals !== undefined) values.goals = cleanGoals(input.goals);
    const errors = checkPeriod(values.starts_on ?? current.starts_on, values.ends_on !== undefined ? values.ends_on : current.ends_on);
    if (errors.length) throw invalid(errors);
    const changed = Object.keys(fieldChanges(current, values, Object.keys(values)));
    if (input.governorates !== undefined && !sameSet(current.governorates, governorates)) {
      await repo.replaceGovernorates(trx, id, governorates);
      changed.push('governorates');
    }
    if (input.donorIds !== undefined) {
      await checkDonors(trx, actor, input.donorIds);
      // Donors the caller cannot see stay: a scoped coordinator's list is only the part they were shown.
      const hidden = (await findContactRefs(trx, current.donor_ids)).filter((d) => !isContactVisible(actor, d.governorates));
      const donors = [...new Set([...input.donorIds, ...hidden.map((d) => d.id)])];
      if (!sameSet(current.donor_ids, donors)) {
        await repo.replaceDonors(trx, id, donors);
        changed.push('donors');
      }
    }
    if (!(await repo.updateProgramme(trx, id, current.version, values))) throw conflict('CONFLICT', STALE);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'update',
      entityType: 'programme',
      entityId: id,
      changedFields: changed,
      details: changed.includes('governorates') ? { governorates: { old: current.governorates, new: governorates } } : undefined,
    });
    return toDto(trx, actor, (await repo.findProgramme(trx, id))!);
  });
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Moves the programme, its links and participants to the trash (restorable there), then deletes it. */
export async function deleteProgramme(db: Db, actor: Actor, id: string, version: number | undefined): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await loadProgramme(trx, actor, id, true);
    assertMayManageProgramme(actor, current.governorates);
    if (version !== undefined && current.version !== version) throw conflict('CONFLICT', STALE);
    const trashId = await trashProgramme(trx, actor, { id, label: current.name_ar, governorates: current.governorates });
    await repo.deleteProgramme(trx, id);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'delete',
      entityType: 'programme',
      entityId: id,
      details: { nameAr: current.name_ar, trashId },
    });
  });
}
