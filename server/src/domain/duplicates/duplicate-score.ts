import { searchKey } from '../search/search-key.js';
import { skeleton } from '../search/skeleton.js';
import { nameMatchScore, prepareQuery } from '../search/name-match.js';

export const DUPLICATE_REASON_CODES = [
  'same_phone',
  'same_email',
  'same_name_key',
  'same_skeleton_same_governorate',
  'similar_name',
] as const;
export type DuplicateReasonCode = (typeof DUPLICATE_REASON_CODES)[number];

export interface DuplicateReason {
  code: DuplicateReasonCode;
  /** 0..1, for similar_name. */
  similarity?: number;
}

/**
 * How much each reason alone says "same contact". A shared phone or email is nearly proof (families share phones);
 * the same name by search key is strong but common names repeat; a skeleton match needs the governorate as well.
 */
const WEIGHTS: Record<Exclude<DuplicateReasonCode, 'similar_name'>, number> = {
  same_phone: 0.9,
  same_email: 0.9,
  same_name_key: 0.7,
  same_skeleton_same_governorate: 0.5,
};
const SIMILAR_NAME_WEIGHT = 0.6;
/** Below this word-by-word similarity two names are not called similar. */
export const SIMILAR_NAME_THRESHOLD = 0.75;
/** An organisation and a person with the same name are less likely one record. */
const OTHER_KIND_FACTOR = 0.8;

const weight = (r: DuplicateReason) => (r.code === 'similar_name' ? SIMILAR_NAME_WEIGHT * (r.similarity ?? 0) : WEIGHTS[r.code]);

/** 1 − Π(1 − wᵢ): independent pieces of evidence, each raising the score without ever reaching 1. */
export function duplicateScore(reasons: readonly DuplicateReason[], sameKind = true): number {
  const miss = reasons.reduce((product, r) => product * (1 - weight(r)), 1);
  const score = (1 - miss) * (sameKind ? 1 : OTHER_KIND_FACTOR);
  return Math.round(score * 1000) / 1000;
}

/** The stored whole-name key: spelling variants of one name (إيناس عبدالمحسن, ايناس عبد المحسن) share it. */
export const nameKey = (name: string) => searchKey(name);

/** The consonant skeleton of the whole name: near-letter confusions (ت/ط, س/ص, ذ/ز) share it. */
export const nameSkeleton = (name: string) => skeleton(name);

/** Word-by-word similarity of two names, both ways (every word of each must find its match in the other). */
export function nameSimilarity(a: string, b: string): number {
  const wordsA = prepareQuery(`${a} `).words.length;
  const wordsB = prepareQuery(`${b} `).words.length;
  if (wordsA === 0 || wordsB === 0) return 0;
  return Math.min(nameMatchScore(`${a} `, b) / wordsA, nameMatchScore(`${b} `, a) / wordsB, 1);
}

export interface NamedContact {
  name: string;
  nameLatin?: string | null;
  governorates: readonly string[];
}

/** The name evidence between two contacts: the strongest one of the three name reasons, or none. */
export function nameReasons(a: NamedContact, b: NamedContact): DuplicateReason[] {
  const keyA = nameKey(a.name);
  if (keyA !== '' && keyA === nameKey(b.name)) return [{ code: 'same_name_key' }];
  const latinA = a.nameLatin ? nameKey(a.nameLatin) : '';
  if (latinA !== '' && b.nameLatin && latinA === nameKey(b.nameLatin)) return [{ code: 'same_name_key' }];
  const shareGovernorate = a.governorates.some((g) => b.governorates.includes(g));
  const skeletonA = nameSkeleton(a.name);
  if (shareGovernorate && skeletonA !== '' && skeletonA === nameSkeleton(b.name)) {
    return [{ code: 'same_skeleton_same_governorate' }];
  }
  const similarity = nameSimilarity(a.name, b.name);
  return similarity >= SIMILAR_NAME_THRESHOLD ? [{ code: 'similar_name', similarity: Math.round(similarity * 100) / 100 }] : [];
}

/** Every reason two contacts may be one: shared phones and emails, then the name evidence. */
export function duplicateReasons(
  a: NamedContact & { phones: readonly string[]; emails: readonly string[] },
  b: NamedContact & { phones: readonly string[]; emails: readonly string[] },
): DuplicateReason[] {
  const reasons: DuplicateReason[] = [];
  if (a.phones.some((p) => b.phones.includes(p))) reasons.push({ code: 'same_phone' });
  if (a.emails.some((e) => b.emails.includes(e))) reasons.push({ code: 'same_email' });
  return [...reasons, ...nameReasons(a, b)];
}
