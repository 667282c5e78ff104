/** HXL exports for partners and clusters (issue 16, item 4). */
export const hxlAr = {
  'hxl.organisations': 'المنظمات بصيغة HXL',
  'hxl.partnerships': 'الشراكات بصيغة HXL',
  'hxl.contacts': 'الدليل بصيغة HXL',
  'hxl.activities': 'أنشطة البرنامج بصيغة HXL',
  'hxl.hint':
    'ملف CSV فيه صف وسوم HXL تحت العناوين ورموز المحافظات من OCHA، لتبادل البيانات مع الشركاء والمجموعات القطاعية. لا يضم أشخاصًا.',
} as const;

export const hxlEn: Record<keyof typeof hxlAr, string> = {
  'hxl.organisations': 'Organisations as HXL',
  'hxl.partnerships': 'Partnerships as HXL',
  'hxl.contacts': 'Directory as HXL',
  'hxl.activities': 'Programme activities as HXL',
  'hxl.hint':
    'A CSV file with an HXL hashtag row under the headers and OCHA governorate p-codes, to share with partners and clusters. No individuals are included.',
};

export const hxlKu: Record<keyof typeof hxlAr, string> = {
  'hxl.organisations': 'ڕێکخراوەکان بە شێوازی HXL',
  'hxl.partnerships': 'ھاوبەشییەکان بە شێوازی HXL',
  'hxl.contacts': 'ڕێبەر بە شێوازی HXL',
  'hxl.activities': 'چالاکییەکانی بەرنامە بە شێوازی HXL',
  'hxl.hint':
    'فایلێکی CSV کە ڕیزێکی تاگەکانی HXL لە ژێر سەردێڕەکان و کۆدەکانی پارێزگاکانی OCHA تێدایە، بۆ ئاڵوگۆڕی داتا لەگەڵ ھاوبەشان و گرووپە کەرتییەکان. ھیچ کەسێکی تێدا نییە.',
};
