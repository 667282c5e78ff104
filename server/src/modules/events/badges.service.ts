import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { findGovernorate } from '../../domain/governorates.js';
import { invalid } from '../../errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import { assertEventWriter, loadEvent } from './event-access.js';
import { badgeRows } from './badges.repository.js';
import { groupsOf } from './groups.repository.js';
import { BADGE_STATUSES, type BadgeSheetDto, type BadgesFilter } from './badges.schemas.js';

/**
 * Print data for badge sheets, for staff and above (like the sign-in sheet and the export: a printed list leaves the
 * building). A badge carries a name, organisation, governorate, group and the check-in code, and never a phone or an
 * email, so the restricted-details rule has nothing to withhold; a governorate-limited user gets only their scope.
 */
export async function badgeSheet(db: Db, actor: Actor, eventId: string, filter: BadgesFilter): Promise<BadgeSheetDto> {
  assertEventWriter(actor);
  return db.transaction().execute(async (trx) => {
    await loadEvent(trx, eventId);
    if (filter.groupId && (await groupsOf(trx, eventId, [filter.groupId])).length === 0) {
      throw invalid([{ field: 'groupId', code: 'not_found', message: 'is not a group of this event' }]);
    }
    const rows = await badgeRows(trx, eventId, {
      statuses: BADGE_STATUSES,
      groupId: filter.groupId,
      visibleGovernorates: actor.governorates,
    });
    await recordAudit(trx, {
      userId: actor.id,
      action: 'export',
      entityType: 'event',
      entityId: eventId,
      details: { badges: rows.length, group: filter.groupId ?? null },
    });
    return {
      eventId,
      statuses: [...BADGE_STATUSES],
      items: rows.map((r) => {
        const governorate = r.governorate ? findGovernorate(r.governorate) : undefined;
        return {
          invitationId: r.invitation_id,
          checkInCode: r.check_in_code,
          name: r.name,
          nameLatin: r.name_latin,
          organisation: r.organisation,
          governorate: governorate ? { code: governorate.code, nameAr: governorate.nameAr, nameEn: governorate.nameEn } : null,
          group: r.group_id ? { id: r.group_id, name: r.group_name!, order: r.group_order! } : null,
          role: r.role,
          status: r.status,
        };
      }),
    };
  });
}
