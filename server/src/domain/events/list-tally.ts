/**
 * The summary tiles of a list: every invitation is in exactly one state, so the tiles add up to the list's total.
 * Proposed people are not invited yet, and "invited" is only those still waiting to reply (the ones who replied
 * are counted under their reply).
 */
import { INVITATION_STATUSES, type InvitationStatus } from './vocabulary.js';

export interface ListTally {
  /** Everyone on the list, in any state (visible or not: the counts name no one). */
  total: number;
  /** One tile per state, in the order of the lifecycle; states nobody is in are left out, except the first four. */
  tiles: { status: InvitationStatus; n: number }[];
}

const ALWAYS_SHOWN: readonly InvitationStatus[] = ['proposed', 'invited', 'confirmed', 'declined'];

export function listTally(counts: Readonly<Record<InvitationStatus, number>>): ListTally {
  const tiles = INVITATION_STATUSES.map((status) => ({ status, n: counts[status] ?? 0 })).filter(
    (tile) => tile.n > 0 || ALWAYS_SHOWN.includes(tile.status),
  );
  return { total: INVITATION_STATUSES.reduce((sum, status) => sum + (counts[status] ?? 0), 0), tiles };
}
