import type { Db } from '../server/src/db/database.js';
import type { Actor } from '../server/src/access/actor.js';
import { createContact } from '../server/src/modules/contacts/contacts.service.js';
import type { ContactDto } from '../server/src/modules/contacts/contacts.schemas.js';
import { createEvent } from '../server/src/modules/events/events.service.js';
import { addInvitations, bulkUpdate } from '../server/src/modules/events/invitations.service.js';
import { createGroup } from '../server/src/modules/events/groups.service.js';
import { loadDemoConnections } from './demo-connections.js';
import { DEMO_CONTACTS } from './demo-contacts.js';
import { loadDemoProgrammes } from './demo-programmes.js';

/** Loads the demo directory through the contacts service, so every row is validated, normalised and audited. */
export async function loadDemoContacts(db: Db, admin: Actor): Promise<number> {
  const people: ContactDto[] = [];
  for (const demo of DEMO_CONTACTS) {
    const { key: _key, fictional: _fictional, ...contact } = demo;
    people.push(await createContact(db, admin, contact));
  }
  await loadDemoConnections(db, admin, people);
  await loadDemoEvent(db, admin, people, await loadDemoProgrammes(db, admin, people));
  return DEMO_CONTACTS.length;
}

/**
 * The democracy programme's closing session a month ahead, attributed to it, built through the events services: the target mix from the brief,
 * the demo's people on the list (two thirds invited, a third confirmed) and three empty working groups.
 */
async function loadDemoEvent(db: Db, admin: Actor, contacts: ContactDto[], programmeId: string): Promise<void> {
  const start = new Date(Date.now() + 30 * 86_400_000);
  start.setUTCHours(6, 0, 0, 0);
  const event = await createEvent(db, admin, {
    title: 'الجلسة الختامية لبرنامج تعزيز الديمقراطية',
    type: 'closing_session',
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 7 * 3_600_000).toISOString(),
    governorate: 'IQ-BG',
    venue: 'بغداد',
    capacity: 50,
    programmeIds: [programmeId],
    quotas: [
      { dimension: 'governorate', value: 'IQ-BG', minCount: 20, maxCount: 20 },
      { dimension: 'governorate', value: 'IQ-AN', minCount: 10, maxCount: 10 },
      { dimension: 'governorate', value: 'IQ-NA', minCount: 10, maxCount: 10 },
      { dimension: 'governorate', value: 'IQ-BB', minCount: 10, maxCount: 10 },
      { dimension: 'kind', value: 'government_focal_point', minCount: 8 },
      { dimension: 'gender', value: 'female', minShare: 0.4 },
    ],
  });
  // People only: an organisation or team comes through its focal point, and the demo's teams have none.
  const invited = contacts.filter((c) => c.kind === 'activist' || c.kind === 'government_focal_point');
  const { added } = await addInvitations(db, admin, event.id, {
    contactIds: invited.map((c) => c.id),
    status: 'invited',
  });
  const confirmed = added.filter((_, i) => i % 3 === 0).map((i) => i.id);
  if (confirmed.length) await bulkUpdate(db, admin, event.id, { invitationIds: confirmed, status: 'confirmed' });
  for (const [i, name] of ['الدروس المستفادة', 'التحديات', 'الخطط المستقبلية'].entries()) {
    await createGroup(db, admin, event.id, { name, size: 15, sortOrder: i });
  }
}
