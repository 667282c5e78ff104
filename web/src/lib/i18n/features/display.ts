/** How numbers and dates are written for this reader (issue 14, item 11). */
export const displayAr = {
  'display.title': 'عرض الأرقام والتواريخ',
  'display.digits': 'الأرقام',
  'display.digits.western': 'غربية (123)',
  'display.digits.arabic': 'هندية (١٢٣)',
  'display.example': 'مثال: {date} · {count}',
  'display.help': 'يُحفظ الاختيار في هذا المتصفح. الرسائل والملفات المصدَّرة تبقى بالأرقام الغربية.',
};

export const displayEn: Record<keyof typeof displayAr, string> = {
  'display.title': 'Numbers and dates',
  'display.digits': 'Digits',
  'display.digits.western': 'Western (123)',
  'display.digits.arabic': 'Arabic-Indic (١٢٣)',
  'display.example': 'Example: {date} · {count}',
  'display.help': 'Kept in this browser. Messages and exported files keep Western digits.',
};

export const displayKu: Record<keyof typeof displayAr, string> = {
  'display.title': 'پیشاندانی ژمارە و بەروارەکان',
  'display.digits': 'ژمارەکان',
  'display.digits.western': 'ڕۆژئاوایی (123)',
  'display.digits.arabic': 'عەرەبی-ھیندی (١٢٣)',
  'display.example': 'نموونە: {date} · {count}',
  'display.help': 'ھەڵبژاردنەکە لەم وێبگەڕەدا پاشەکەوت دەکرێت. نامەکان و فایلە ھەناردەکراوەکان بە ژمارەی ڕۆژئاوایی دەمێننەوە.',
};
