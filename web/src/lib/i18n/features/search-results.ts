/** Messages of the search results' "what tells them apart" line (issue 18): Arabic first, English with the same keys. */
export const searchResultsAr = {
  'search.result.father': 'اسم الأب: {name}',
  'search.result.position': '{title} في {organization}',
};

export const searchResultsEn: Record<keyof typeof searchResultsAr, string> = {
  'search.result.father': 'Father’s name: {name}',
  'search.result.position': '{title} at {organization}',
};

export const searchResultsKu: Record<keyof typeof searchResultsAr, string> = {
  'search.result.father': 'ناوی باوک: {name}',
  'search.result.position': '{title} لە {organization}',
};
