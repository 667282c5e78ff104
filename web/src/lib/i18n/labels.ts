import { formatDateTime as formatInstant } from '$domain/format/display-format';
import { CONTACT_KINDS, type ContactKind, type Gender, type OrganizationSubtype, type Sensitivity } from '$domain/contact-kinds';
import { GENDER_LABELS, KIND_LABELS, SENSITIVITY_LABELS, SUBTYPE_LABELS } from '$domain/contact-labels';
import { formatList } from '$domain/format/list-format';
import { GOVERNORATES, findGovernorate, governorateNameIn } from '$domain/governorates';
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

/** A governorate's name in the current language (its Kurdish name in Kurdish); an unknown code as it is. */
export function governorateName(code: string): string {
  const governorate = findGovernorate(code);
  return governorate ? governorateNameIn(governorate, i18n.language) : code;
}

/** All governorates, alphabetical in the current language, for filters and checkbox lists. */
export function governoratesByName(): { code: string; name: string }[] {
  return GOVERNORATES.map((g) => ({ code: g.code, name: governorateNameIn(g, i18n.language) })).sort((a, b) =>
    a.name.localeCompare(b.name, i18n.tag),
  );
}

/** "Baghdad, Basrah" / "بغداد، البصرة" / "بەغدا، بەسرە", with the separators of the current language. */
export function governorateList(codes: string[]): string {
  return formatList(codes.map(governorateName), i18n.language, 'unit');
}

export const formatDateTime = (iso: string) => formatInstant(iso, i18n.style);
