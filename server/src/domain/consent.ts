/*
 * Structured consent (issue 12): each person has consent records, append-only. A record gives or withdraws consent
 * for the scopes it names; a withdrawal is a new record, never an edit. Pure, so the server and the web app (the
 * contact page's consent card) read the current state with the same rule.
 */

export const CONSENT_BASES = ['spoken', 'written', 'online_form'] as const;
export type ConsentBasis = (typeof CONSENT_BASES)[number];

export const CONSENT_SCOPES = ['phone', 'whatsapp', 'email', 'photos', 'partner_sharing'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

export const CONSENT_KINDS = ['given', 'withdrawn'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

/** What an attached scan may be; the server recognises it by its first bytes, not by its name. */
export const CONSENT_FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type ConsentFileType = (typeof CONSENT_FILE_TYPES)[number];
export const MAX_CONSENT_FILE_BYTES = 5 * 1024 * 1024;

export type ConsentAnswer = 'yes' | 'no' | 'unknown';

export interface ConsentFact {
  id: string;
  kind: ConsentKind;
  basis: ConsentBasis;
  scopes: readonly ConsentScope[];
  /** YYYY-MM-DD: the day the person gave or withdrew consent. */
  recordedOn: string;
  /** ISO time the record was entered; breaks ties between records of the same day. */
  createdAt: string;
}

export interface ScopeState {
  answer: ConsentAnswer;
  /** The record that decided it; null while unknown. */
  recordId: string | null;
  recordedOn: string | null;
  basis: ConsentBasis | null;
}

const newestFirst = (a: ConsentFact, b: ConsentFact) => b.recordedOn.localeCompare(a.recordedOn) || b.createdAt.localeCompare(a.createdAt);

/**
 * Per scope: yes or no from the newest record that names the scope (by the day it was given, then by when it was
 * entered, so a withdrawal entered later on the same day wins); unknown when no record names it.
 */
export function currentConsent(records: readonly ConsentFact[]): Record<ConsentScope, ScopeState> {
  const sorted = [...records].sort(newestFirst);
  const state = {} as Record<ConsentScope, ScopeState>;
  for (const scope of CONSENT_SCOPES) {
    const decisive = sorted.find((r) => r.scopes.includes(scope));
    state[scope] = decisive
      ? { answer: decisive.kind === 'given' ? 'yes' : 'no', recordId: decisive.id, recordedOn: decisive.recordedOn, basis: decisive.basis }
      : { answer: 'unknown', recordId: null, recordedOn: null, basis: null };
  }
  return state;
}

/** Outreach on a channel goes ahead unless the person's current answer for it is no (unknown keeps today's behaviour). */
export const refusesScope = (records: readonly ConsentFact[], scope: ConsentScope) => currentConsent(records)[scope].answer === 'no';

/** The file's type from its magic bytes: %PDF-, JPEG's FF D8 FF, PNG's 8-byte signature; null for anything else. */
export function sniffConsentFileType(bytes: Uint8Array): ConsentFileType | null {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return null;
}
