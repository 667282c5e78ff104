/** Bulk actions on many contacts (issue 13, item 3): Arabic first, English must have the same keys. */
const contactsAr = (word: string) =>
  `{n, plural, zero {لا جهات اتصال} one {جهة اتصال واحدة} two {جهتي اتصال} few {# جهات اتصال} many {# جهة اتصال} other {# جهة اتصال}}${word}`;

export const bulkActionsAr = {
  'bulk.label': 'إجراءات جماعية',
  'bulk.allMatching':
    'تنفيذ إجراء على كل {n, plural, one {جهة الاتصال المطابقة} two {جهتي الاتصال المطابقتين} few {# جهات اتصال مطابقة} many {# جهة اتصال مطابقة} other {# جهة اتصال مطابقة}} للمرشحات الحالية',
  'bulk.selected': contactsAr(' محددة'),

  'bulk.action.addTags': 'إضافة وسوم',
  'bulk.action.removeTags': 'إزالة وسوم',
  'bulk.action.addGovernorate': 'إضافة محافظة',
  'bulk.action.setSensitivity': 'تحديد الحساسية',
  'bulk.action.addToEvent': 'إضافة إلى فعالية',
  'bulk.action.assignTask': 'إسناد متابعة',
  'bulk.action.export': 'تصدير',
  'bulk.action.moveToTrash': 'نقل إلى المحذوفات',

  'bulk.confirm.addTags': 'ستُضاف هذه الوسوم إلى ' + contactsAr('.'),
  'bulk.confirm.removeTags': 'ستُزال هذه الوسوم من ' + contactsAr('.'),
  'bulk.confirm.addGovernorate': 'ستُضاف هذه المحافظة إلى ' + contactsAr('.'),
  'bulk.confirm.setSensitivity': 'ستُحدَّد حساسية ' + contactsAr('.'),
  'bulk.confirm.addToEvent': 'ستُضاف ' + contactsAr(' إلى قائمة الفعالية.'),
  'bulk.confirm.assignTask': 'ستُنشأ مهمة متابعة لكل واحدة من ' + contactsAr('.'),
  'bulk.confirm.export': 'سيُصدَّر ملف فيه ' + contactsAr('.'),
  'bulk.confirm.moveToTrash': 'ستُنقل ' + contactsAr(' إلى المحذوفات، ويمكن استعادة كل منها خلال مدة الاحتفاظ.'),

  'bulk.tags.label': 'الوسوم',
  'bulk.tags.hint': 'افصل بين الوسوم بفاصلة.',
  'bulk.governorate.label': 'المحافظة',
  'bulk.sensitivity.label': 'الحساسية',
  'bulk.event.label': 'الفعالية',
  'bulk.event.choose': 'اختر فعالية',
  'bulk.event.none': 'لا توجد فعاليات قادمة.',
  'bulk.event.skipExisting': 'تخطي من هم في القائمة أصلاً',
  'bulk.event.allowOverCapacity': 'الإضافة حتى لو تجاوزت سعة الفعالية',
  'bulk.event.allowOverQuota': 'الإضافة حتى لو تجاوزت حصة',
  'bulk.export.format': 'صيغة الملف',
  'bulk.export.withDetails': 'مع الهواتف والبريد الإلكتروني',
  'bulk.task.title': 'ما المطلوب',
  'bulk.task.assignee': 'المسؤول عن المتابعة',
  'bulk.task.chooseAssignee': 'اختر زميلًا',
  'bulk.task.dueOn': 'الموعد',

  'bulk.preview': 'معاينة',
  'bulk.preview.title': 'ما الذي سيتغير',
  'bulk.preview.changed':
    '{changed, plural, zero {لن تتغير أي جهة اتصال} one {ستتغير جهة اتصال واحدة} two {ستتغير جهتا اتصال} few {ستتغير # جهات اتصال} many {ستتغير # جهة اتصال} other {ستتغير # جهة اتصال}} من {count}.',
  'bulk.preview.sample': 'عينة مما سيتغير',
  'bulk.preview.name': 'الاسم',
  'bulk.preview.before': 'قبل',
  'bulk.preview.after': 'بعد',
  'bulk.preview.nothing': '—',
  'bulk.previewFirst': 'اعرض المعاينة قبل التأكيد: أكثر من {limit} جهة اتصال.',
  'bulk.apply': 'تنفيذ على {n, plural, one {جهة اتصال واحدة} two {جهتي اتصال} few {# جهات اتصال} many {# جهة اتصال} other {# جهة اتصال}}',
  'bulk.running':
    'جارٍ التنفيذ على {n, plural, one {جهة اتصال واحدة} two {جهتي اتصال} few {# جهات اتصال} many {# جهة اتصال} other {# جهة اتصال}}…',

  'bulk.done.changed':
    '{changed, plural, zero {لم تتغير أي جهة اتصال} one {تغيّرت جهة اتصال واحدة} two {تغيّرت جهتا اتصال} few {تغيّرت # جهات اتصال} many {تغيّرت # جهة اتصال} other {تغيّرت # جهة اتصال}} من {count}.',
  'bulk.done.unchanged':
    '{n, plural, one {وجهة واحدة كانت كذلك أصلاً} two {وجهتان كانتا كذلك أصلاً} few {و# جهات كانت كذلك أصلاً} many {و# جهة كانت كذلك أصلاً} other {و# جهة كانت كذلك أصلاً}}.',
  'bulk.done.added':
    '{changed, plural, zero {لم تُضف أي جهة اتصال} one {أُضيفت جهة اتصال واحدة} two {أُضيفت جهتا اتصال} few {أُضيفت # جهات اتصال} many {أُضيفت # جهة اتصال} other {أُضيفت # جهة اتصال}} إلى قائمة الفعالية.',
  'bulk.done.trashed':
    '{changed, plural, one {نُقلت جهة اتصال واحدة} two {نُقلت جهتا اتصال} few {نُقلت # جهات اتصال} many {نُقلت # جهة اتصال} other {نُقلت # جهة اتصال}} إلى المحذوفات.',
  'bulk.done.exported': 'صُدِّر ملف فيه ' + contactsAr('.'),
  'bulk.done.assigned':
    '{changed, plural, one {أُنشئت مهمة متابعة واحدة} two {أُنشئت مهمتا متابعة} few {أُنشئت # مهام متابعة} many {أُنشئت # مهمة متابعة} other {أُنشئت # مهمة متابعة}}.',

  'bulk.refused':
    'لم يتغير شيء: لا يحق لك تعديل {n, plural, one {جهة اتصال واحدة} two {جهتي اتصال} few {# جهات اتصال} many {# جهة اتصال} other {# جهة اتصال}} من هذا التحديد.',
  'bulk.refused.restricted': '{name} (مقيّدة: للمنسقين والمديرين فقط)',
  'bulk.refused.hidden':
    '{n, plural, one {جهة اتصال واحدة لا يمكنك رؤيتها} two {جهتا اتصال لا يمكنك رؤيتهما} few {# جهات اتصال لا يمكنك رؤيتها} many {# جهة اتصال لا يمكنك رؤيتها} other {# جهة اتصال لا يمكنك رؤيتها}}',
  'bulk.tooMany': 'يطابق هذا التحديد أكثر من {max} جهة اتصال؛ ضيّق المرشحات.',
  'bulk.tagsRequired': 'اكتب وسماً واحداً على الأقل.',
  'bulk.tooManyTags': 'بعض جهات الاتصال ستحمل أكثر من {max} وسماً.',
};

