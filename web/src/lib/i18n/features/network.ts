/** The network page's drawing, table and unlinked list (issue 14, item 10). */
export const networkAr = {
  'network.graphLabel':
    'رسم الشبكة: {nodes, plural, zero {لا جهات} one {جهة واحدة} two {جهتان} few {# جهات} many {# جهة} other {# جهة}} و{edges, plural, zero {لا علاقات} one {علاقة واحدة} two {علاقتان} few {# علاقات} many {# علاقة} other {# علاقة}}',
  'network.nodeName':
    '{name}، {kind}، {n, plural, zero {بلا روابط} one {رابط واحد} two {رابطان} few {# روابط} many {# رابطًا} other {# رابط}}',
  'network.zoomIn': 'تكبير',
  'network.zoomOut': 'تصغير',
  'network.zoomReset': 'إعادة الرسم إلى حجمه',
  'network.keysHint':
    'اسحب للتحريك، واستخدم العجلة أو القرص بإصبعين للتكبير. من لوحة المفاتيح: + و− للتكبير والتصغير، والأسهم للتحريك، و0 للإعادة، وTab للتنقل بين الجهات وEnter لفتح الجهة. تظهر أسماء أكثر عند التكبير.',
  'network.view': 'طريقة العرض',
  'network.view.graph': 'رسم',
  'network.view.table': 'جدول',
  'network.unlinked': 'بلا روابط ({n})',
  'network.unlinkedHint': 'جهات في هذه الشبكة بلا أي علاقة، فلا تُرسم.',
  'network.noLinked': 'لا توجد علاقات بين هذه الجهات لرسمها.',
  'network.table.caption': 'جهات الشبكة وروابطها',
  'network.table.name': 'الاسم',
  'network.table.kind': 'النوع',
  'network.table.governorates': 'المحافظات',
  'network.table.count': 'عدد الروابط',
  'network.table.links': 'الروابط',
  'network.table.sortBy': 'ترتيب حسب {column}',
  'network.table.none': 'بلا روابط',
};

export const networkEn: Record<keyof typeof networkAr, string> = {
  'network.graphLabel':
    'Network drawing: {nodes, plural, one {# contact} other {# contacts}} and {edges, plural, one {# relationship} other {# relationships}}',
  'network.nodeName': '{name}, {kind}, {n, plural, =0 {no links} one {# link} other {# links}}',
  'network.zoomIn': 'Zoom in',
  'network.zoomOut': 'Zoom out',
  'network.zoomReset': 'Reset the view',
  'network.keysHint':
    'Drag to move, use the wheel or pinch to zoom. Keys: + and − zoom, arrows move, 0 resets, Tab moves between contacts and Enter opens one. More names show as you zoom in.',
  'network.view': 'View',
  'network.view.graph': 'Drawing',
  'network.view.table': 'Table',
  'network.unlinked': 'Without links ({n})',
  'network.unlinkedHint': 'Contacts in this network with no relationship, so not drawn.',
  'network.noLinked': 'There are no relationships among these contacts to draw.',
  'network.table.caption': 'The network’s contacts and their links',
  'network.table.name': 'Name',
  'network.table.kind': 'Kind',
  'network.table.governorates': 'Governorates',
  'network.table.count': 'Links',
  'network.table.links': 'Relationships',
  'network.table.sortBy': 'Sort by {column}',
  'network.table.none': 'No links',
};

export const networkKu: Record<keyof typeof networkAr, string> = {
  'network.graphLabel':
    'ھێڵکاریی تۆڕەکە: {nodes, plural, =0 {ھیچ لایەنێک} one {یەک لایەن} other {# لایەن}} و {edges, plural, =0 {ھیچ پەیوەندییەک} one {یەک پەیوەندی} other {# پەیوەندی}}',
  'network.nodeName': '{name}، {kind}، {n, plural, =0 {بێ بەستەر} one {یەک بەستەر} other {# بەستەر}}',
  'network.zoomIn': 'گەورەکردن',
  'network.zoomOut': 'بچووککردنەوە',
  'network.zoomReset': 'گەڕاندنەوەی ھێڵکارییەکە بۆ قەبارەی خۆی',
  'network.keysHint':
    'ڕایبکێشە بۆ جووڵاندن، و ویلی ماوس یان دوو پەنجە بەکاربھێنە بۆ گەورەکردن. لە تەختەکلیلەوە: + و − بۆ گەورەکردن و بچووککردنەوە، تیرەکان بۆ جووڵاندن، 0 بۆ گەڕاندنەوە، Tab بۆ چوون لە نێوان لایەنەکاندا و Enter بۆ کردنەوەی لایەنەکە. بە گەورەکردن ناوی زیاتر دەردەکەون.',
  'network.view': 'شێوازی پیشاندان',
  'network.view.graph': 'ھێڵکاری',
  'network.view.table': 'خشتە',
  'network.unlinked': 'بێ بەستەر ({n})',
  'network.unlinkedHint': 'لایەنەکانی ئەم تۆڕە کە ھیچ پەیوەندییەکیان نییە، بۆیە ناکێشرێن.',
  'network.noLinked': 'ھیچ پەیوەندییەک لە نێوان ئەم لایەنانەدا نییە بۆ کێشان.',
  'network.table.caption': 'لایەنەکانی تۆڕەکە و بەستەرەکانیان',
  'network.table.name': 'ناو',
  'network.table.kind': 'جۆر',
  'network.table.governorates': 'پارێزگاکان',
  'network.table.count': 'ژمارەی بەستەرەکان',
  'network.table.links': 'بەستەرەکان',
  'network.table.sortBy': 'ڕیزکردن بەپێی {column}',
  'network.table.none': 'بێ بەستەر',
};
