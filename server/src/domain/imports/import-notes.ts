/**
 * What the importer says about a row — a warning at preview, a note on what the run did — as a stable code the web app
 * translates, with the English sentence kept for scripts and the downloadable report. And the run's result explained
 * against the preview's plan, difference by difference. Pure: shared with the web app.
 */
import type { ImportAction } from './import-batch.js';
import type { ImportDecision } from './import-fields.js';
import type { Language } from '../language.js';

export const IMPORT_NOTE_CODES = [
  /** Preview warning: the row names an organisation the directory does not have yet. params.name */
  'organization_created',
  /** The row was invalid at preview, so the run skipped it. */
  'invalid_row',
  /** A merge found nothing new to add: the existing contact already had every value of the row. */
  'already_up_to_date',
  /** The row repeats an earlier row of the file that was not imported, so there was nothing to merge into. params.row */
  'repeated_row_not_imported',
  /** The contact to merge into was deleted, or moved out of the importer's governorates, after the preview. */
  'contact_gone',
  /** Only a coordinator or an administrator may add to a restricted contact. */
  'restricted_contact',
  /** The contact the row would make was refused (its values do not pass the directory's checks); message says why. */
  'contact_rejected',
  /** A sentence stored before notes had codes: only its message is known. */
  'text',
] as const;
export type ImportNoteCode = (typeof IMPORT_NOTE_CODES)[number];

export interface ImportNote {
  code: ImportNoteCode;
  message: string;
  params?: { name?: string; row?: number };
}

export const importNotes = {
  organizationCreated: (name: string): ImportNote => ({
    code: 'organization_created',
    message: `organization "${name}" will be created`,
    params: { name },
  }),
  invalidRow: (): ImportNote => ({ code: 'invalid_row', message: 'invalid row' }),
  alreadyUpToDate: (): ImportNote => ({ code: 'already_up_to_date', message: 'already up to date' }),
  repeatedRowNotImported: (row: number): ImportNote => ({
    code: 'repeated_row_not_imported',
    message: `row ${row}, which this row repeats, was not imported`,
    params: { row },
  }),
  contactGone: (): ImportNote => ({ code: 'contact_gone', message: 'the contact to merge into no longer exists' }),
  restrictedContact: (): ImportNote => ({
    code: 'restricted_contact',
    message: 'only a coordinator or an administrator can add to a restricted contact',
  }),
  contactRejected: (message: string): ImportNote => ({ code: 'contact_rejected', message }),
};

/** The sentences stored before notes had codes, read back as the notes they were. */
const LEGACY: [RegExp, (m: RegExpMatchArray) => ImportNote][] = [
  [/^organization "(.*)" will be created$/s, (m) => importNotes.organizationCreated(m[1])],
  [/^invalid row$/, () => importNotes.invalidRow()],
  [/^already up to date$/, () => importNotes.alreadyUpToDate()],
  [/^row (\d+), which this row repeats, was not imported$/, (m) => importNotes.repeatedRowNotImported(Number(m[1]))],
  [/^the contact to merge into no longer exists$/, () => importNotes.contactGone()],
  [/^only a coordinator or an administrator can add to a restricted contact$/, () => importNotes.restrictedContact()],
];

const isNote = (value: unknown): value is ImportNote =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ImportNote).code === 'string' &&
  typeof (value as ImportNote).message === 'string';

/** A row's stored warnings or messages (notes, or the sentences of older imports) as notes. */
export function readNotes(stored: unknown): ImportNote[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((item): ImportNote[] => {
    if (isNote(item)) return [item];
    if (typeof item !== 'string') return [];
    for (const [pattern, toNote] of LEGACY) {
      const match = item.match(pattern);
      if (match) return [toNote(match)];
    }
    return [{ code: 'text', message: item }];
  });
}

/** What the preview planned for a row: its decision, or 'invalid' (an invalid row is always skipped). */
export type PlannedAction = ImportDecision | 'invalid';
export type RunAction = ImportAction;

/** Applied rows counted by what was planned, what happened, and the first note's code: stored with the result. */
export interface ResultGroup {
  planned: PlannedAction;
  action: RunAction;
  code: ImportNoteCode | null;
  count: number;
}

