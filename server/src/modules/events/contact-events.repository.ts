import type { Db } from '../../db/database.js';
import type { EventType, InvitationRole, InvitationStatus } from '../../domain/events/vocabulary.js';

export interface ContactEventRow {
  invitation_id: string;
  contact_id: string;
  contact_name: string;
  representative_id: string | null;
  status: InvitationStatus;
  role: InvitationRole;
  walk_in: boolean;
  status_changed_at: Date;
  event_id: string;
  title: string;
  type: EventType;
  starts_at: Date;
  ends_at: Date;
  governorate_code: string | null;
}

/** Invitations where this contact is invited or represents someone, newest event first. */
export async function eventsOfContact(db: Db, contactId: string): Promise<ContactEventRow[]> {
  return db
    .selectFrom('invitation as i')
    .innerJoin('event as e', 'e.id', 'i.event_id')
    .innerJoin('contact as c', 'c.id', 'i.contact_id')
    .select([
      'i.id as invitation_id',
      'i.contact_id',
      'c.name as contact_name',
      'i.representative_id',
      'i.status',
      'i.role',
      'i.walk_in',
      'i.status_changed_at',
      'e.id as event_id',
      'e.title',
      'e.type',
      'e.starts_at',
      'e.ends_at',
      'e.governorate_code',
    ])
    .where((eb) => eb.or([eb('i.contact_id', '=', contactId), eb('i.representative_id', '=', contactId)]))
    .orderBy('e.starts_at', 'desc')
    .orderBy('i.id')
    .execute();
}