const contactsEn = (word: string) => `{n, plural, =0 {no contacts} one {one contact} other {# contacts}}${word}`;

export const bulkActionsEn: Record<keyof typeof bulkActionsAr, string> = {
  'bulk.label': 'Bulk actions',
  'bulk.allMatching': 'Act on {n, plural, one {the one contact} other {all # contacts}} matching the current filters',
  'bulk.selected': contactsEn(' selected'),

  'bulk.action.addTags': 'Add tags',
  'bulk.action.removeTags': 'Remove tags',
  'bulk.action.addGovernorate': 'Add governorate',
  'bulk.action.setSensitivity': 'Set sensitivity',
  'bulk.action.addToEvent': 'Add to event',
  'bulk.action.assignTask': 'Assign a follow-up',
  'bulk.action.export': 'Export',
  'bulk.action.moveToTrash': 'Move to trash',

  'bulk.confirm.addTags': 'These tags will be added to ' + contactsEn('.'),
  'bulk.confirm.removeTags': 'These tags will be removed from ' + contactsEn('.'),
  'bulk.confirm.addGovernorate': 'This governorate will be added to ' + contactsEn('.'),
  'bulk.confirm.setSensitivity': 'The sensitivity of ' + contactsEn(' will be set.'),
  'bulk.confirm.addToEvent': contactsEn(' will be added to the event’s list.'),
  'bulk.confirm.assignTask': 'A follow-up task will be created for each of ' + contactsEn('.'),
  'bulk.confirm.export': 'A file with ' + contactsEn(' will be exported.'),
  'bulk.confirm.moveToTrash': contactsEn(' will be moved to the trash; each can be restored while the trash keeps it.'),

  'bulk.tags.label': 'Tags',
  'bulk.tags.hint': 'Separate tags with commas.',
  'bulk.governorate.label': 'Governorate',
  'bulk.sensitivity.label': 'Sensitivity',
  'bulk.event.label': 'Event',
  'bulk.event.choose': 'Choose an event',
  'bulk.event.none': 'No upcoming events.',
  'bulk.event.skipExisting': 'Skip those already on the list',
  'bulk.event.allowOverCapacity': 'Add even past the event’s capacity',
  'bulk.event.allowOverQuota': 'Add even past a quota',
  'bulk.export.format': 'File format',
  'bulk.export.withDetails': 'With phones and emails',
  'bulk.task.title': 'What to do',
  'bulk.task.assignee': 'Who follows up',
  'bulk.task.chooseAssignee': 'Choose a colleague',
  'bulk.task.dueOn': 'Due',

  'bulk.preview': 'Preview',
  'bulk.preview.title': 'What will change',
  'bulk.preview.changed': '{changed, plural, =0 {No contact} one {One contact} other {# contacts}} of {count} will change.',
  'bulk.preview.sample': 'A sample of what will change',
  'bulk.preview.name': 'Name',
  'bulk.preview.before': 'Before',
  'bulk.preview.after': 'After',
  'bulk.preview.nothing': '—',
  'bulk.previewFirst': 'Preview first: more than {limit} contacts.',
  'bulk.apply': 'Apply to {n, plural, one {one contact} other {# contacts}}',
  'bulk.running': 'Working on {n, plural, one {one contact} other {# contacts}}…',

  'bulk.done.changed': '{changed, plural, =0 {No contact} one {One contact} other {# contacts}} of {count} changed.',
  'bulk.done.unchanged': '{n, plural, one {One was} other {# were}} already so.',
  'bulk.done.added': '{changed, plural, =0 {No contact} one {One contact} other {# contacts}} added to the event’s list.',
  'bulk.done.assigned': '{changed, plural, one {One follow-up task} other {# follow-up tasks}} created.',
  'bulk.done.trashed': '{changed, plural, one {One contact} other {# contacts}} moved to the trash.',
  'bulk.done.exported': 'Exported a file with ' + contactsEn('.'),

  'bulk.refused': 'Nothing was changed: you may not change {n, plural, one {one contact} other {# contacts}} of this selection.',
  'bulk.refused.restricted': '{name} (restricted: coordinators and administrators only)',
  'bulk.refused.hidden': '{n, plural, one {one contact you cannot see} other {# contacts you cannot see}}',
  'bulk.tooMany': 'This selection matches more than {max} contacts; narrow the filters down.',
  'bulk.tagsRequired': 'Type at least one tag.',
  'bulk.tooManyTags': 'Some contacts would carry more than {max} tags.',
};

