import type { DuplicateReason } from '../../domain/duplicates/duplicate-score.js';
import type { HiddenMatchesDto } from './duplicates.schemas.js';

/**
 * A match on a restricted contact's phone or email tells whoever asked that the number belongs to that contact, which
 * is exactly what the restriction withholds. For roles that may not see restricted details such a match is never shown
 * as the contact: its phone and email reasons are dropped (the contact may still appear by its name, which every role
 * sees, when the name alone would have found it), and the response only counts the matches it withheld, so a
 * coordinator can check them.
 *
 * The count never depends on the name typed and the name matches never depend on the phones typed: comparing two
 * checks that differ in one of them tells nothing about which contact holds the number.
 */
export const HIDDEN_MATCH_REASON = 'restricted_contact_details';
export const HIDDEN_MATCH_MESSAGE = 'A possible duplicate exists that you cannot see; a coordinator can check it';

const DETAIL_REASONS: ReadonlySet<string> = new Set(['same_phone', 'same_email']);

export const isDetailReason = (reason: DuplicateReason) => DETAIL_REASONS.has(reason.code);

export const withoutDetailReasons = (reasons: DuplicateReason[]) => reasons.filter((r) => !isDetailReason(r));

/** The notice for `count` withheld matches, or null when none was withheld. */
export function hiddenMatches(count: number): HiddenMatchesDto | null {
  return count > 0 ? { count, reason: HIDDEN_MATCH_REASON, message: HIDDEN_MATCH_MESSAGE } : null;
}
