import { browser } from '$app/environment';
import { ar as coreAr } from './ar';
import { en as coreEn } from './en';
import { eventsAr, eventsEn } from './features/events';
import { eventDayAr, eventDayEn } from './features/event-day';
import { eventQuotasAr, eventQuotasEn } from './features/event-quotas';
import { importsAr, importsEn } from './features/imports';
import { duplicatesAr, duplicatesEn } from './features/duplicates';
import { importReportAr, importReportEn } from './features/import-report';
import { managementAr, managementEn } from './features/management';
import { formatMessage } from './message-format';
import { formatNumber, type DigitStyle, type DisplayStyle } from '$domain/format/display-format';
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
import { programmesAr, programmesEn } from './features/programmes';
import { programmeReportAr, programmeReportEn } from './features/programme-report';

// Each feature keeps its messages in its own file under features/; keys are prefixed by the feature.
const ar = {
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
};
const en = {
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
};

type Language = 'ar' | 'en';
export type MessageKey = keyof typeof ar;

/** For keys built from data (a field or action name): whether the app has a message for it. */
export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(ar, key);
type MessageParams = Record<string, string | number>;

const STORAGE_KEY = 'language';
const DIGITS_KEY = 'digits';
const dictionaries: Record<Language, Record<MessageKey, string>> = { ar, en };

function readStoredLanguage(): Language {
  if (!browser) return 'ar';
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ar';
  } catch {
    return 'ar';
  }
}

/** Western digits unless the user chose Arabic-Indic ones (issue 14, item 11); kept per browser, like the language. */
function readStoredDigits(): DigitStyle {
  if (!browser) return 'western';
  try {
    return localStorage.getItem(DIGITS_KEY) === 'arabic' ? 'arabic' : 'western';
  } catch {
    return 'western';
  }
}

function applyToDocument(language: Language): void {
  if (!browser) return;
  document.documentElement.lang = language;
  document.documentElement.dir = language === 'ar' ? 'rtl' : 'ltr';
}

class I18n {
  language = $state<Language>(readStoredLanguage());
  digits = $state<DigitStyle>(readStoredDigits());

  constructor() {
    applyToDocument(this.language);
  }

  setLanguage(language: Language): void {
    this.language = language;
    applyToDocument(language);
    try {
      localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // private mode or storage disabled: the choice lasts for this page only
    }
  }

  setDigits(digits: DigitStyle): void {
    this.digits = digits;
    try {
      localStorage.setItem(DIGITS_KEY, digits);
    } catch {
      // as for the language: this page only
    }
  }

  /** How numbers and dates are written for this reader (server/src/domain/format/display-format.ts). */
  get style(): DisplayStyle {
    return { language: this.language, digits: this.digits };
  }

  toggle(): void {
    this.setLanguage(this.language === 'ar' ? 'en' : 'ar');
  }
}

export const i18n = new I18n();

// Counts in messages follow the reader's digits like every other number.
const formatCount = (n: number) => formatNumber(n, i18n.style);

/**
 * Translates a key for the current language; `{name}` placeholders are filled from params, and
 * `{n, plural, one {…} other {…}}` blocks agree with the number (see message-format.ts).
 */
export function t(key: MessageKey, params?: MessageParams): string {
  return formatMessage(dictionaries[i18n.language][key], params, i18n.language, formatCount);
}
