import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { contactInScope } from '../contact-refs/contact-refs.repository.js';
import type { ContactKind } from '../../domain/contact-kinds.js';
import type { InteractionKind } from '../../domain/interaction-kinds.js';

export interface InteractionRow {
  id: string;
  kind: InteractionKind;
  occurred_on: string;
  summary: string;
  follow_up_on: string | null;
  follow_up_done: boolean;
  needs_follow_up: boolean;
  logged_by: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface ParticipantRow {
  interaction_id: string;
  id: string;
  name: string;
  kind: ContactKind;
}

export interface InteractionValues {
  kind: InteractionKind;
  occurred_on: string;
  summary: string;
  follow_up_on: string | null;
  follow_up_done: boolean;
}

export interface InteractionFilter {
  contact?: string;
  from?: string;
  to?: string;
  needsFollowUp?: boolean;
  /** Follow-up date strictly before today and not done, the dashboard's overdue figure. */
  overdue?: boolean;
  /** At least one participant in this governorate. */
  governorate?: string;
  /** Only the interactions this user logged. */
  loggedBy?: string;
  /** Scoped users see an interaction when at least one participant is in these governorates. */
  visibleGovernorates: string[] | null;
  limit: number;
  offset: number;
}

const INTERACTION_COLUMNS = [
  'interaction.id',
  'interaction.kind',
  sql<string>`interaction.occurred_on::text`.as('occurred_on'),
  'interaction.summary',
  sql<string | null>`interaction.follow_up_on::text`.as('follow_up_on'),
  'interaction.follow_up_done',
  sql<boolean>`(interaction.follow_up_on IS NOT NULL AND interaction.follow_up_on <= current_date
    AND NOT interaction.follow_up_done)`.as('needs_follow_up'),
  'interaction.logged_by',
  'interaction.created_at',
  'interaction.updated_at',
  'interaction.version',
] as const;

function filtered(db: Db, f: Omit<InteractionFilter, 'limit' | 'offset'>) {
  return db
    .selectFrom('interaction')
    .$if(f.contact !== undefined, (qb) =>
      qb.where((eb) =>
        eb.exists(
          eb
            .selectFrom('interaction_participant as ip')
            .select(sql.lit(1).as('one'))
            .whereRef('ip.interaction_id', '=', 'interaction.id')
            .where('ip.contact_id', '=', f.contact!),
        ),
      ),
    )
    .$if(f.from !== undefined, (qb) => qb.where('interaction.occurred_on', '>=', sql<Date>`${f.from!}::date`))
    .$if(f.to !== undefined, (qb) => qb.where('interaction.occurred_on', '<=', sql<Date>`${f.to!}::date`))
    .$if(f.needsFollowUp === true, (qb) =>
      qb.where('interaction.follow_up_on', '<=', sql<Date>`current_date`).where('interaction.follow_up_done', '=', false),
    )
    .$if(f.needsFollowUp === false, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('interaction.follow_up_on', 'is', null),
          eb('interaction.follow_up_on', '>', sql<Date>`current_date`),
          eb('interaction.follow_up_done', '=', true),
        ]),
      ),
    )
    .$if(f.overdue === true, (qb) =>
      qb.where('interaction.follow_up_on', '<', sql<Date>`current_date`).where('interaction.follow_up_done', '=', false),
    )
    .$if(f.overdue === false, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('interaction.follow_up_on', 'is', null),
          eb('interaction.follow_up_on', '>=', sql<Date>`current_date`),
          eb('interaction.follow_up_done', '=', true),
        ]),
      ),
    )
    .$if(f.governorate !== undefined, (qb) =>
      qb.where((eb) =>
        eb.exists(
          eb
            .selectFrom('interaction_participant as ip')
            .select(sql.lit(1).as('one'))
            .whereRef('ip.interaction_id', '=', 'interaction.id')
            .where(contactInScope('ip.contact_id', [f.governorate!])),
        ),
      ),
    )
    .$if(f.loggedBy !== undefined, (qb) => qb.where('interaction.logged_by', '=', f.loggedBy!))
    .$if(f.visibleGovernorates !== null, (qb) =>
      qb.where((eb) =>
        eb.exists(
          eb
            .selectFrom('interaction_participant as ip')
            .select(sql.lit(1).as('one'))
            .whereRef('ip.interaction_id', '=', 'interaction.id')
            .where(contactInScope('ip.contact_id', f.visibleGovernorates!)),
        ),
      ),
    );
}

