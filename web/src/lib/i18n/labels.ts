import type { ContactKind, Gender, OrganizationSubtype, Sensitivity } from '$domain/contact-kinds';
import { GOVERNORATES, findGovernorate, type Governorate } from '$domain/governorates';
import type { Role } from '$domain/roles';
import { i18n, t } from './i18n.svelte';

export const kindLabel = (kind: ContactKind) => t(`kind.${kind}`);
export const subtypeLabel = (subtype: OrganizationSubtype) => t(`subtype.${subtype}`);
export const sensitivityLabel = (sensitivity: Sensitivity) => t(`sensitivity.${sensitivity}`);
export const genderLabel = (gender: Gender) => t(`gender.${gender}`);
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
	return GOVERNORATES.map((g) => ({ code: g.code, name: localName(g) })).sort((a, b) =>
		a.name.localeCompare(b.name, i18n.language)
	);
}

/** "Baghdad, Basrah" / "بغداد، البصرة", with the separators of the current language. */
export function governorateList(codes: string[]): string {
	return new Intl.ListFormat(i18n.language, { type: 'unit', style: 'short' }).format(codes.map(governorateName));
}

export function formatDateTime(iso: string): string {
	const locale = i18n.language === 'ar' ? 'ar-IQ' : 'en-GB';
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
