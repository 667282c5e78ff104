import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { programmeEventStatus } from '../../domain/programmes/vocabulary.js';
import { loadProgramme } from './programmes.service.js';
import * as repo from './overview.repository.js';
import type { FiguresDto, ProgrammeOverviewDto } from './overview.schemas.js';

const byCount = (a: { value: string | null; count: number }, b: { value: string | null; count: number }) =>
  b.count - a.count || (a.value ?? '\uffff').localeCompare(b.value ?? '\uffff');

function toFigures(rows: repo.FigureRow[]): FiguresDto {
  const of = (dimension: repo.FigureRow['dimension']) =>
    rows.filter((r) => r.dimension === dimension).map((r) => ({ value: r.value, count: r.n }));
  return {
    total: rows.find((r) => r.dimension === 'total')?.n ?? 0,
    byGovernorate: of('governorate').sort(byCount),
    byKind: of('kind').sort(byCount),
    byGender: of('gender').sort(byCount),
    byMonth: of('month').sort((a, b) => (a.value ?? '').localeCompare(b.value ?? '')),
  };
}

export async function programmeOverview(db: Db, actor: Actor, id: string, now = new Date()): Promise<ProgrammeOverviewDto> {
  await loadProgramme(db, actor, id);
  const scope = actor.governorates;
  const [events, attendance, invitations, bodies, bodyRows, reached] = await Promise.all([
    repo.programmeEvents(db, id, scope),
    repo.attendanceFigures(db, id, scope),
    repo.invitationCount(db, id, scope),
    repo.bodyFigures(db, id, scope),
    repo.bodiesReached(db, id, scope),
    repo.reachedFigures(db, id, scope),
  ]);
  return {
    events: events.map((e) => ({
      id: e.id,
      title: e.title,
      type: e.type,
      startsAt: e.starts_at.toISOString(),
      endsAt: e.ends_at.toISOString(),
      governorate: e.governorate_code,
      status: programmeEventStatus(e.starts_at, e.ends_at, now),
      invited: e.invited,
      attended: e.attended,
    })),
    attendance: { ...toFigures(attendance), invitations },
    partnerships: {
      ...toFigures(bodies),
      bodies: bodyRows.map((b) => ({
        id: b.id,
        name: b.name,
        governorates: b.governorates,
        events: b.events,
        interactions: b.interactions,
        lastMonth: b.last_month,
      })),
    },
    reached: toFigures(reached),
  };
}
