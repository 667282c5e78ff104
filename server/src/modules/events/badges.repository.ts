import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { InvitationRole, InvitationStatus } from '../../domain/events/vocabulary.js';
import { contactInScope } from '../contact-refs/contact-refs.repository.js';
import { currentOrganisationOf } from './events.repository.js';

export interface BadgeRow {
  invitation_id: string;
  check_in_code: string;
  status: InvitationStatus;
  role: InvitationRole;
  name: string;
  name_latin: string | null;
  organisation: string | null;
  governorate: string | null;
  group_id: string | null;
  group_name: string | null;
  group_order: number | null;
}

export interface BadgeFilter {
  statuses: readonly InvitationStatus[];
  groupId?: string;
  visibleGovernorates: string[] | null;
}

/**
 * One row per person who comes: the attendee is the representative when an office is invited (the office is then the
 * organisation), else the contact and their current position's organisation. The governorate is the one the
 * invitation counts toward (chosen, else the contact's first). In group order, then by name, as the sheets print.
 */
export async function badgeRows(db: Db, eventId: string, f: BadgeFilter): Promise<BadgeRow[]> {
  return db
    .selectFrom('invitation as i')
    .innerJoin('contact as c', 'c.id', 'i.contact_id')
    .leftJoin('contact as r', 'r.id', 'i.representative_id')
    .leftJoin('contact as o', (join) => join.on(sql`o.id`, '=', currentOrganisationOf('c.id')))
    .leftJoin('event_group as g', 'g.id', 'i.group_id')
    .select([
      'i.id as invitation_id',
      'i.check_in_code',
      'i.status',
      'i.role',
      'i.group_id',
      'g.name as group_name',
      'g.sort_order as group_order',
    ])
    .select([
      sql<string>`COALESCE(r.name, c.name)`.as('name'),
      sql<string | null>`CASE WHEN r.id IS NULL THEN c.name_latin ELSE r.name_latin END`.as('name_latin'),
      sql<string | null>`CASE WHEN r.id IS NULL THEN o.name ELSE c.name END`.as('organisation'),
      sql<string | null>`COALESCE(i.quota_governorate, (SELECT min(cg.governorate_code) FROM contact_governorate cg
        WHERE cg.contact_id = c.id))`.as('governorate'),
    ])
    .where('i.event_id', '=', eventId)
    .where('i.status', 'in', [...f.statuses])
    .$if(f.groupId !== undefined, (qb) => qb.where('i.group_id', '=', f.groupId!))
    .$if(f.visibleGovernorates !== null, (qb) => qb.where(contactInScope('i.contact_id', f.visibleGovernorates!)))
    .orderBy(sql`g.sort_order ASC NULLS LAST`)
    .orderBy(sql`COALESCE(r.name, c.name)`)
    .orderBy('i.id')
    .execute();
}