/** Newest first; the overdue follow-up list reads oldest follow-up first. */
export async function listInteractions(db: Db, f: InteractionFilter): Promise<{ rows: InteractionRow[]; total: number }> {
  const base = filtered(db, f);
  const [rows, count] = await Promise.all([
    base
      .select(INTERACTION_COLUMNS)
      .$if(f.needsFollowUp === true || f.overdue === true, (qb) => qb.orderBy('interaction.follow_up_on'))
      .orderBy('interaction.occurred_on', 'desc')
      .orderBy('interaction.created_at', 'desc')
      .orderBy('interaction.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findInteraction(db: Db, id: string, forUpdate = false): Promise<InteractionRow | undefined> {
  return db
    .selectFrom('interaction')
    .select(INTERACTION_COLUMNS)
    .where('interaction.id', '=', id)
    .$if(forUpdate, (qb) => qb.forUpdate())
    .executeTakeFirst();
}

/** Participants of the given interactions, by name. */
export async function participantsOf(db: Db, interactionIds: string[]): Promise<ParticipantRow[]> {
  if (interactionIds.length === 0) return [];
  return db
    .selectFrom('interaction_participant as ip')
    .innerJoin('contact', 'contact.id', 'ip.contact_id')
    .select(['ip.interaction_id', 'contact.id', 'contact.name', 'contact.kind'])
    .where('ip.interaction_id', 'in', interactionIds)
    .orderBy('contact.name')
    .orderBy('contact.id')
    .execute();
}

export async function participantIds(db: Db, interactionId: string): Promise<string[]> {
  const rows = await db.selectFrom('interaction_participant').select('contact_id').where('interaction_id', '=', interactionId).execute();
  return rows.map((r) => r.contact_id);
}

export async function insertInteraction(db: Db, values: InteractionValues & { logged_by: string }, contactIds: string[]): Promise<string> {
  const { id } = await db.insertInto('interaction').values(values).returning('id').executeTakeFirstOrThrow();
  await replaceParticipants(db, id, contactIds);
  return id;
}

export async function replaceParticipants(db: Db, interactionId: string, contactIds: string[]): Promise<void> {
  await db.deleteFrom('interaction_participant').where('interaction_id', '=', interactionId).execute();
  await db
    .insertInto('interaction_participant')
    .values(contactIds.map((contactId) => ({ interaction_id: interactionId, contact_id: contactId })))
    .execute();
}

export async function updateInteraction(db: Db, id: string, expectedVersion: number, values: Partial<InteractionValues>): Promise<boolean> {
  const result = await db
    .updateTable('interaction')
    .set((eb) => ({ ...values, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function deleteInteraction(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('interaction').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows === 1n;
}

/** The interactions this contact takes part in: read before deleting the contact, to find those it leaves empty. */
export async function interactionIdsOfContact(db: Db, contactId: string): Promise<string[]> {
  const rows = await db.selectFrom('interaction_participant').select('interaction_id').where('contact_id', '=', contactId).execute();
  return rows.map((r) => r.interaction_id);
}

/** Deletes those of the given interactions that no longer have any participant; returns their ids. */
export async function deleteInteractionsWithoutParticipants(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .deleteFrom('interaction')
    .where('id', 'in', ids)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('interaction_participant as ip').select(sql.lit(1).as('one')).whereRef('ip.interaction_id', '=', 'interaction.id'),
        ),
      ),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
