import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { searchWords } from '../../domain/search/search-key.js';
import type { BodyNameMatch } from './partnership-facts.sql.js';
import * as repo from './partnerships.repository.js';
import { loadReportContext, type ReportContext } from './report-context.js';
import type { ListPartnershipsFilter, PartnershipDto, PartnershipListDto } from './partnerships.schemas.js';

type Filters = Pick<ListPartnershipsFilter, 'governorate' | 'status' | 'q' | 'from' | 'to' | 'sort' | 'order'>;

function nameMatch(q: string | undefined): BodyNameMatch | undefined {
  const text = q?.trim();
  return text ? { text, words: searchWords(text) } : undefined;
}

export function toDto(row: repo.PartnershipRow): PartnershipDto {
  const shown = row.focalPoints.filter((p) => p.visible);
  return {
    id: row.id,
    name: row.name,
    nameLatin: row.nameLatin,
    nameKu: row.nameKu,
    governorates: row.governorates,
    currentFocalPoints: shown.map(({ positionId, personId, name, title, since }) => ({ positionId, personId, name, title, since })),
    hiddenFocalPoints: row.focalPoints.length - shown.length,
    lastInteraction:
      row.lastInteractionId === null ? null : { id: row.lastInteractionId, date: row.lastInteractionOn!, kind: row.lastInteractionKind! },
    lastEventAttendance: row.lastEventId === null ? null : { eventId: row.lastEventId, date: row.lastEventOn!, title: row.lastEventTitle! },
    lastContactOn: row.lastContactOn,
    daysSinceLastContact: row.daysSinceLastContact,
    interactionCount: row.interactionCount,
    eventAttendanceCount: row.eventCount,
    status: row.status,
  };
}

/** Every role reads partnerships; a scoped user sees the bodies in their governorates. */
export async function findPartnerships(
  db: Db,
  actor: Actor,
  filter: Filters,
  page: { limit: number | null; offset: number },
): Promise<{ context: ReportContext; page: repo.PartnershipPage }> {
  const context = await loadReportContext(db, filter.from, filter.to);
  const result = await repo.findPartnerships(db, {
    period: context.period,
    thresholds: context.thresholds,
    scope: actor.governorates,
    q: nameMatch(filter.q),
    governorate: filter.governorate,
    status: filter.status,
    sort: filter.sort ?? 'name',
    order: filter.order ?? 'asc',
    ...page,
  });
  return { context, page: result };
}

export async function listPartnerships(db: Db, actor: Actor, filter: ListPartnershipsFilter): Promise<PartnershipListDto> {
  const { context, page } = await findPartnerships(db, actor, filter, { limit: filter.limit, offset: filter.offset });
  return {
    items: page.items.map(toDto),
    total: page.total,
    limit: filter.limit,
    offset: filter.offset,
    period: context.period,
    asOf: context.asOf,
    thresholds: context.thresholds,
    totals: { byStatus: page.byStatus, byGovernorate: page.byGovernorate },
  };
}
