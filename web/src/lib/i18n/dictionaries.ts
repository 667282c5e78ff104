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
import { eventsAr, eventsEn } from './features/events';
import { eventDayAr, eventDayEn } from './features/event-day';
import { eventQuotasAr, eventQuotasEn } from './features/event-quotas';
import { importsAr, importsEn } from './features/imports';
import { duplicatesAr, duplicatesEn } from './features/duplicates';
import { importReportAr, importReportEn } from './features/import-report';
import { managementAr, managementEn } from './features/management';
import { checkInQrAr, checkInQrEn } from './features/check-in-qr';
import { whatsappAr, whatsappEn } from './features/whatsapp';
import { replyLinksAr, replyLinksEn } from './features/reply-links';
import { emailAr, emailEn } from './features/email';
import { historyAr, historyEn } from './features/history';
import { displayAr, displayEn } from './features/display';
import { smallScreensAr, smallScreensEn } from './features/small-screens';
import { auditAr, auditEn } from './features/audit';
import { trashAr, trashEn } from './features/trash';
import { accountSecurityAr, accountSecurityEn } from './features/account-security';
import { consentAr, consentEn } from './features/consent';
import { networkAr, networkEn } from './features/network';
import { tasksAr, tasksEn } from './features/tasks';
import { bulkActionsAr, bulkActionsEn } from './features/bulk-actions';
import { directoryAr, directoryEn } from './features/directory';
import { hxlAr, hxlEn } from './features/hxl';
import { customFieldsAr, customFieldsEn } from './features/custom-fields';
import { searchResultsAr, searchResultsEn } from './features/search-results';
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
  ...languageEn,
};
export type MessageKey = keyof typeof ar;

/**
 * Sorani Kurdish, typed like the others: a feature whose `<feature>Ku` is not spread here yet fails the type check on
 * this line, and tests/unit/i18n/dictionary-keys.test.ts names its keys. There is no fallback to another language.
 */
export const ku: Record<MessageKey, string> = {
  ...coreKu,
  ...languageKu,
};
