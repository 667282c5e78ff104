/*
 * The message dictionaries of the three interface languages, assembled from the core files (ar.ts, en.ts, ku.ts) and
 * each feature's file under features/. A plain module (no runes) so that unit tests can import it.
 *
 * Wiring a feature is one import and one spread per language: `import { xAr, xEn, xKu } from './features/x'`, then
 * `...xAr` in ar, `...xEn` in en and `...xKu` in ku.
 */
import { ar as coreAr } from './ar';
import { en as coreEn } from './en';
import { ku as coreKu } from './ku';
import { eventsAr, eventsEn, eventsKu } from './features/events';
import { eventDayAr, eventDayEn, eventDayKu } from './features/event-day';
import { eventQuotasAr, eventQuotasEn, eventQuotasKu } from './features/event-quotas';
import { importsAr, importsEn, importsKu } from './features/imports';
import { duplicatesAr, duplicatesEn, duplicatesKu } from './features/duplicates';
import { importReportAr, importReportEn, importReportKu } from './features/import-report';
import { managementAr, managementEn, managementKu } from './features/management';
import { checkInQrAr, checkInQrEn, checkInQrKu } from './features/check-in-qr';
import { whatsappAr, whatsappEn, whatsappKu } from './features/whatsapp';
import { replyLinksAr, replyLinksEn, replyLinksKu } from './features/reply-links';
import { emailAr, emailEn, emailKu } from './features/email';
import { historyAr, historyEn, historyKu } from './features/history';
import { displayAr, displayEn, displayKu } from './features/display';
import { smallScreensAr, smallScreensEn, smallScreensKu } from './features/small-screens';
import { auditAr, auditEn, auditKu } from './features/audit';
import { trashAr, trashEn, trashKu } from './features/trash';
import { accountSecurityAr, accountSecurityEn, accountSecurityKu } from './features/account-security';
import { consentAr, consentEn, consentKu } from './features/consent';
import { networkAr, networkEn, networkKu } from './features/network';
import { tasksAr, tasksEn, tasksKu } from './features/tasks';
import { bulkActionsAr, bulkActionsEn, bulkActionsKu } from './features/bulk-actions';
import { directoryAr, directoryEn, directoryKu } from './features/directory';
import { hxlAr, hxlEn, hxlKu } from './features/hxl';
import { customFieldsAr, customFieldsEn, customFieldsKu } from './features/custom-fields';
import { searchResultsAr, searchResultsEn, searchResultsKu } from './features/search-results';
import { programmesAr, programmesEn, programmesKu } from './features/programmes';
import { programmeReportAr, programmeReportEn, programmeReportKu } from './features/programme-report';
import { languageAr, languageEn, languageKu } from './features/language';

// Each feature keeps its messages in its own file under features/; keys are prefixed by the feature.
export const ar = {
  ...coreAr,
  ...eventsAr,
  ...eventDayAr,
  ...eventQuotasAr,
  ...importsAr,
  ...duplicatesAr,
  ...importReportAr,
  ...managementAr,
  ...checkInQrAr,
  ...whatsappAr,
  ...replyLinksAr,
  ...emailAr,
  ...historyAr,
  ...displayAr,
  ...auditAr,
  ...trashAr,
  ...accountSecurityAr,
  ...consentAr,
  ...networkAr,
  ...smallScreensAr,
  ...tasksAr,
  ...bulkActionsAr,
  ...directoryAr,
  ...hxlAr,
  ...customFieldsAr,
  ...searchResultsAr,
  ...programmesAr,
  ...programmeReportAr,
  ...languageAr,
};
export const en = {
  ...coreEn,
  ...eventsEn,
  ...eventDayEn,
  ...eventQuotasEn,
  ...importsEn,
  ...duplicatesEn,
  ...importReportEn,
  ...managementEn,
  ...checkInQrEn,
  ...whatsappEn,
  ...replyLinksEn,
  ...emailEn,
  ...historyEn,
  ...displayEn,
  ...auditEn,
  ...trashEn,
  ...accountSecurityEn,
  ...consentEn,
  ...networkEn,
  ...smallScreensEn,
  ...tasksEn,
  ...bulkActionsEn,
  ...directoryEn,
  ...hxlEn,
  ...customFieldsEn,
  ...searchResultsEn,
  ...programmesEn,
  ...programmeReportEn,
  ...languageEn,
};
export type MessageKey = keyof typeof ar;

/**
 * Sorani Kurdish, typed like the others: a feature whose `<feature>Ku` is not spread here yet fails the type check on
 * this line, and tests/unit/i18n/dictionary-keys.test.ts names its keys. There is no fallback to another language.
 */
export const ku: Record<MessageKey, string> = {
  ...coreKu,
  ...eventsKu,
  ...eventDayKu,
  ...eventQuotasKu,
  ...importsKu,
  ...duplicatesKu,
  ...importReportKu,
  ...managementKu,
  ...checkInQrKu,
  ...whatsappKu,
  ...replyLinksKu,
  ...emailKu,
  ...historyKu,
  ...displayKu,
  ...auditKu,
  ...trashKu,
  ...accountSecurityKu,
  ...consentKu,
  ...networkKu,
  ...smallScreensKu,
  ...tasksKu,
  ...bulkActionsKu,
  ...directoryKu,
  ...hxlKu,
  ...customFieldsKu,
  ...searchResultsKu,
  ...programmesKu,
  ...programmeReportKu,
  ...languageKu,
};
