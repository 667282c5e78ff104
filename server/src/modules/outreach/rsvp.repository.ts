import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { InvitationStatus } from '../../domain/events/vocabulary.js';
import type { Language } from '../../domain/language.js';

/** The name of whoever attends: the representative when one is set, else the invited contact. Nothing else of them. */
export async function attendeeName(db: Db, invitationId: string): Promise<string> {
  const row = await db
    .selectFrom('invitation as i')
    .innerJoin('contact as c', 'c.id', 'i.attendee_id')
    .select('c.name')
    .where('i.id', '=', invitationId)
    .executeTakeFirstOrThrow();
  return row.name;
}

export async function governorateName(db: Db, code: string): Promise<Record<Language, string> | undefined> {
  const row = await db.selectFrom('governorate').select(['name_ar', 'name_en', 'name_ku']).where('code', '=', code).executeTakeFirst();
  return row && { ar: row.name_ar, en: row.name_en, ku: row.name_ku };
}

/** The note the invitee left with their latest answer through the link (null when that answer had none). */
export async function lastReplyNote(db: Db, invitationId: string): Promise<string | null> {
  const row = await db
    .selectFrom('invitation_status_change')
    .select('note')
    .where('invitation_id', '=', invitationId)
    .where('source', '=', 'reply_link')
    .where('to_status', 'in', ['confirmed', 'declined'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.note ?? null;
}

export interface ReplyMove {
  from: InvitationStatus;
  to: InvitationStatus;
  note: string | null;
}

/**
 * Moves an invitation (already locked by the caller) through `moves` in order, as the invitee: no user stamps the
 * change, the history says it came through the reply link. Version and timestamps move like a staff change.
 */
export async function recordReply(db: Db, invitationId: string, moves: ReplyMove[], now = new Date()): Promise<void> {
  const last = moves.at(-1);
  if (!last) return;
  await db
    .updateTable('invitation')
    .set((eb) => ({
      status: last.to,
      status_changed_at: now,
      status_changed_by: null,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', invitationId)
    .execute();
  await db
    .insertInto('invitation_status_change')
    .values(
      moves.map((m) => ({
        invitation_id: invitationId,
        from_status: m.from,
        to_status: m.to,
        changed_at: now,
        changed_by: null,
        source: 'reply_link' as const,
        note: m.note,
      })),
    )
    .execute();
}

export interface ReplyLinkFactsRow {
  invitation_id: string;
  open_count: number;
  first_opened_at: Date | null;
  last_opened_at: Date | null;
  replied_at: Date | null;
  reply_note: string | null;
}

/** For the staff list: each invitation's live link (how often opened), when the invitee last answered through a link and their note. */
export async function replyLinkFacts(db: Db, invitationIds: string[]): Promise<ReplyLinkFactsRow[]> {
  if (invitationIds.length === 0) return [];
  return db
    .selectFrom('invitation_link as l')
    .select(['l.invitation_id', 'l.open_count', 'l.first_opened_at', 'l.last_opened_at'])
    .select([
      sql<Date | null>`(SELECT max(h.changed_at) FROM invitation_status_change h
        WHERE h.invitation_id = l.invitation_id AND h.source = 'reply_link')`.as('replied_at'),
      sql<string | null>`(SELECT h.note FROM invitation_status_change h
        WHERE h.invitation_id = l.invitation_id AND h.source = 'reply_link' ORDER BY h.id DESC LIMIT 1)`.as('reply_note'),
    ])
    .where('l.invitation_id', 'in', invitationIds)
    .where('l.revoked_at', 'is', null)
    .execute();
}
