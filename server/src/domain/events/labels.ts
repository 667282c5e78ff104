/** Arabic and English names of the events vocabulary, for exports and printouts. */
import type { InvitationRole, InvitationStatus } from './vocabulary.js';

export type ExportLanguage = 'ar' | 'en';

type Labels<K extends string> = Record<K, { ar: string; en: string }>;

/** The kinds' words come from the one vocabulary the web app and the contacts export use too. */
export { KIND_LABELS } from '../contact-labels.js';

export const ROLE_LABELS: Labels<InvitationRole> = {
  participant: { ar: 'مشارك', en: 'Participant' },
  speaker: { ar: 'متحدث', en: 'Speaker' },
  facilitator: { ar: 'ميسّر', en: 'Facilitator' },
  government_guest: { ar: 'ضيف حكومي', en: 'Government guest' },
  organiser: { ar: 'منظِّم', en: 'Organiser' },
};

export const STATUS_LABELS: Labels<InvitationStatus> = {
  proposed: { ar: 'مقترح', en: 'Proposed' },
  invited: { ar: 'مدعو', en: 'Invited' },
  confirmed: { ar: 'مؤكد', en: 'Confirmed' },
  declined: { ar: 'معتذر', en: 'Declined' },
  attended: { ar: 'حضر', en: 'Attended' },
  no_show: { ar: 'لم يحضر', en: 'No-show' },
  cancelled: { ar: 'ملغى', en: 'Cancelled' },
};

export const EXPORT_HEADERS = {
  name: { ar: 'الاسم', en: 'Name' },
  organisation: { ar: 'الجهة', en: 'Organisation' },
  governorate: { ar: 'المحافظة', en: 'Governorate' },
  kind: { ar: 'الصفة', en: 'Kind' },
  role: { ar: 'الدور', en: 'Role' },
  status: { ar: 'الحالة', en: 'Status' },
  group: { ar: 'المجموعة', en: 'Group' },
  phone: { ar: 'الهاتف', en: 'Phone' },
} as const;
