import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ContactKind, OrganizationSubtype, Sensitivity } from '../../domain/contact-kinds.js';
import { currentOrganisationOf } from '../events/events.repository.js';

export interface OrganisationRow {
  id: string;
  name: string;
  name_latin: string | null;
  kind: 'organization' | 'volunteer_team';
  subtype: OrganizationSubtype | null;
  sensitivity: Sensitivity;
  phones: string[];
  emails: string[];
  governorates: string[];
}

/** Organisations and volunteer teams (never people) in the caller's governorates, by name. */
export async function organisations(db: Db, scope: string[] | null): Promise<OrganisationRow[]> {
  let query = db
    .selectFrom('contact as c')
    .select([
      'c.id',
      'c.name',
      'c.name_latin',
      sql<'organization' | 'volunteer_team'>`c.kind`.as('kind'),
      'c.subtype',
      'c.sensitivity',
      'c.phones',
      'c.emails',
      sql<
        string[]
      >`ARRAY(SELECT cg.governorate_code FROM contact_governorate cg WHERE cg.contact_id = c.id ORDER BY cg.governorate_code)`.as(
        'governorates',
      ),
    ])
    .where('c.kind', 'in', ['organization', 'volunteer_team']);
  if (scope !== null)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('contact_governorate as s')
          .select('s.contact_id')
          .whereRef('s.contact_id', '=', 'c.id')
          .where('s.governorate_code', 'in', scope),
      ),
    );
  return query.orderBy('c.name').orderBy('c.id').execute();
}

export interface DirectoryRow {
  id: string;
  name: string;
  kind: ContactKind;
  subtype: OrganizationSubtype | null;
  sensitivity: Sensitivity;
  phones: string[];
  emails: string[];
  governorates: string[];
  /** For a person: the organisation of their current position (the one that started first), with its type. */
  organisation_name: string | null;
  organisation_subtype: OrganizationSubtype | null;
}

/** The whole directory (people, organisations, teams) the caller may see, by name. */
export async function directory(db: Db, scope: string[] | null): Promise<DirectoryRow[]> {
  let query = db
    .selectFrom('contact as c')
    .leftJoin('contact as o', (join) => join.on('o.id', '=', currentOrganisationOf('c.id')))
    .select([
      'c.id',
      'c.name',
      'c.kind',
      'c.subtype',
      'c.sensitivity',
      'c.phones',
      'c.emails',
      'o.name as organisation_name',
      'o.subtype as organisation_subtype',
      sql<
        string[]
      >`ARRAY(SELECT cg.governorate_code FROM contact_governorate cg WHERE cg.contact_id = c.id ORDER BY cg.governorate_code)`.as(
        'governorates',
      ),
    ]);
  if (scope !== null)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('contact_governorate as s')
          .select('s.contact_id')
          .whereRef('s.contact_id', '=', 'c.id')
          .where('s.governorate_code', 'in', scope),
      ),
    );
  return query.orderBy('c.name').orderBy('c.id').execute();
}
