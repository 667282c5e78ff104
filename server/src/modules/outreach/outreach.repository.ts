import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Sensitivity } from '../../domain/contact-kinds.js';
import type { MessageLanguage, MessagePurpose, OutreachChannel, OutreachMessageStatus } from '../../domain/outreach/vocabulary.js';

export interface AttendeePhonesRow {
  id: string;
  name: string;
  sensitivity: Sensitivity;
  phones: string[];
}

/** Everyone's phones, for choosing the number to write to; callers decide who may see them. */
export async function attendeePhones(db: Db, contactIds: string[]): Promise<AttendeePhonesRow[]> {
  if (contactIds.length === 0) return [];
  return db
    .selectFrom('contact')
    .select(['id', 'name', 'sensitivity', 'phones'])
    .where('id', 'in', [...new Set(contactIds)])
    .execute();
}

export interface MessageRow {
  id: string;
  event_id: string;
  invitation_id: string;
  channel: OutreachChannel;
  purpose: MessagePurpose;
  language: MessageLanguage;
  status: OutreachMessageStatus;
  sent_at: Date | null;
}

const MESSAGE_COLUMNS = ['id', 'event_id', 'invitation_id', 'channel', 'purpose', 'language', 'status', 'sent_at'] as const;

export interface PreparedMessage {
  event_id: string;
  invitation_id: string;
  purpose: MessagePurpose;
  language: MessageLanguage;
  dedupe_key: string;
  created_by: string;
}

/**
 * A prepared WhatsApp row per invitee, or the existing one with the same dedupe key (a walk-through opened again):
 * a row still prepared takes the new language, a sent one stays as it was sent.
 */
export async function upsertPreparedWhatsApp(db: Db, rows: PreparedMessage[]): Promise<MessageRow[]> {
  if (rows.length === 0) return [];
  return db
    .insertInto('outreach_message')
    .values(rows.map((r) => ({ ...r, channel: 'whatsapp' as const, status: 'prepared' as const })))
    .onConflict((oc) =>
      oc.columns(['invitation_id', 'channel', 'dedupe_key']).doUpdateSet({
        language: sql<MessageLanguage>`CASE WHEN outreach_message.status = 'prepared' THEN excluded.language ELSE outreach_message.language END`,
      }),
    )
    .returning(MESSAGE_COLUMNS)
    .execute();
}

export async function findMessage(db: Db, eventId: string, id: string, forUpdate = false): Promise<MessageRow | undefined> {
  return db
    .selectFrom('outreach_message')
    .select(MESSAGE_COLUMNS)
    .where('id', '=', id)
    .where('event_id', '=', eventId)
    .$if(forUpdate, (qb) => qb.forUpdate())
    .executeTakeFirst();
}

export async function markMessageSent(db: Db, id: string, userId: string, at: Date): Promise<void> {
  await db
    .updateTable('outreach_message')
    .set((eb) => ({ status: 'sent', sent_at: at, created_by: userId, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export interface OutreachFactsRow {
  invitation_id: string;
  last_channel: OutreachChannel | null;
  last_purpose: MessagePurpose | null;
  last_status: OutreachMessageStatus | null;
  last_at: Date | null;
  last_sent_at: Date | null;
  first_opened_at: Date | null;
  last_opened_at: Date | null;
  open_count: number | null;
  replied_at: Date | null;
  replied_status: string | null;
}

/**
 * For a page of invitations in one statement: the latest message, the latest sent one, the live link's openings and
 * the latest answer the invitee gave through their link (status changes with source reply_link).
 */
export async function outreachFacts(db: Db, invitationIds: string[]): Promise<OutreachFactsRow[]> {
  if (invitationIds.length === 0) return [];
  return db
    .selectFrom('invitation as i')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('outreach_message as m')
          .select(['m.channel', 'm.purpose', 'm.status', sql<Date>`COALESCE(m.sent_at, m.created_at)`.as('at')])
          .whereRef('m.invitation_id', '=', 'i.id')
          .orderBy(sql`COALESCE(m.sent_at, m.created_at)`, 'desc')
          .limit(1)
          .as('lm'),
      (join) => join.onTrue(),
    )
    .leftJoin('invitation_link as l', (join) => join.onRef('l.invitation_id', '=', 'i.id').on('l.revoked_at', 'is', null))
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('invitation_status_change as h')
          .select(['h.changed_at', 'h.to_status'])
          .whereRef('h.invitation_id', '=', 'i.id')
          .where('h.source', '=', 'reply_link')
          .orderBy('h.id', 'desc')
          .limit(1)
          .as('r'),
      (join) => join.onTrue(),
    )
    .select([
      'i.id as invitation_id',
      'lm.channel as last_channel',
      'lm.purpose as last_purpose',
      'lm.status as last_status',
      'lm.at as last_at',
      'l.first_opened_at',
      'l.last_opened_at',
      'l.open_count',
      'r.changed_at as replied_at',
      'r.to_status as replied_status',
    ])
    .select(
      sql<Date | null>`(SELECT max(s.sent_at) FROM outreach_message s WHERE s.invitation_id = i.id AND s.status = 'sent')`.as(
        'last_sent_at',
      ),
    )
    .where('i.id', 'in', invitationIds)
    .execute();
}

/** How many invitations of an event have answered through their reply link (the replies summary shows it). */
export async function linkReplyCount(db: Db, eventId: string): Promise<number> {
  const { n } = await db
    .selectFrom('invitation as i')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('i.event_id', '=', eventId)
    .where(sql<boolean>`EXISTS (SELECT 1 FROM invitation_status_change h WHERE h.invitation_id = i.id AND h.source = 'reply_link')`)
    .executeTakeFirstOrThrow();
  return Number(n);
}
