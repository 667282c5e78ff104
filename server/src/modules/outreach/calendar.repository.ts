import type { Db } from '../../db/database.js';

/** The event's calendar SEQUENCE (0 until its time first changes). */
export async function scheduleSequence(db: Db, eventId: string): Promise<number> {
  const row = await db.selectFrom('event').select('schedule_sequence').where('id', '=', eventId).executeTakeFirst();
  return row?.schedule_sequence ?? 0;
}
