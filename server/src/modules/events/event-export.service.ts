import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { valueSeparator } from '../../domain/format/list-format.js';
import { governorateNameOf } from '../../domain/governorates.js';
import { isRightToLeft, type Language } from '../../domain/language.js';
import { EXPORT_HEADERS, KIND_LABELS, ROLE_LABELS, STATUS_LABELS, type ExportLanguage } from '../../domain/events/labels.js';
import type { Sheet, SpreadsheetFormat } from '../../spreadsheets/table.js';
import { invalid } from '../../errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import { assertEventWriter, loadEvent } from './event-access.js';
import { groupsOf } from './groups.repository.js';
import { toInvitationDtos } from './invitation-dto.js';
import * as repo from './invitations.repository.js';

export interface EventExportQuery {
  format: SpreadsheetFormat;
  group?: string;
  lang: ExportLanguage;
}

const SHEET_NAMES: Record<Language, string> = { ar: 'قائمة الحضور', en: 'Participants', ku: 'لیستی ئامادەبووان' };
const FILE_SUFFIXES: Record<Language, string> = { ar: 'المشاركون', en: 'participants', ku: 'بەشداربووان' };

const LEFT_THE_LIST = new Set(['cancelled', 'declined']);
const COLUMNS = ['name', 'organisation', 'governorate', 'kind', 'role', 'status', 'group', 'phone'] as const;
const WIDTHS: Record<(typeof COLUMNS)[number], number> = {
  name: 32,
  organisation: 28,
  governorate: 18,
  kind: 20,
  role: 16,
  status: 12,
  group: 18,
  phone: 18,
};

/** The list as a sheet, for staff and above; restricted contacts' phones stay blank unless the role may see them. */
export async function exportEvent(db: Db, actor: Actor, eventId: string, query: EventExportQuery) {
  assertEventWriter(actor);
  return db.transaction().execute(async (trx) => {
    const event = await loadEvent(trx, eventId);
    const groups = await groupsOf(trx, eventId);
    if (query.group && !groups.some((g) => g.id === query.group)) {
      throw invalid([{ field: 'group', code: 'not_found', message: 'is not a group of this event' }]);
    }
    const { rows } = await repo.listInvitations(trx, eventId, {
      group: query.group,
      visibleGovernorates: actor.governorates,
    });
    const items = (await toInvitationDtos(trx, actor, rows)).filter((i) => !LEFT_THE_LIST.has(i.status));
    const groupIndex = new Map(groups.map((g, i) => [g.id, i]));
    items.sort((a, b) => (groupIndex.get(a.groupId ?? '') ?? groups.length) - (groupIndex.get(b.groupId ?? '') ?? groups.length));
    const lang = query.lang;
    const groupName = new Map(groups.map((g) => [g.id, g.name]));
    const sheet: Sheet = {
      name: SHEET_NAMES[lang],
      rightToLeft: isRightToLeft(lang),
      columns: COLUMNS.map((c) => ({ header: EXPORT_HEADERS[c][lang], width: WIDTHS[c] })),
      rows: items.map((i) => {
        const person = i.representative ?? i.contact;
        const organisation = i.representative ? i.contact.name : (i.contact.organisation?.name ?? null);
        return [
          person.name,
          organisation,
          i.contact.governorates.map((code) => governorateNameOf(code, lang)).join(valueSeparator(lang)),
          KIND_LABELS[i.contact.kind][lang],
          ROLE_LABELS[i.role][lang],
          STATUS_LABELS[i.status][lang],
          i.groupId ? (groupName.get(i.groupId) ?? null) : null,
          person.phone,
        ];
      }),
    };
    await recordAudit(trx, {
      userId: actor.id,
      action: 'export',
      entityType: 'event',
      entityId: eventId,
      details: {
        format: query.format,
        group: query.group ?? null,
        rows: sheet.rows.length,
        // Ids only, so "who exported this restricted contact" has an answer without the log holding names or phones.
        restrictedContactIds: items
          .flatMap((i) => [i.contact, i.representative])
          .filter((person) => person?.sensitivity === 'restricted')
          .map((person) => person!.id),
      },
    });
    return { format: query.format, baseName: `${event.title} - ${FILE_SUFFIXES[lang]}`, sheets: [sheet] };
  });
}
