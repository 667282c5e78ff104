/**
 * The interface languages (issue 16, item 1): Arabic first, English, and Sorani Kurdish (Central Kurdish, Arabic
 * script, right to left). One list behind the web app's language selector, its dictionaries, and every `lang`
 * parameter of the server's exports and reports. Pure: shared by the server and the web app.
 */
export const LANGUAGES = ['ar', 'en', 'ku'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'ar';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

const RIGHT_TO_LEFT: ReadonlySet<Language> = new Set<Language>(['ar', 'ku']);

export const isRightToLeft = (language: Language): boolean => RIGHT_TO_LEFT.has(language);

/**
 * The BCP 47 tag of the page (`<html lang>`), of sheets and of collation. Our key stays `ku`, but the tag is `ckb`
 * (Central Kurdish, Sorani): a bare `ku` means Kurmanji to ICU and to browsers (Latin script, "15ê rêbendana 2027an",
 * "a, b û c"), and screen readers would read the page in the wrong language.
 */
export const LANGUAGE_TAGS: Readonly<Record<Language, string>> = { ar: 'ar', en: 'en', ku: 'ckb' };

/** Each language in its own name, as the selector shows it: a reader finds their language without reading another. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { ar: 'العربية', en: 'English', ku: 'کوردی' };

/**
 * Text that users keep in Arabic and English only (custom fields' labels and options, relationship types): Kurdish
 * readers get the Arabic one, in their script and direction and always filled in, until such records get a Kurdish
 * field of their own.
 */
export const storedTextLanguage = (language: Language): 'ar' | 'en' => (language === 'en' ? 'en' : 'ar');

/** One value per language, e.g. an event's date written out in each, for a page that switches without a request. */
export const inEveryLanguage = <T>(make: (language: Language) => T): Record<Language, T> => ({
  ar: make('ar'),
  en: make('en'),
  ku: make('ku'),
});
