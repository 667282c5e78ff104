import type { Db } from '../../db/database.js';

export interface LiveLinkRow {
  id: string;
  invitation_id: string;
  nonce: string;
  created_at: Date;
  first_opened_at: Date | null;
  last_opened_at: Date | null;
  open_count: number;
}

/** The live (not revoked) link of each of these invitations, where one exists. */
export async function liveLinks(db: Db, invitationIds: string[]): Promise<LiveLinkRow[]> {
  if (invitationIds.length === 0) return [];
  return db
    .selectFrom('invitation_link')
    .select(['id', 'invitation_id', 'nonce', 'created_at', 'first_opened_at', 'last_opened_at', 'open_count'])
    .where('invitation_id', 'in', invitationIds)
    .where('revoked_at', 'is', null)
    .execute();
}

export interface NewLink {
  id: string;
  invitation_id: string;
  nonce: string;
  token_hash: string;
  created_by: string;
}

export async function insertLinks(db: Db, rows: NewLink[]): Promise<LiveLinkRow[]> {
  if (rows.length === 0) return [];
  return db
    .insertInto('invitation_link')
    .values(rows)
    .returning(['id', 'invitation_id', 'nonce', 'created_at', 'first_opened_at', 'last_opened_at', 'open_count'])
    .execute();
}

/** Revokes the live links of these invitations; answers which invitations had one. */
export async function revokeLinks(db: Db, invitationIds: string[], userId: string | null): Promise<string[]> {
  if (invitationIds.length === 0) return [];
  const rows = await db
    .updateTable('invitation_link')
    .set({ revoked_at: new Date(), revoked_by: userId })
    .where('invitation_id', 'in', invitationIds)
    .where('revoked_at', 'is', null)
    .returning('invitation_id')
    .execute();
  return rows.map((r) => r.invitation_id);
}

export interface LinkByTokenRow {
  link_id: string;
  revoked_at: Date | null;
  invitation_id: string;
  event_id: string;
}

/** The link a token hash belongs to, revoked or not (a revoked link answers "no longer valid", not "unknown"). */
export async function findLinkByHash(db: Db, hash: string): Promise<LinkByTokenRow | undefined> {
  return db
    .selectFrom('invitation_link as l')
    .innerJoin('invitation as i', 'i.id', 'l.invitation_id')
    .select(['l.id as link_id', 'l.revoked_at', 'l.invitation_id', 'i.event_id'])
    .where('l.token_hash', '=', hash)
    .executeTakeFirst();
}

/** Counts an opening of the public page. */
export async function markOpened(db: Db, linkId: string): Promise<void> {
  const now = new Date();
  await db
    .updateTable('invitation_link')
    .set((eb) => ({
      first_opened_at: eb.fn.coalesce('first_opened_at', eb.val(now)),
      last_opened_at: now,
      open_count: eb('open_count', '+', 1),
    }))
    .where('id', '=', linkId)
    .execute();
}
