import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ContactKind, OrganizationSubtype } from '../../domain/contact-kinds.js';

/** The few columns other modules need to name a contact and decide whether the caller may see it. */
export interface ContactRefRow {
  id: string;
  kind: ContactKind;
  subtype: OrganizationSubtype | null;
  name: string;
  governorates: string[];
}

/** The referenced contacts that exist, locked FOR SHARE (in id order) when `lock`, so they cannot vanish mid-write. */
export async function findContactRefs(db: Db, ids: string[], lock = false): Promise<ContactRefRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('contact')
    .select(['contact.id', 'contact.kind', 'contact.subtype', 'contact.name'])
    .select((eb) =>
      sql<string[]>`array(${eb
        .selectFrom('contact_governorate as cg')
        .select('cg.governorate_code')
        .whereRef('cg.contact_id', '=', 'contact.id')
        .orderBy('cg.governorate_code')})`.as('governorates'),
    )
    .where('contact.id', 'in', ids)
    .orderBy('contact.id')
    .$if(lock, (qb) => qb.forShare())
    .execute();
}

/** SQL: the contact whose id is in `column` shares a governorate with `codes` (the scope of a restricted user). */
export function contactInScope(column: string, codes: string[]): Expression<SqlBool> {
  return sql<SqlBool>`EXISTS (SELECT 1 FROM contact_governorate cg WHERE cg.contact_id = ${sql.ref(column)}
    AND cg.governorate_code IN (${sql.join(codes)}))`;
}