const EXPECTED: Record<PlannedAction, RunAction> = { create: 'created', merge: 'updated', skip: 'skipped', invalid: 'skipped' };

export interface ResultExplanation {
  /** The preview's "create · merge · skip" (invalid rows count as skip), rebuilt from the rows as run. */
  planned: { create: number; merge: number; skip: number };
  /** Of the planned skips, how many were invalid rows. */
  invalidSkipped: number;
  /** Each way the run went other than planned, with why: a merge that found nothing new, a create refused … */
  differences: ResultGroup[];
}

/**
 * The result against the plan. The preview promised "merge 1" and the run says "updated 0 · skipped 4": the
 * explanation lists "1 row to merge was skipped: already up to date", so every count is accounted for.
 */
export function explainResult(groups: readonly ResultGroup[]): ResultExplanation {
  const planned = { create: 0, merge: 0, skip: 0 };
  let invalidSkipped = 0;
  const differences = new Map<string, ResultGroup>();
  for (const g of groups) {
    planned[g.planned === 'invalid' ? 'skip' : g.planned] += g.count;
    if (g.planned === 'invalid') invalidSkipped += g.count;
    if (EXPECTED[g.planned] === g.action) continue;
    const key = `${g.planned}|${g.action}|${g.code ?? ''}`;
    const seen = differences.get(key);
    if (seen) seen.count += g.count;
    else differences.set(key, { ...g });
  }
  return { planned, invalidSkipped, differences: [...differences.values()].sort((a, b) => b.count - a.count) };
}

/** The notes in words, Arabic, English and Sorani Kurdish: one source for the web app and the downloadable report. */
const NOTE_TEXTS: Record<ImportNoteCode, Record<Language, string>> = {
  organization_created: { ar: 'ستُنشأ المنظمة «{name}»', en: 'organisation “{name}” will be created', ku: 'ڕێکخراوی «{name}» دروست دەکرێت' },
  invalid_row: { ar: 'صف غير صالح', en: 'invalid row', ku: 'ڕیزی نادروست' },
  already_up_to_date: {
    ar: 'لا جديد فيه: الجهة الموجودة فيها كل قيم هذا الصف',
    en: 'already up to date: the existing contact had every value of this row',
    ku: 'هیچی نوێی تێدا نییە: پەیوەندیکارە هەبووەکە هەموو بەهاکانی ئەم ڕیزەی هەیە',
  },
  repeated_row_not_imported: {
    ar: 'يكرّر الصف {row} الذي لم يُستورد، فلا جهة يُدمج فيها',
    en: 'repeats row {row}, which was not imported, so there was nothing to merge into',
    ku: 'ڕیزی {row} دووبارە دەکاتەوە کە هاوردە نەکرا، بۆیە هیچ پەیوەندیکارێک نییە تێکەڵی بکرێت',
  },
  contact_gone: {
    ar: 'الجهة المراد الدمج فيها لم تعد موجودة (حُذفت أو صارت خارج محافظات حسابك بعد المعاينة)',
    en: 'the contact to merge into no longer exists (deleted, or outside your governorates since the preview)',
    ku: 'ئەو پەیوەندیکارەی تێکەڵی دەکرێت ئیتر بوونی نییە (سڕاوەتەوە، یان لە دوای پێشبینینەکەوە لە دەرەوەی پارێزگاکانی هەژمارەکەتە)',
  },
  restricted_contact: {
    ar: 'لا يضيف إلى جهة مقيّدة إلا المنسّق أو المدير',
    en: 'only a coordinator or an administrator can add to a restricted contact',
    ku: 'تەنها هەماهەنگکار یان بەڕێوەبەر دەتوانێت زانیاری بۆ پەیوەندیکارێکی سنووردار زیاد بکات',
  },
  contact_rejected: { ar: 'لم تُقبل قيم الصف: {message}', en: '{message}', ku: 'بەهاکانی ڕیزەکە وەرنەگیران: {message}' },
  text: { ar: '{message}', en: '{message}', ku: '{message}' },
};

export function noteText(note: ImportNote, lang: Language): string {
  const template = (NOTE_TEXTS[note.code] ?? NOTE_TEXTS.text)[lang];
  const params: Record<string, string | number | undefined> = { ...note.params, message: note.message };
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => String(params[name] ?? placeholder));
}