/**
 * Sorani keeps the noun singular after a number. No zero case: «ھیچ» (none) needs a negative verb, and the words
 * joined after the count are positive, so 0 reads «0 لایەنی پەیوەندی».
 */
const contactsKu = (word: string) => `{n, plural, one {یەک لایەنی پەیوەندی} other {# لایەنی پەیوەندی}}${word}`;

export const bulkActionsKu: Record<keyof typeof bulkActionsAr, string> = {
  'bulk.label': 'کردارە بەکۆمەڵەکان',
  'bulk.allMatching':
    'ئەنجامدانی کردارێک لەسەر {n, plural, one {ئەو یەک لایەنەی پەیوەندی} other {ھەموو ئەو # لایەنەی پەیوەندی}} کە لەگەڵ فلتەرەکانی ئێستادا دەگونجێن',
  'bulk.selected': contactsKu(' دیاری کراوە'),

  'bulk.action.addTags': 'زیادکردنی تاگ',
  'bulk.action.removeTags': 'لابردنی تاگ',
  'bulk.action.addGovernorate': 'زیادکردنی پارێزگا',
  'bulk.action.setSensitivity': 'دیاریکردنی ھەستیاری',
  'bulk.action.addToEvent': 'زیادکردن بۆ چالاکی',
  'bulk.action.assignTask': 'سپاردنی بەدواداچوون',
  'bulk.action.export': 'ھەناردەکردن',
  'bulk.action.moveToTrash': 'گواستنەوە بۆ سەبەتەی سڕاوەکان',

  'bulk.confirm.addTags': 'ئەم تاگانە زیاد دەکرێن بۆ ' + contactsKu('.'),
  'bulk.confirm.removeTags': 'ئەم تاگانە لادەبرێن لە ' + contactsKu('.'),
  'bulk.confirm.addGovernorate': 'ئەم پارێزگایە زیاد دەکرێت بۆ ' + contactsKu('.'),
  'bulk.confirm.setSensitivity': 'ھەستیاریی ' + contactsKu(' دیاری دەکرێت.'),
  'bulk.confirm.addToEvent': contactsKu(' زیاد دەکرێت بۆ لیستی چالاکییەکە.'),
  'bulk.confirm.assignTask': 'ئەرکێکی بەدواداچوون دروست دەکرێت بۆ ھەر یەکێک لە ' + contactsKu('.'),
  'bulk.confirm.export': 'فایلێک ھەناردە دەکرێت کە ' + contactsKu('ی تێدایە.'),
  'bulk.confirm.moveToTrash': contactsKu(' دەگوازرێتەوە بۆ سەبەتەی سڕاوەکان، و ھەر یەکێکیان لە ماوەی ھەڵگرتندا دەتوانرێت بگەڕێنرێتەوە.'),

  'bulk.tags.label': 'تاگەکان',
  'bulk.tags.hint': 'تاگەکان بە کۆما لە یەک جیا بکەرەوە.',
  'bulk.governorate.label': 'پارێزگا',
  'bulk.sensitivity.label': 'ھەستیاری',
  'bulk.event.label': 'چالاکی',
  'bulk.event.choose': 'چالاکییەک ھەڵبژێرە',
  'bulk.event.none': 'ھیچ چالاکییەکی داھاتوو نییە.',
  'bulk.event.skipExisting': 'تێپەڕاندنی ئەوانەی پێشتر لە لیستەکەدان',
  'bulk.event.allowOverCapacity': 'زیادکردن تەنانەت ئەگەر لە توانای وەرگرتنی چالاکییەکە تێپەڕێت',
  'bulk.event.allowOverQuota': 'زیادکردن تەنانەت ئەگەر لە پشکێک تێپەڕێت',
  'bulk.export.format': 'فۆرماتی فایل',
  'bulk.export.withDetails': 'لەگەڵ تەلەفۆن و ئیمەیڵەکان',
  'bulk.task.title': 'چی پێویستە',
  'bulk.task.assignee': 'بەرپرسی بەدواداچوون',
  'bulk.task.chooseAssignee': 'ھاوکارێک ھەڵبژێرە',
  'bulk.task.dueOn': 'وادە',

  'bulk.preview': 'پێشبینین',
  'bulk.preview.title': 'چی دەگۆڕێت',
  'bulk.preview.changed':
    '{changed, plural, =0 {ھیچ لایەنێکی پەیوەندی لە {count} ناگۆڕێت} one {یەک لایەنی پەیوەندی لە {count} دەگۆڕێت} other {# لایەنی پەیوەندی لە {count} دەگۆڕێن}}.',
  'bulk.preview.sample': 'نموونەیەک لەوەی دەگۆڕێت',
  'bulk.preview.name': 'ناو',
  'bulk.preview.before': 'پێش',
  'bulk.preview.after': 'دوای',
  'bulk.preview.nothing': '—',
  'bulk.previewFirst': 'پێش پشتڕاستکردنەوە پێشبینینەکە پیشان بدە: زیاتر لە {limit} لایەنی پەیوەندی.',
  'bulk.apply': 'جێبەجێکردن لەسەر {n, plural, one {یەک لایەنی پەیوەندی} other {# لایەنی پەیوەندی}}',
  'bulk.running': 'جێبەجێ دەکرێت لەسەر {n, plural, one {یەک لایەنی پەیوەندی} other {# لایەنی پەیوەندی}}…',

  'bulk.done.changed':
    '{changed, plural, =0 {ھیچ لایەنێکی پەیوەندی لە {count} نەگۆڕا} one {یەک لایەنی پەیوەندی لە {count} گۆڕا} other {# لایەنی پەیوەندی لە {count} گۆڕان}}.',
  'bulk.done.unchanged': '{n, plural, one {یەکێکیش پێشتر ھەر وا بوو} other {# دانەش پێشتر ھەر وا بوون}}.',
  'bulk.done.added':
    '{changed, plural, =0 {ھیچ لایەنێکی پەیوەندی زیاد نەکرا بۆ لیستی چالاکییەکە} one {یەک لایەنی پەیوەندی زیاد کرا بۆ لیستی چالاکییەکە} other {# لایەنی پەیوەندی زیاد کران بۆ لیستی چالاکییەکە}}.',
  'bulk.done.trashed': '{changed, plural, one {یەک لایەنی پەیوەندی گوازرایەوە} other {# لایەنی پەیوەندی گوازرانەوە}} بۆ سەبەتەی سڕاوەکان.',
  'bulk.done.exported': 'فایلێک ھەناردە کرا کە ' + contactsKu('ی تێدایە.'),
  'bulk.done.assigned': '{changed, plural, one {یەک ئەرکی بەدواداچوون دروست کرا} other {# ئەرکی بەدواداچوون دروست کران}}.',

  'bulk.refused':
    'ھیچ نەگۆڕا: تۆ مافی دەستکاریکردنی {n, plural, one {یەک لایەنی پەیوەندی} other {# لایەنی پەیوەندی}}ت لەم دیاریکردنەدا نییە.',
  'bulk.refused.restricted': '{name} (سنووردار: تەنھا بۆ ڕێکخەران و بەڕێوەبەران)',
  'bulk.refused.hidden': '{n, plural, one {یەک لایەنی پەیوەندی کە ناتوانیت بیبینیت} other {# لایەنی پەیوەندی کە ناتوانیت بیانبینیت}}',
  'bulk.tooMany': 'ئەم دیاریکردنە لەگەڵ زیاتر لە {max} لایەنی پەیوەندیدا دەگونجێت؛ فلتەرەکان تەسکتر بکەرەوە.',
  'bulk.tagsRequired': 'بەلایەنی کەمەوە یەک تاگ بنووسە.',
  'bulk.tooManyTags': 'ھەندێک لە لایەنەکانی پەیوەندی زیاتر لە {max} تاگیان دەبێت.',
};
