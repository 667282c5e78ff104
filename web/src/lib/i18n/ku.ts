/**
 * Sorani Kurdish, the core messages. TEMPORARY in the ku-infra branch: only the header, sign-in and directory
 * messages the Kurdish e2e test reads; the full translation (helper ku-a) replaces this file when the branches merge,
 * typed `Record<keyof typeof ar, string>` like en.ts.
 */
import type { ar } from './ar';

export const ku: Partial<Record<keyof typeof ar, string>> = {
  'app.name': 'ڕێبەری هاوبەشان',
  'app.skipToContent': 'بڕۆ بۆ ناوەڕۆک',

  'nav.main': 'ڕێنیشاندەری سەرەکی',
  'nav.contacts': 'پەیوەندییەکان',
  'nav.events': 'چالاکییەکان',
  'nav.partnerships': 'هاوبەشییە حکومییەکان',
  'nav.dashboard': 'داشبۆردی بەرنامە',
  'nav.import': 'هاوردەکردن',
  'nav.duplicates': 'دووبارەکان',
  'nav.network': 'تۆڕی پەیوەندییەکان',
  'nav.users': 'بەکارهێنەران',
  'nav.relationshipTypes': 'جۆرەکانی پەیوەندی',
  'nav.breadcrumb': 'ڕێڕەوی ڕێنیشاندان',
  'nav.logout': 'چوونەدەرەوە',
  'nav.account': 'هەژمارەکەم',

  'common.loading': 'بارکردن…',
  'common.save': 'پاشەکەوتکردن',
  'common.saving': 'پاشەکەوت دەکرێت…',
  'common.cancel': 'هەڵوەشاندنەوە',
  'common.close': 'داخستن',
  'common.edit': 'دەستکاریکردن',
  'common.delete': 'سڕینەوە',
  'common.retry': 'دووبارە هەوڵبدەرەوە',
  'common.reload': 'نوێکردنەوە',
  'common.optional': '(ئارەزوومەندانە)',

  'login.title': 'چوونەژوورەوە',
  'login.email': 'ئیمەیڵ',
  'login.password': 'وشەی نهێنی',
  'login.submit': 'چوونەژوورەوە',
  'login.submitting': 'چوونەژوورەوە…',
  'login.invalidCredentials': 'ئیمەیڵ یان وشەی نهێنی هەڵەیە.',
  'login.rateLimited': 'هەوڵی زۆر درا. خولەکێک چاوەڕێ بکە و دووبارە هەوڵبدەرەوە.',

  'contacts.title': 'پەیوەندییەکان',
  'contacts.add': 'زیادکردنی پەیوەندی',
  'contacts.search': 'گەڕان',
  'contacts.searchPlaceholder': 'بە ناو یان ژمارەی تەلەفۆن بگەڕێ…',
  'contacts.allKinds': 'هەموو جۆرەکان',
  'contacts.governorate': 'پارێزگا',
  'contacts.allGovernorates': 'هەموو پارێزگاکان',
  'contacts.empty': 'هیچ پەیوەندییەکی گونجاو نییە',
  'contacts.previous': 'پێشوو',
  'contacts.next': 'دواتر',
  'contacts.column.name': 'ناو',
  'contacts.column.kind': 'جۆر',
  'contacts.column.governorates': 'پارێزگاکان',
  'contacts.restricted': 'سنووردار',
};
