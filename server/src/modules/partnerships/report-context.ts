import type { Db } from '../../db/database.js';
import { resolvePeriod, type Period } from '../../domain/partnerships/period.js';
import type { PartnershipThresholds } from '../../domain/partnerships/status.js';
import { invalid } from '../../errors.js';
import { currentThresholds } from '../settings/settings.service.js';
import { today } from './partnerships.repository.js';

/** What every management view is computed against: today, the period and the status thresholds. */
export interface ReportContext {
  asOf: string;
  period: Period;
  thresholds: PartnershipThresholds;
}

export async function loadReportContext(db: Db, from: string | undefined, to: string | undefined): Promise<ReportContext> {
  const asOf = await today(db);
  const resolved = resolvePeriod(asOf, from, to);
  if ('problem' in resolved) throw invalid([{ ...resolved.problem, code: 'range' }]);
  return { asOf, period: resolved.period, thresholds: await currentThresholds(db) };
}

/** The governorates a figure may cover: the user's scope narrowed to the one asked for; null = all. */
export function effectiveGovernorates(scope: string[] | null, governorate: string | undefined): string[] | null {
  if (governorate === undefined) return scope;
  return scope === null || scope.includes(governorate) ? [governorate] : [];
}
