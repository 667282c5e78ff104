/** Arabic, English and Sorani Kurdish names of the events vocabulary, for exports and printouts. */
import type { Language } from '../language.js';
import type { InvitationRole, InvitationStatus } from './vocabulary.js';

export type ExportLanguage = Language;

type Labels<K extends string> = Record<K, Record<Language, string>>;

/** The kinds' words come from the one vocabulary the web app and the contacts export use too. */
export { KIND_LABELS } from '../contact-labels.js';

export const ROLE_LABELS: Labels<InvitationRole> = {
  participant: { ar: 'مشارك', en: 'Participant', ku: 'بەشداربوو' },
  speaker: { ar: 'متحدث', en: 'Speaker', ku: 'قسەکەر' },
  facilitator: { ar: 'ميسّر', en: 'Facilitator', ku: 'ئاسانکار' },
  government_guest: { ar: 'ضيف حكومي', en: 'Government guest', ku: 'میوانی حکومی' },
  organiser: { ar: 'منظِّم', en: 'Organiser', ku: 'ڕێکخەر' },
};

export const STATUS_LABELS: Labels<InvitationStatus> = {
  proposed: { ar: 'مقترح', en: 'Proposed', ku: 'پێشنیارکراو' },
  invited: { ar: 'مدعو', en: 'Invited', ku: 'بانگهێشتکراو' },
  confirmed: { ar: 'مؤكد', en: 'Confirmed', ku: 'پشتڕاستکراوە' },
  declined: { ar: 'معتذر', en: 'Declined', ku: 'ڕەتیکردەوە' },
  attended: { ar: 'حضر', en: 'Attended', ku: 'ئامادەبوو' },
  no_show: { ar: 'لم يحضر', en: 'No-show', ku: 'ئامادە نەبوو' },
  cancelled: { ar: 'ملغى', en: 'Cancelled', ku: 'هەڵوەشێنرایەوە' },
};

export const EXPORT_HEADERS = {
  name: { ar: 'الاسم', en: 'Name', ku: 'ناو' },
  organisation: { ar: 'الجهة', en: 'Organisation', ku: 'لایەن' },
  governorate: { ar: 'المحافظة', en: 'Governorate', ku: 'پارێزگا' },
  kind: { ar: 'الصفة', en: 'Kind', ku: 'جۆر' },
  role: { ar: 'الدور', en: 'Role', ku: 'ڕۆڵ' },
  status: { ar: 'الحالة', en: 'Status', ku: 'دۆخ' },
  group: { ar: 'المجموعة', en: 'Group', ku: 'گرووپ' },
  phone: { ar: 'الهاتف', en: 'Phone', ku: 'تەلەفۆن' },
} as const;
