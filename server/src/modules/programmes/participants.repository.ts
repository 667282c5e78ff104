import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ContactKind, Gender } from '../../domain/contact-kinds.js';
import type { ProgrammeParticipantRole } from '../../domain/programmes/vocabulary.js';

export interface ParticipantRow {
  contact_id: string;
  name: string;
  kind: ContactKind;
  gender: Gender | null;
  governorates: string[];
  role: ProgrammeParticipantRole;
  starts_on: string;
  ends_on: string | null;
  created_at: Date;
}

export async function listParticipants(db: Db, programmeId: string, contactId?: string, role?: string): Promise<ParticipantRow[]> {
  return db
    .selectFrom('programme_participant as pp')
    .innerJoin('contact as c', 'c.id', 'pp.contact_id')
    .select(['pp.contact_id', 'c.name', 'c.kind', 'c.gender', 'pp.role', 'pp.created_at'])
    .select([
      sql<string>`pp.starts_on::text`.as('starts_on'),
      sql<string | null>`pp.ends_on::text`.as('ends_on'),
      sql<string[]>`array(SELECT cg.governorate_code FROM contact_governorate cg WHERE cg.contact_id = c.id ORDER BY 1)`.as('governorates'),
    ])
    .where('pp.programme_id', '=', programmeId)
    .$if(contactId !== undefined, (qb) => qb.where('pp.contact_id', '=', contactId!))
    .$if(role !== undefined, (qb) => qb.where('pp.role', '=', role as ProgrammeParticipantRole))
    .orderBy('c.name')
    .orderBy('c.id')
    .orderBy('pp.role')
    .execute();
}

/** False when the contact already has that role in the programme. */
export async function insertParticipant(
  db: Db,
  row: { programme_id: string; contact_id: string; role: ProgrammeParticipantRole; starts_on: string; ends_on: string | null },
): Promise<boolean> {
  const result = await db
    .insertInto('programme_participant')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function deleteParticipant(db: Db, programmeId: string, contactId: string, role: ProgrammeParticipantRole): Promise<boolean> {
  const result = await db
    .deleteFrom('programme_participant')
    .where('programme_id', '=', programmeId)
    .where('contact_id', '=', contactId)
    .where('role', '=', role)
    .executeTakeFirst();
  return result.numDeletedRows === 1n;
}
