import { browser } from '$app/environment';
import { formatMessage } from './message-format';
import { formatNumber, type DigitStyle, type DisplayStyle } from '$domain/format/display-format';
import { DEFAULT_LANGUAGE, LANGUAGE_TAGS, isLanguage, isRightToLeft, type Language } from '$domain/language';
import { ar, en, ku, type MessageKey } from './dictionaries';

export type { MessageKey };

/** For keys built from data (a field or action name): whether the app has a message for it. */
export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(ar, key);
type MessageParams = Record<string, string | number>;

const STORAGE_KEY = 'language';
const DIGITS_KEY = 'digits';
const dictionaries: Record<Language, Record<MessageKey, string>> = { ar, en, ku };

function readStoredLanguage(): Language {
  if (!browser) return DEFAULT_LANGUAGE;
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
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
  // ckb for Kurdish (see LANGUAGE_TAGS): screen readers and hyphenation read Sorani, not Kurmanji.
  document.documentElement.lang = LANGUAGE_TAGS[language];
  document.documentElement.dir = isRightToLeft(language) ? 'rtl' : 'ltr';
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

  /** The page's BCP 47 tag, for `lang` attributes and Intl (ckb for Kurdish). */
  get tag(): string {
    return LANGUAGE_TAGS[this.language];
  }

  get rightToLeft(): boolean {
    return isRightToLeft(this.language);
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
