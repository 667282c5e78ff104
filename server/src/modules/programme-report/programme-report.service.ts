import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { assertProgrammeVisible } from '../../access/programme-access.js';
import { invalid, notFound } from '../../errors.js';
import { baghdadDate } from '../../domain/events/event-days.js';
import { attendanceTable } from '../../domain/programmes/attendance-table.js';
import { resolveReportPeriod, type ReportPeriod } from '../../domain/programmes/report-period.js';
import {
  NO_GOVERNORATE,
  UNKNOWN_GENDER,
  contactLink,
  eventAttendeesLink,
  eventLink,
  genderLinks,
  peopleLink,
} from '../../domain/programmes/report-links.js';
import * as repo from './programme-report.repository.js';
import { withAttendanceTable, type ReportScope } from './report-attendance.sql.js';
import type { PeopleFilter, PeopleListDto, ReportDto } from './programme-report.schemas.js';

export type ReportProgramme = NonNullable<Awaited<ReturnType<typeof repo.findProgramme>>>;

/**
 * The programme as the caller may read it, and the scope of the report: the programme must be visible to them
 * (access/programme-access.ts: a governorate-limited user sees programmes sharing one of their governorates; 404
 * otherwise) and the period well-formed.
 */
export async function reportScope(
  db: Db,
  actor: Actor,
  programmeId: string,
  asked: { from?: string; to?: string },
): Promise<{ programme: ReportProgramme; scope: ReportScope }> {
  const programme = await repo.findProgramme(db, programmeId);
  assertProgrammeVisible(actor, programme ?? undefined);
  if (!programme) throw notFound('Programme');
  const period = resolveReportPeriod(programme, asked, baghdadDate(new Date()));
  if (period === 'from_after_to') throw invalid([{ field: 'from', code: 'AFTER_TO', message: 'must be on or before to' }]);
  return { programme, scope: { programmeId, period, governorates: actor.governorates } };
}

function withLinks<T extends { people: unknown }>(row: T, id: string, period: ReportPeriod, filter: Parameters<typeof genderLinks>[2]) {
  return { ...row, links: genderLinks(id, period, filter) };
}

/** How many new activists the report names (all of them are counted, and listed behind the figure's link). */
export const NEW_ACTIVISTS_SHOWN = 100;

/**
 * The report's figures; `db` must be a transaction (the attendances are computed once into a temporary table).
 * `activistsShown`: null names every new activist (the XLSX sheet).
 */
export async function buildReport(
  db: Db,
  programme: ReportProgramme,
  scope: ReportScope,
  activistsShown: number | null = NEW_ACTIVISTS_SHOWN,
): Promise<ReportDto> {
  const { programmeId: id, period } = scope;
  const [cube, reached, events, bodies, activists] = await withAttendanceTable(db, scope, async (s) => [
    await repo.attendanceCube(db, s),
    await repo.reached(db, s),
    await repo.eventsHeld(db, s),
    await repo.governmentBodies(db, s),
    await repo.newActivists(db, s, activistsShown),
  ]);
  const table = attendanceTable(cube);
  return {
    programme: {
      id,
      nameAr: programme.nameAr,
      nameEn: programme.nameEn,
      nameKu: programme.nameKu,
      startsOn: programme.startsOn,
      endsOn: programme.endsOn,
    },
    period,
    scope: { governorates: scope.governorates },
    attendance: {
      rows: table.rows.map((r) => withLinks(r, id, period, { governorate: r.governorate, kind: r.kind })),
      byGovernorate: table.byGovernorate.map((r) => withLinks(r, id, period, { governorate: r.governorate })),
      byKind: table.byKind.map((r) => withLinks(r, id, period, { kind: r.kind })),
      total: withLinks(table.total, id, period, {}),
    },
    reached: { ...reached, links: { attendees: peopleLink(id, period) } },
    events: events.map(({ female, male, unknown, total, ...e }) => ({
      ...e,
      people: { female, male, unknown, total },
      link: eventLink(e.id),
      attendeesLink: eventAttendeesLink(e.id),
    })),
    governmentBodies: bodies.map((b) => ({ ...b, link: contactLink(b.id) })),
    newActivists: {
      count: activists.count,
      link: peopleLink(id, period, { newActivists: true }),
      items: activists.items.map((a) => ({ ...a, link: contactLink(a.id) })),
    },
  };
}

export async function programmeReport(db: Db, actor: Actor, programmeId: string, asked: { from?: string; to?: string }) {
  return db.transaction().execute(async (trx) => {
    const { programme, scope } = await reportScope(trx, actor, programmeId, asked);
    return { programme, report: await buildReport(trx, programme, scope) };
  });
}

/** The people behind one figure (a cell, a total, the new activists), by name. */
export async function reportPeople(db: Db, actor: Actor, programmeId: string, filter: PeopleFilter): Promise<PeopleListDto> {
  const { scope } = await reportScope(db, actor, programmeId, filter);
  const only = filter.newActivists ? (await repo.newActivists(db, scope)).items.map((a) => a.id) : undefined;
  const page = await repo.peopleBehind(
    db,
    scope,
    {
      governorate: filter.governorate === NO_GOVERNORATE ? null : filter.governorate,
      kind: filter.kind,
      gender: filter.gender === UNKNOWN_GENDER ? null : filter.gender,
      only,
    },
    { limit: filter.limit, offset: filter.offset },
  );
  return { period: scope.period, total: page.total, items: page.items.map((p) => ({ ...p, link: contactLink(p.id) })) };
}
