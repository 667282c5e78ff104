import { resolveGovernorate } from '../governorate-aliases.js';
import {
  CONTACT_KINDS,
  GENDERS,
  ORGANIZATION_SUBTYPES,
  type ContactKind,
  type Gender,
  type OrganizationSubtype,
} from '../contact-kinds.js';
import { GENDER_LABELS, KIND_LABELS, SUBTYPE_LABELS, type Labels } from '../contact-labels.js';
import { normalizePhone } from '../phone.js';
import { searchKey } from '../search/search-key.js';

/** Cells list several values with commas (Latin or Arabic), semicolons, slashes, pipes or line breaks. */
export function splitList(text: string): string[] {
  return text
    .split(/[,;|/\n\r\u060C\u061B]+/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** A governorate code from any name people write for it (see governorate-aliases.ts), or a code. */
export const parseGovernorate = (text: string): string | null => resolveGovernorate(text);

export function parseGovernorates(text: string): { codes: string[]; unknown: string[] } {
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const part of splitList(text)) {
    const code = parseGovernorate(part);
    if (code) {
      if (!codes.includes(code)) codes.push(code);
    } else unknown.push(part);
  }
  return { codes, unknown };
}

/** The words a cell may hold for each value: its code, the shared labels (so an export reads back in), other words. */
function table<T extends string>(values: readonly T[], labels: Labels<T>, words: Record<T, string[]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const value of values) {
    for (const word of [value, value.replace(/_/g, ' '), labels[value].ar, labels[value].en, ...words[value]])
      map.set(searchKey(word), value);
  }
  return map;
}

const KINDS = table<ContactKind>(CONTACT_KINDS, KIND_LABELS, {
  activist: ['ناشط', 'ناشطة', 'ناشط مدني', 'ناشطة مدنية', 'person', 'individual', 'فرد', 'شخص'],
  volunteer_team: ['team', 'volunteer team', 'volunteers', 'فريق', 'فريق تطوعي', 'فريق شبابي', 'مجموعة تطوعية'],
  organization: ['organisation', 'org', 'ngo', 'منظمة', 'مؤسسة', 'جهة', 'منظمة مجتمع مدني', 'دائرة', 'جهة حكومية'],
  government_focal_point: [
    'focal point',
    'government',
    'government contact',
    'ضابط ارتباط',
    'نقطة اتصال',
    'نقطة اتصال حكومية',
    'موظف حكومي',
    'حكومي',
  ],
});
const SUBTYPES = table<OrganizationSubtype>(ORGANIZATION_SUBTYPES, SUBTYPE_LABELS, {
  local_ngo: ['local', 'ngo', 'local organization', 'منظمة محلية', 'محلية', 'منظمة مجتمع مدني'],
  international_ngo: ['international', 'ingo', 'international organization', 'منظمة دولية', 'دولية'],
  government_body: ['government', 'governmental', 'جهة حكومية', 'حكومية', 'دائرة حكومية', 'مؤسسة حكومية'],
  donor: ['funder', 'مانح', 'جهة مانحة', 'ممول'],
  media: ['press', 'اعلام', 'إعلام', 'وسيلة اعلام', 'اعلامية'],
  other: ['اخرى', 'أخرى', 'غير ذلك'],
});
const GENDER_WORDS = table<Gender>(GENDERS, GENDER_LABELS, {
  female: ['f', 'woman', 'women', 'انثى', 'أنثى', 'امراة', 'امرأة', 'نساء'],
  male: ['m', 'man', 'men', 'ذكر', 'رجل', 'رجال'],
});

export const parseKind = (text: string): ContactKind | null => KINDS.get(searchKey(text)) ?? null;
export const parseSubtype = (text: string): OrganizationSubtype | null => SUBTYPES.get(searchKey(text)) ?? null;
export const parseGender = (text: string): Gender | null => GENDER_WORDS.get(searchKey(text)) ?? null;

export function parsePhones(text: string): { phones: string[]; invalid: string[] } {
  const phones: string[] = [];
  const invalid: string[] = [];
  for (const part of splitList(text)) {
    const result = normalizePhone(part);
    if (result.ok) {
      if (!phones.includes(result.e164)) phones.push(result.e164);
    } else invalid.push(part);
  }
  return { phones, invalid };
}

// Deliberately loose (the JSON schema's email format is the strict check on the API): one @, a dot in the domain.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function parseEmails(text: string): { emails: string[]; invalid: string[] } {
  const emails: string[] = [];
  const invalid: string[] = [];
  for (const part of text.split(/[\s,;|\u060C\u061B]+/).filter(Boolean)) {
    const email = part.replace(/^mailto:/i, '').toLowerCase();
    if (EMAIL.test(email) && email.length <= 254) {
      if (!emails.includes(email)) emails.push(email);
    } else invalid.push(part);
  }
  return { emails, invalid };
}
