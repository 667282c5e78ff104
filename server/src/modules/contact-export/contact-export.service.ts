import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { hidesRestrictedDetails, seesRestrictedDetails, visibleCustomValues } from '../../access/restricted-details.js';
import { formatCustomValue, type CustomFieldDef } from '../../domain/custom-fields.js';
import { activeFieldDefs } from '../custom-fields/custom-fields.service.js';
import { GENDER_LABELS, KIND_LABELS, SENSITIVITY_LABELS, SUBTYPE_LABELS } from '../../domain/contact-labels.js';
import { findGovernorate, governorateNameIn } from '../../domain/governorates.js';
import { valueSeparator } from '../../domain/format/list-format.js';
import { isRightToLeft, storedTextLanguage, type Language } from '../../domain/language.js';
import { invalid } from '../../errors.js';
import type { Sheet } from '../../spreadsheets/table.js';
import { recordAudit } from '../audit/audit.repository.js';
import * as contacts from '../contacts/contacts.repository.js';
import { rankedMatches } from '../search/search.service.js';
import { assertCreatedRange } from '../contacts/contacts.service.js';
import { currentConsent, type ConsentFact, type ConsentScope } from '../../domain/consent.js';
import { listConsentRecords } from '../consent/consent.repository.js';
import { toFact } from '../consent/consent.service.js';
import { DEFAULT_EXPORT_COLUMNS, EXPORT_COLUMNS, type ExportColumn, type ExportFilter } from './contact-export.schemas.js';

/** A directory larger than this is exported in parts, by filter. */
const MAX_EXPORT_ROWS = 100_000;

const HEADERS: Record<ExportColumn, Record<Language, string>> = {
  name: { ar: 'الاسم', en: 'Name', ku: 'ناو' },
  nameLatin: { ar: 'الاسم بالحروف اللاتينية', en: 'Latin name', ku: 'ناو بە پیتی لاتینی' },
  nameKu: { ar: 'الاسم بالكردية', en: 'Kurdish name', ku: 'ناو بە کوردی' },
  kind: { ar: 'النوع', en: 'Kind', ku: 'جۆر' },
  subtype: { ar: 'نوع المنظمة', en: 'Organisation type', ku: 'جۆری ڕێکخراو' },
  gender: { ar: 'الجنس', en: 'Gender', ku: 'ڕەگەز' },
  governorates: { ar: 'المحافظات', en: 'Governorates', ku: 'پارێزگاکان' },
  phones: { ar: 'الهواتف', en: 'Phones', ku: 'تەلەفۆنەکان' },
  emails: { ar: 'البريد الإلكتروني', en: 'Emails', ku: 'ئیمەیڵەکان' },
  tags: { ar: 'الوسوم', en: 'Tags', ku: 'تاگەکان' },
  notes: { ar: 'ملاحظات', en: 'Notes', ku: 'تێبینییەکان' },
  sensitivity: { ar: 'الحساسية', en: 'Sensitivity', ku: 'هەستیاری' },
  source: { ar: 'المصدر', en: 'Source', ku: 'سەرچاوە' },
  consentNote: { ar: 'ملاحظة الموافقة السابقة', en: 'Earlier consent note', ku: 'تێبینیی ڕەزامەندیی پێشوو' },
  consentPhone: { ar: 'موافقة: الاتصال هاتفياً', en: 'Consent: phone', ku: 'ڕەزامەندی: پەیوەندیی تەلەفۆنی' },
  consentWhatsapp: { ar: 'موافقة: واتساب', en: 'Consent: WhatsApp', ku: 'ڕەزامەندی: واتسئاپ' },
  consentEmail: { ar: 'موافقة: البريد الإلكتروني', en: 'Consent: email', ku: 'ڕەزامەندی: ئیمەیڵ' },
  consentPhotos: { ar: 'موافقة: الظهور في الصور', en: 'Consent: photos', ku: 'ڕەزامەندی: دەرکەوتن لە وێنەکاندا' },
  consentPartnerSharing: {
    ar: 'موافقة: المشاركة مع الشريك',
    en: 'Consent: sharing with the partner',
    ku: 'ڕەزامەندی: هاوبەشیکردن لەگەڵ هاوبەش',
  },
  createdAt: { ar: 'تاريخ الإنشاء', en: 'Created', ku: 'بەرواری دروستکردن' },
  updatedAt: { ar: 'آخر تعديل', en: 'Updated', ku: 'دوایین دەستکاری' },
};

