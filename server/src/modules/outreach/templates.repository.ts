import type { Db } from '../../db/database.js';
import type { MessageLanguage, MessagePurpose } from '../../domain/outreach/vocabulary.js';

export interface TemplateRow {
  purpose: MessagePurpose;
  language: MessageLanguage;
  subject: string | null;
  body: string;
  updated_at: Date;
  version: number;
}

/** The templates staff wrote for an event; a purpose and language without a row uses the default text. */
export async function storedTemplates(db: Db, eventId: string): Promise<TemplateRow[]> {
  return db
    .selectFrom('event_message_template')
    .select(['purpose', 'language', 'subject', 'body', 'updated_at', 'version'])
    .where('event_id', '=', eventId)
    .execute();
}

export interface TemplateWrite {
  event_id: string;
  purpose: MessagePurpose;
  language: MessageLanguage;
  subject: string | null;
  body: string;
  updated_by: string;
}

/** The first own text of a purpose and language (version 1); undefined when someone saved one meanwhile. */
export async function insertTemplate(db: Db, row: TemplateWrite): Promise<TemplateRow | undefined> {
  return db
    .insertInto('event_message_template')
    .values(row)
    .onConflict((oc) => oc.columns(['event_id', 'purpose', 'language']).doNothing())
    .returning(['purpose', 'language', 'subject', 'body', 'updated_at', 'version'])
    .executeTakeFirst();
}

/** Replaces the text if it is still at `version`; undefined when it is not (a stale edit) or is gone. */
export async function updateTemplate(db: Db, row: TemplateWrite, version: number): Promise<TemplateRow | undefined> {
  return db
    .updateTable('event_message_template')
    .set((eb) => ({
      subject: row.subject,
      body: row.body,
      updated_by: row.updated_by,
      updated_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('event_id', '=', row.event_id)
    .where('purpose', '=', row.purpose)
    .where('language', '=', row.language)
    .where('version', '=', version)
    .returning(['purpose', 'language', 'subject', 'body', 'updated_at', 'version'])
    .executeTakeFirst();
}

/** Drops the event's own text (back to the default) if it is still at `version`; false when it is not. */
export async function deleteTemplate(db: Db, eventId: string, purpose: MessagePurpose, language: MessageLanguage, version: number) {
  const result = await db
    .deleteFrom('event_message_template')
    .where('event_id', '=', eventId)
    .where('purpose', '=', purpose)
    .where('language', '=', language)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
