/**
 * The words for the directory's vocabulary, Arabic, English and Sorani Kurdish: one source for the web app's labels,
 * every export and every printout, so a kind is called the same everywhere ("نقطة اتصال حكومية", never a second word
 * for it). Pure: shared by the server and the web app.
 */
import type { ContactKind, Gender, OrganizationSubtype, Sensitivity } from './contact-kinds.js';
import type { Language } from './language.js';

export type LabelLanguage = Language;
export type Labels<K extends string> = Readonly<Record<K, Readonly<Record<LabelLanguage, string>>>>;

export const KIND_LABELS: Labels<ContactKind> = {
  activist: { ar: 'ناشط/ة', en: 'Activist', ku: 'چالاکوان' },
  volunteer_team: { ar: 'فريق تطوعي', en: 'Volunteer team', ku: 'تیمی خۆبەخش' },
  organization: { ar: 'منظمة', en: 'Organisation', ku: 'ڕێکخراو' },
  government_focal_point: { ar: 'نقطة اتصال حكومية', en: 'Government focal point', ku: 'خاڵی پەیوەندیی حکومی' },
};

export const SUBTYPE_LABELS: Labels<OrganizationSubtype> = {
  local_ngo: { ar: 'منظمة محلية', en: 'Local NGO', ku: 'ڕێکخراوی ناوخۆیی' },
  international_ngo: { ar: 'منظمة دولية', en: 'International NGO', ku: 'ڕێکخراوی نێودەوڵەتی' },
  government_body: { ar: 'جهة حكومية', en: 'Government body', ku: 'دەزگای حکومی' },
  donor: { ar: 'جهة مانحة', en: 'Donor', ku: 'لایەنی بەخشەر' },
  media: { ar: 'وسيلة إعلام', en: 'Media', ku: 'دەزگای ڕاگەیاندن' },
  other: { ar: 'أخرى', en: 'Other', ku: 'هیتر' },
};

export const GENDER_LABELS: Labels<Gender> = {
  female: { ar: 'أنثى', en: 'Female', ku: 'مێ' },
  male: { ar: 'ذكر', en: 'Male', ku: 'نێر' },
};

export const SENSITIVITY_LABELS: Labels<Sensitivity> = {
  normal: { ar: 'عادية', en: 'Normal', ku: 'ئاسایی' },
  restricted: { ar: 'مقيّدة', en: 'Restricted', ku: 'سنووردار' },
};