/** Kinds, subtypes, genders and sensitivities in the words the web app and the other exports use. */
const LABELS: Record<string, Record<Language, string>> = { ...KIND_LABELS, ...SUBTYPE_LABELS, ...GENDER_LABELS, ...SENSITIVITY_LABELS };

/** The consent columns and the scope each shows: the current answer from the newest record naming it. */
const CONSENT_COLUMN_SCOPES: Partial<Record<ExportColumn, ConsentScope>> = {
  consentPhone: 'phone',
  consentWhatsapp: 'whatsapp',
  consentEmail: 'email',
  consentPhotos: 'photos',
  consentPartnerSharing: 'partner_sharing',
};
const ANSWER_LABELS: Record<'yes' | 'no' | 'unknown', Record<Language, string>> = {
  yes: { ar: 'نعم', en: 'yes', ku: 'بەڵێ' },
  no: { ar: 'لا', en: 'no', ku: 'نەخێر' },
  unknown: { ar: 'غير معروف', en: 'unknown', ku: 'نەزانراو' },
};
const SHEET_NAMES: Record<Language, string> = { ar: 'جهات الاتصال', en: 'Contacts', ku: 'پەیوەندییەکان' };
const FILE_NAMES: Record<Language, string> = { ar: 'جهات-الاتصال', en: 'contacts', ku: 'پەیوەندییەکان' };

async function consentByContact(db: Db, columns: ExportColumn[], ids: string[]): Promise<Map<string, ConsentFact[]>> {
  const facts = new Map<string, ConsentFact[]>();
  if (!columns.some((c) => CONSENT_COLUMN_SCOPES[c])) return facts;
  for (const row of await listConsentRecords(db, ids)) facts.set(row.contact_id, [...(facts.get(row.contact_id) ?? []), toFact(row)]);
  return facts;
}

const WIDTHS: Partial<Record<ExportColumn, number>> = { name: 30, nameLatin: 28, governorates: 24, phones: 22, emails: 28, notes: 40 };

/** A sheet column: one of the fixed ones, or `cf:<key>` for a custom field in use. */
export type SheetColumn = ExportColumn | `cf:${string}`;

/** The asked columns; without any, the default ones and then a column per custom field in use. */
export function parseColumns(text: string | undefined, fields: readonly CustomFieldDef[]): SheetColumn[] {
  const custom = (key: string): SheetColumn => `cf:${key}`;
  if (!text?.trim()) return [...DEFAULT_EXPORT_COLUMNS, ...fields.map((f) => custom(f.key))];
  const asked = text
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const known = (c: string) => (EXPORT_COLUMNS as readonly string[]).includes(c) || fields.some((f) => c === custom(f.key));
  const unknown = asked.filter((c) => !known(c));
  if (unknown.length) throw invalid([{ field: 'columns', code: 'unknown', message: `unknown column(s): ${unknown.join(', ')}` }]);
  return [...new Set(asked)] as SheetColumn[];
}

async function matchingRows(db: Db, actor: Actor, filter: ExportFilter): Promise<contacts.ContactRow[]> {
  const created = { createdFrom: filter.createdFrom, createdTo: filter.createdTo };
  if (filter.q?.trim()) {
    const matches = (await rankedMatches(db, actor, filter.q, { kind: filter.kind, governorate: filter.governorate, ...created })).filter(
      (m) => filter.sensitivity === undefined || m.row.sensitivity === filter.sensitivity,
    );
    return contacts.findContactsByIds(
      db,
      matches.map((m) => m.row.id),
    );
  }
  const { rows } = await contacts.listContacts(db, {
    kind: filter.kind,
    governorate: filter.governorate,
    sensitivity: filter.sensitivity,
    ...created,
    visibleGovernorates: actor.governorates,
    limit: MAX_EXPORT_ROWS,
    offset: 0,
  });
  return rows;
}

/**
 * The filtered directory as one sheet, the same rows the list shows. Restricted contacts' phones, emails and notes are
 * left empty for roles that may not see them. The export is audited with its filters and size, never its values.
 */
