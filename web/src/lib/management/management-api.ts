import type {
  DashboardDto,
  DashboardFilter,
  ExportPartnershipsFilter,
  GovernorateStatsDto,
  PartnershipDto,
  PartnershipListDto,
  PartnershipSettingsDto,
  PartnershipSort,
  PeriodFilter,
  QueryOf,
  UpdatePartnershipSettingsInput,
} from '$api';
import { api, apiUrl, type Fetch } from '$lib/api';

/** Shapes of docs/api-management.md, from the server's schemas. */
export type ByKind = DashboardDto['contacts']['byKind'];
export type StatusCounts = PartnershipListDto['totals']['byStatus'];
export type Partnership = PartnershipDto;
export type FocalPoint = PartnershipDto['currentFocalPoints'][number];
export type GovernorateStatusTotals = PartnershipListDto['totals']['byGovernorate'][number];
export type PartnershipList = PartnershipListDto;
export type GovernorateStatsResponse = GovernorateStatsDto;
export type GovernorateStats = GovernorateStatsDto['items'][number];
export type Attendance = DashboardDto['events']['totals'];
export type Gendered = Attendance['byGender'];
export type Dashboard = DashboardDto;
export type { PartnershipSort };

/** The list's filters as the page keeps them ('' for "any status"). */
export type PartnershipFilter = Omit<ExportPartnershipsFilter, 'format' | 'lang' | 'status'> & {
  status?: ExportPartnershipsFilter['status'] | '';
};

export function listPartnerships(query: PartnershipFilter & { limit?: number; offset?: number }, fetch?: Fetch): Promise<PartnershipList> {
  return api('GET /partnerships', { query: { ...query }, fetch });
}

/** Every row of a filter (the print view), page by page at the API's largest page size. */
export async function listAllPartnerships(query: PartnershipFilter, fetch?: Fetch): Promise<PartnershipList> {
  const pageSize = 500;
  const first = await listPartnerships({ ...query, limit: pageSize, offset: 0 }, fetch);
  const items = [...first.items];
  while (items.length < first.total) {
    const next = await listPartnerships({ ...query, limit: pageSize, offset: items.length }, fetch);
    if (next.items.length === 0) break;
    items.push(...next.items);
  }
  return { ...first, items, limit: items.length };
}

export function getGovernorateStats(period: PeriodFilter, fetch?: Fetch): Promise<GovernorateStatsResponse> {
  return api('GET /stats/governorates', { query: { ...period }, fetch });
}

export function getDashboard(query: DashboardFilter, fetch?: Fetch): Promise<Dashboard> {
  return api('GET /stats/dashboard', { query: { ...query }, fetch });
}

/** The download link for the current filters; the browser sends the session cookie with it. */
type PartnershipExport = QueryOf<'GET /partnerships/export'>;

export function exportHref(filter: PartnershipFilter, format: PartnershipExport['format'], lang: PartnershipExport['lang']): string {
  return apiUrl('GET /partnerships/export', { query: { ...filter, format, lang } });
}

export type PartnershipSettings = PartnershipSettingsDto;

export function getPartnershipSettings(fetch?: Fetch): Promise<PartnershipSettings> {
  return api('GET /settings/partnerships', { fetch });
}

export function updatePartnershipSettings(body: UpdatePartnershipSettingsInput): Promise<PartnershipSettings> {
  return api('PUT /settings/partnerships', { body });
}
