import type { Db } from '../../db/database.js';
import type { Actor } from '../auth/actor.js';
import { forbidden, notFound } from '../../errors.js';
import { canManageEvents } from '../../domain/events/vocabulary.js';
import { findEvent, type EventRow } from './events.repository.js';

export function assertEventWriter(actor: Actor) {
  if (!canManageEvents(actor.role)) throw forbidden('Your role can read events but not change them');
}

/** Events are visible to every signed-in user; `lock` serialises writes to one event's list. */
export async function loadEvent(db: Db, id: string, lock: 'update' | 'share' | null = null): Promise<EventRow> {
  const row = await findEvent(db, id, lock);
  if (!row) throw notFound('Event');
  return row;
}
