/**
 * Which sign-in sheets to print and who is on each (issue 14, item 9). Pure: the print page uses it through
 * `$domain/events/sign-in-sheets`.
 *
 * - Only people expected in the room sign: status confirmed or attended (not proposed, invited, declined …).
 * - Government guests and speakers sign on a sheet of their own, and so do facilitators who are in no group.
 * - Participants (and facilitators in a group) sign on their group's sheet, in the groups' order. Confirmed
 *   participants in no group get a sheet of their own, only when there are some; with no groups at all it is the
 *   one sheet, without a group name.
 * - Organisers (the organisation's own team) do not sign.
 */
import type { InvitationRole, InvitationStatus } from './vocabulary.js';

export const SIGNING_STATUSES: readonly InvitationStatus[] = ['confirmed', 'attended'];
export const GUEST_ROLES: readonly InvitationRole[] = ['government_guest', 'speaker'];

export interface SheetPerson {
  status: InvitationStatus;
  role: InvitationRole;
  groupId: string | null;
  /** Who signs (the representative of an organisation), for the row order. */
  name: string;
}

export type SheetKind = 'group' | 'unassigned' | 'guests';

export interface SignInSheet<G, P> {
  /** The group id, 'none' (no group) or 'guests': the print page's `?group=` value. */
  key: string;
  kind: SheetKind;
  group: G | null;
  rows: P[];
}

const byName = <P extends SheetPerson>(a: P, b: P) => a.name.localeCompare(b.name, 'ar');

export function signInSheets<G extends { id: string }, P extends SheetPerson>(
  groups: readonly G[],
  people: readonly P[],
): SignInSheet<G, P>[] {
  const known = new Set(groups.map((g) => g.id));
  const signing = people.filter((p) => SIGNING_STATUSES.includes(p.status) && p.role !== 'organiser');
  const inGroup = (p: P) => p.groupId !== null && known.has(p.groupId);
  const isGuest = (p: P) => GUEST_ROLES.includes(p.role) || (p.role === 'facilitator' && !inGroup(p));
  const seated = signing.filter((p) => !isGuest(p));
  const sheets: SignInSheet<G, P>[] = groups.map((g) => ({
    key: g.id,
    kind: 'group',
    group: g,
    rows: seated.filter((p) => p.groupId === g.id).sort(byName),
  }));
  const loose = seated.filter((p) => !inGroup(p)).sort(byName);
  if (loose.length > 0 || groups.length === 0) sheets.push({ key: 'none', kind: 'unassigned', group: null, rows: loose });
  const guests = signing.filter(isGuest).sort(byName);
  if (guests.length > 0) sheets.push({ key: 'guests', kind: 'guests', group: null, rows: guests });
  return sheets;
}
