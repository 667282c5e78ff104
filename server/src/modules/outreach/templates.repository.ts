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