export async function exportContacts(db: Db, actor: Actor, filter: ExportFilter): Promise<{ sheet: Sheet; baseName: string }> {
  const columns = parseColumns(filter.columns, await activeFieldDefs(db));
  assertCreatedRange(filter);
  const rows = await matchingRows(db, actor, filter);
  const filters = {
    kind: filter.kind,
    governorate: filter.governorate,
    sensitivity: filter.sensitivity,
    q: filter.q ? true : undefined,
    createdFrom: filter.createdFrom,
    createdTo: filter.createdTo,
  };
  return exportRows(db, actor, rows, { format: filter.format, lang: filter.lang, columns }, { filters });
}

export interface ExportShape {
  format: 'csv' | 'xlsx';
  lang: Language;
  columns: SheetColumn[];
}

/**
 * Given rows (a filter's or a bulk selection's) as one sheet, audited as one export; `about` says what was exported
 * (the filters, or the bulk selection) in the audit row.
 */
export async function exportRows(
  db: Db,
  actor: Actor,
  rows: contacts.ContactRow[],
  { format, lang, columns }: ExportShape,
  about: Record<string, unknown>,
): Promise<{ sheet: Sheet; baseName: string }> {
  const fixed = columns.filter((c): c is ExportColumn => !c.startsWith('cf:'));
  const consents = await consentByContact(
    db,
    fixed,
    rows.map((r) => r.id),
  );
  const fields = await activeFieldDefs(db);
  const fieldOf = (column: SheetColumn) => fields.find((f) => `cf:${f.key}` === column)!;
  // A restricted field's value is left empty exactly when the phones are (restricted-details.ts).
  const customCell = (row: contacts.ContactRow, column: SheetColumn) => {
    const def = fieldOf(column);
    return formatCustomValue(def, visibleCustomValues(actor, row, [def])[def.key], lang) || null;
  };
  const header = (c: SheetColumn) =>
    c.startsWith('cf:') ? fieldOf(c)[storedTextLanguage(lang) === 'ar' ? 'labelAr' : 'labelEn'] : HEADERS[c as ExportColumn][lang];
  const label = (value: string | null) => (value === null ? null : (LABELS[value]?.[lang] ?? value));
  const governorateName = (code: string) => {
    const g = findGovernorate(code);
    return g ? governorateNameIn(g, lang) : code;
  };
  const cell = (row: contacts.ContactRow, column: ExportColumn): string | null => {
    const hidden = hidesRestrictedDetails(actor, row);
    switch (column) {
      case 'name':
        return row.name;
      case 'nameLatin':
        return row.name_latin;
      case 'nameKu':
        return row.name_ku;
      case 'kind':
        return label(row.kind);
      case 'subtype':
        return label(row.subtype);
      case 'gender':
        return label(row.gender);
      case 'governorates':
        return row.governorates.map(governorateName).join(valueSeparator(lang));
      case 'phones':
        return hidden ? null : row.phones.join(', ');
      case 'emails':
        return hidden ? null : row.emails.join(', ');
      case 'tags':
        return row.tags.join('، ');
      case 'notes':
        return hidden ? null : row.notes;
      case 'sensitivity':
        return label(row.sensitivity);
      case 'source':
        return row.source;
      case 'consentNote':
        return row.consent_note;
      case 'consentPhone':
      case 'consentWhatsapp':
      case 'consentEmail':
      case 'consentPhotos':
      case 'consentPartnerSharing':
        return ANSWER_LABELS[currentConsent(consents.get(row.id) ?? [])[CONSENT_COLUMN_SCOPES[column]!].answer][lang];
      case 'createdAt':
        return row.created_at.toISOString();
      case 'updatedAt':
        return row.updated_at.toISOString();
    }
  };
  await recordAudit(db, {
    userId: actor.id,
    action: 'export',
    entityType: 'contact',
    entityId: null,
    details: {
      format,
      ...about,
      columns,
      count: rows.length,
      restrictedMasked: !seesRestrictedDetails(actor),
      // Ids only, so "who exported this restricted contact" has an answer without the log holding names or phones.
      restrictedContactIds: rows.filter((row) => row.sensitivity === 'restricted').map((row) => row.id),
    },
  });
  return {
    baseName: `${FILE_NAMES[lang]}-${new Date().toISOString().slice(0, 10)}`,
    sheet: {
      name: SHEET_NAMES[lang],
      rightToLeft: isRightToLeft(lang),
      columns: columns.map((c) => ({ header: header(c), width: WIDTHS[c as ExportColumn] })),
      rows: rows.map((row) => columns.map((c) => (c.startsWith('cf:') ? customCell(row, c) : cell(row, c as ExportColumn)))),
    },
  };
}
