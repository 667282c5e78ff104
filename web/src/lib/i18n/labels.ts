import { formatDateTime as formatInstant } from '$domain/format/display-format';
import { CONTACT_KINDS, type ContactKind, type Gender, type OrganizationSubtype, type Sensitivity } from '$domain/contact-kinds';
import { GENDER_LABELS, KIND_LABELS, SENSITIVITY_LABELS, SUBTYPE_LABELS } from '$domain/contact-labels';
import { GOVERNORATES, findGovernorate, type Governorate } from '$domain/governorates';
import type { Role } from '$domain/roles';
import { i18n, t } from './i18n.svelte';

// The directory's vocabulary comes from the shared domain module, the same words the exports and printouts use.
export const kindLabel = (kind: ContactKind) => KIND_LABELS[kind][i18n.language];
/** For a kind the API types as a plain string (an event's person reference): an unknown value is shown as it is. */
export const kindLabelOf = (kind: string) => (isContactKind(kind) ? kindLabel(kind) : kind);
/** Narrows a kind the API types as a plain string (person references, contact briefs). */
export function isContactKind(kind: string): kind is ContactKind {
  return (CONTACT_KINDS as readonly string[]).includes(kind);
}
export const subtypeLabel = (subtype: OrganizationSubtype) => SUBTYPE_LABELS[subtype][i18n.language];
export const sensitivityLabel = (sensitivity: Sensitivity) => SENSITIVITY_LABELS[sensitivity][i18n.language];
export const genderLabel = (gender: Gender) => GENDER_LABELS[gender][i18n.language];
export const roleLabel = (role: Role) => t(`role.${role}`);

function localName(governorate: Governorate): string {
  return i18n.language === 'ar' ? governorate.nameAr : governorate.nameEn;
}

function governorateName(code: string): string {
  const governorate = findGovernorate(code);
  return governorate ? localName(governorate) : code;
}

/** All governorates, alphabetical in the current language, for filters and checkbox lists. */
export function governoratesByName(): { code: string; name: string }[] {
  return GOVERNORATES.map((g) => ({ code: g.code, name: localName(g) })).sort((a, b) => a.name.localeCompare(b.name, i18n.language));
}

/** "Baghdad, Basrah" / "بغداد، البصرة", with the separators of the current language. */
export function governorateList(codes: string[]): string {
  return new Intl.ListFormat(i18n.language, { type: 'unit', style: 'short' }).format(codes.map(governorateName));
}

export const formatDateTime = (iso: string) => formatInstant(iso, i18n.style);
