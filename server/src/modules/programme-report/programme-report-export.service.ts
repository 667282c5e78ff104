import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Sheet } from '../../spreadsheets/table.js';
import type { ReportFilter } from './programme-report.schemas.js';
import { reportSheets } from './programme-report.sheets.js';
import { buildReport, reportScope } from './programme-report.service.js';

/** The donor report as XLSX, audited like every export (who, which programme, which period, in what scope). */
export async function exportReport(
  db: Db,
  actor: Actor,
  programmeId: string,
  filter: ReportFilter,
): Promise<{ baseName: string; sheets: Sheet[] }> {
  const lang = filter.lang ?? 'ar';
  return db.transaction().execute(async (trx) => {
    const { programme, scope } = await reportScope(trx, actor, programmeId, filter);
    const report = await buildReport(trx, programme, scope, null);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'export',
      entityType: 'programme',
      entityId: programmeId,
      details: {
        format: 'xlsx',
        lang,
        report: 'donor',
        from: scope.period.from,
        to: scope.period.to,
        governorates: scope.governorates,
        people: report.reached.total,
      },
    });
    const name = lang === 'en' && programme.nameEn ? programme.nameEn : programme.nameAr;
    return { baseName: `${name} ${scope.period.from}_${scope.period.to}`, sheets: reportSheets(report, lang) };
  });
}
