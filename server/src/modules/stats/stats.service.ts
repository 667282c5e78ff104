import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { effectiveGovernorates, loadReportContext } from '../partnerships/report-context.js';
import * as repo from './stats.repository.js';
import type { DashboardDto, DashboardFilter, GovernorateStatsDto, PeriodFilter } from './stats.schemas.js';

const byKind = (row: repo.KindCounts) => ({
  activist: row.activist,
  volunteer_team: row.volunteer_team,
  organization: row.organization,
  government_focal_point: row.government_focal_point,
});

const noKinds = (): repo.KindCounts => ({ activist: 0, volunteer_team: 0, organization: 0, government_focal_point: 0 });

/** The web lists behind the figures; see docs/api-management.md for how to fill them. */
const LINKS = {
  governorate: '/partnerships?governorate={governorate}',
  partnerships: '/partnerships?governorate={governorate}&status={status}',
  contacts: '/contacts?kind={kind}&governorate={governorate}',
  newContacts: '/contacts?governorate={governorate}&createdFrom={monthStart}&createdTo={monthEnd}',
  events: '/events?governorate={governorate}&from={from}&to={to}',
  followUps: '/follow-ups?all=1&overdue=1&governorate={governorate}',
};

/** The map: one row per governorate the caller may see. */
export async function governorateStats(db: Db, actor: Actor, filter: PeriodFilter): Promise<GovernorateStatsDto> {
  const context = await loadReportContext(db, filter.from, filter.to);
  const rows = await repo.governorateFigures(db, { ...context, codes: actor.governorates });
  return {
    period: context.period,
    asOf: context.asOf,
    scope: actor.governorates,
    thresholds: context.thresholds,
    items: rows.map((r) => ({
      governorate: r.code,
      governmentBodies: r.bodies,
      activePartnerships: r.active,
      partnershipsByStatus: { active: r.active, cooling: r.cooling, dormant: r.dormant, vacant: r.vacant },
      bodiesWithoutFocalPoint: r.vacant,
      hasAnyGovernmentFocalPoint: r.has_focal_point,
      contactsByKind: byKind(r),
      contactsTotal: r.contacts_total,
      eventsHeld: r.events_held,
      lastGovernmentContactOn: r.last_contact_on,
      daysSinceLastGovernmentContact: r.days_since_last_contact,
    })),
    links: { governorate: LINKS.governorate, partnerships: LINKS.partnerships, contacts: LINKS.contacts, events: LINKS.events },
  };
}

export async function dashboard(db: Db, actor: Actor, filter: DashboardFilter): Promise<DashboardDto> {
  const context = await loadReportContext(db, filter.from, filter.to);
  const codes = effectiveGovernorates(actor.governorates, filter.governorate);
  const [totals, byGovernorate, newPerMonth, events, followUps] = await Promise.all([
    repo.contactTotals(db, codes),
    repo.contactsByGovernorate(db, codes),
    repo.newContactsPerMonth(db, context.period, codes),
    repo.eventsPerMonth(db, context.period, codes),
    repo.overdueFollowUps(db, codes),
  ]);

  const perMonth = events.months.map((m) => ({
    month: m.month,
    events: m.events,
    invited: m.invited,
    attended: m.attended,
    byKind: noKinds(),
    byGender: { female: 0, male: 0, unknown: 0 },
  }));
  const eventTotals = { events: 0, invited: 0, attended: 0, byKind: noKinds(), byGender: { female: 0, male: 0, unknown: 0 } };
  const monthIndex = new Map(perMonth.map((m, i) => [m.month, i]));
  // At most months × kinds × genders aggregated rows: folding them here is not a loop over the data.
  for (const a of events.attendance) {
    const month = perMonth[monthIndex.get(a.month)!];
    const kind = a.kind;
    month.byKind[kind] += a.n;
    month.byGender[a.gender] += a.n;
    eventTotals.byKind[kind] += a.n;
    eventTotals.byGender[a.gender] += a.n;
  }
  for (const m of perMonth) {
    eventTotals.events += m.events;
    eventTotals.invited += m.invited;
    eventTotals.attended += m.attended;
  }

  return {
    period: context.period,
    asOf: context.asOf,
    scope: actor.governorates,
    months: perMonth.map((m) => m.month),
    contacts: {
      total: totals.total,
      byKind: byKind(totals),
      byGovernorate: byGovernorate.map((r) => ({ governorate: r.code, total: r.total, byKind: byKind(r) })),
      newPerMonth: newPerMonth.map((r) => ({ month: r.month, total: r.total, byKind: byKind(r) })),
    },
    events: { totals: eventTotals, perMonth },
    followUps: {
      overdue: followUps.total,
      byGovernorate: followUps.byGovernorate.map((r) => ({ governorate: r.code, overdue: r.overdue })),
    },
    links: { contacts: LINKS.contacts, newContacts: LINKS.newContacts, events: LINKS.events, followUps: LINKS.followUps },
  };
}
