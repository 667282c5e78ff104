import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { loadVisibleRef } from '../../access/contact-access.js';
import { eventsOfContact } from './contact-events.repository.js';

/** A contact's event history; the contact must be visible to the caller (404 otherwise). */
export async function contactEvents(db: Db, actor: Actor, contactId: string) {
  await loadVisibleRef(db, actor, contactId);
  const rows = await eventsOfContact(db, contactId);
  return {
    items: rows.map((r) => {
      const asRepresentative = r.representative_id === contactId;
      return {
        invitationId: r.invitation_id,
        as: asRepresentative ? ('representative' as const) : ('contact' as const),
        representing: asRepresentative ? { id: r.contact_id, name: r.contact_name } : null,
        event: {
          id: r.event_id,
          title: r.title,
          type: r.type,
          startsAt: r.starts_at.toISOString(),
          endsAt: r.ends_at.toISOString(),
          governorate: r.governorate_code,
        },
        status: r.status,
        role: r.role,
        walkIn: r.walk_in,
        statusChangedAt: r.status_changed_at.toISOString(),
      };
    }),
  };
}
