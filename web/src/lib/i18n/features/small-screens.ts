/** Phones and small screens (issue 13, item 6): the menu button and a contact's one-tap actions. */
export const smallScreensAr = {
  'nav.menu': 'القائمة',
  'nav.menuClose': 'إغلاق القائمة',
  'contact.quick.title': 'تواصل سريع',
  'contact.quick.call': 'اتصال',
  'contact.quick.whatsapp': 'واتساب',
  'contact.quick.email': 'بريد',
  'contact.quick.callLabel': 'اتصال بـ {name} على {phone}',
  'contact.quick.whatsappLabel': 'مراسلة {name} على واتساب',
  'contact.quick.emailLabel': 'مراسلة {name} على {email}',
  'contact.currentPosition': 'المنصب الحالي',
  'contact.positionAt': 'في',
};

export const smallScreensEn: Record<keyof typeof smallScreensAr, string> = {
  'nav.menu': 'Menu',
  'nav.menuClose': 'Close menu',
  'contact.quick.title': 'Quick contact',
  'contact.quick.call': 'Call',
  'contact.quick.whatsapp': 'WhatsApp',
  'contact.quick.email': 'Email',
  'contact.quick.callLabel': 'Call {name} on {phone}',
  'contact.quick.whatsappLabel': 'Message {name} on WhatsApp',
  'contact.quick.emailLabel': 'Email {name} at {email}',
  'contact.currentPosition': 'Current position',
  'contact.positionAt': 'at',
};

export const smallScreensKu: Record<keyof typeof smallScreensAr, string> = {
  'nav.menu': 'مێنۆ',
  'nav.menuClose': 'داخستنی مێنۆ',
  'contact.quick.title': 'پەیوەندیی خێرا',
  'contact.quick.call': 'پەیوەندیکردن',
  'contact.quick.whatsapp': 'واتساپ',
  'contact.quick.email': 'ئیمەیڵ',
  'contact.quick.callLabel': 'پەیوەندیکردن بە {name} لەسەر {phone}',
  'contact.quick.whatsappLabel': 'نامەناردن بۆ {name} لە واتساپ',
  'contact.quick.emailLabel': 'ئیمەیڵناردن بۆ {name} لەسەر {email}',
  'contact.currentPosition': 'پۆستی ئێستا',
  'contact.positionAt': 'لە',
};
