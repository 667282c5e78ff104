/** The interface language selector (issue 16, item 1); each language's own name comes from $domain/language. */
export const languageAr = {
  'language.selector': 'لغة الواجهة',
};

export const languageEn: Record<keyof typeof languageAr, string> = {
  'language.selector': 'Interface language',
};

export const languageKu: Record<keyof typeof languageAr, string> = {
  'language.selector': 'زمانی ڕووکار',
};
