/**
 * The words for the directory's vocabulary, Arabic and English: one source for the web app's labels, every export
 * and every printout, so a kind is called the same everywhere ("نقطة اتصال حكومية", never a second word for it).
 * Pure: shared by the server and the web app.
 */
import type { ContactKind, Gender, OrganizationSubtype, Sensitivity } from './contact-kinds.js';

export type LabelLanguage = 'ar' | 'en';
export type Labels<K extends string> = Readonly<Record<K, Readonly<Record<LabelLanguage, string>>>>;

export const KIND_LABELS: Labels<ContactKind> = {
  activist: { ar: 'ناشط/ة', en: 'Activist' },
  volunteer_team: { ar: 'فريق تطوعي', en: 'Volunteer team' },
  organization: { ar: 'منظمة', en: 'Organisation' },
  government_focal_point: { ar: 'نقطة اتصال حكومية', en: 'Government focal point' },
};

export const SUBTYPE_LABELS: Labels<OrganizationSubtype> = {
  local_ngo: { ar: 'منظمة محلية', en: 'Local NGO' },
  international_ngo: { ar: 'منظمة دولية', en: 'International NGO' },
  government_body: { ar: 'جهة حكومية', en: 'Government body' },
  donor: { ar: 'جهة مانحة', en: 'Donor' },
  media: { ar: 'وسيلة إعلام', en: 'Media' },
  other: { ar: 'أخرى', en: 'Other' },
};

export const GENDER_LABELS: Labels<Gender> = {
  female: { ar: 'أنثى', en: 'Female' },
  male: { ar: 'ذكر', en: 'Male' },
};

export const SENSITIVITY_LABELS: Labels<Sensitivity> = {
  normal: { ar: 'عادية', en: 'Normal' },
  restricted: { ar: 'مقيّدة', en: 'Restricted' },
};
