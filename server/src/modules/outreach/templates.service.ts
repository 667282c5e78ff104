import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import {
  DEFAULT_TEMPLATES,
  SUBJECT_MAX_LENGTH,
  TEMPLATE_MAX_LENGTH,
  TEMPLATE_PLACEHOLDERS,
  unknownPlaceholders,
} from '../../domain/outreach/message-template.js';
import { MESSAGE_LANGUAGES, MESSAGE_PURPOSES, type MessageLanguage, type MessagePurpose } from '../../domain/outreach/vocabulary.js';
import { conflict, invalid, type FieldError } from '../../errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import { assertEventWriter, loadEvent } from '../events/event-access.js';
import * as repo from './templates.repository.js';
import type { SaveTemplateInput, TemplateDto, TemplateListDto } from './templates.schemas.js';

const STALE = 'Someone else changed this template since you opened it; reload and try again';

function toDto(purpose: MessagePurpose, language: MessageLanguage, row: repo.TemplateRow | undefined): TemplateDto {
  const fallback = DEFAULT_TEMPLATES[purpose][language];
  if (!row) return { purpose, language, ...fallback, isDefault: true, version: 0, updatedAt: null };
  return {
    purpose,
    language,
    subject: row.subject ?? fallback.subject,
    body: row.body,
    isDefault: false,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Every purpose × language, the event's own text where there is one. Anyone who can read the event reads these. */
export async function listTemplates(db: Db, eventId: string): Promise<TemplateListDto> {
  await loadEvent(db, eventId);
  const rows = await repo.storedTemplates(db, eventId);
  const items = MESSAGE_PURPOSES.flatMap((purpose) =>
    MESSAGE_LANGUAGES.map((language) =>
      toDto(
        purpose,
        language,
        rows.find((r) => r.purpose === purpose && r.language === language),
      ),
    ),
  );
  return { items, placeholders: [...TEMPLATE_PLACEHOLDERS] };
}

/** One error per unknown placeholder (its name as the message) and per text that is empty or too long. */
export function templateErrors(subject: string | null, body: string): FieldError[] {
  const errors: FieldError[] = [];
  if (body.trim() === '') errors.push({ field: 'body', code: 'required', message: 'write the message' });
  if (body.length > TEMPLATE_MAX_LENGTH) {
    errors.push({ field: 'body', code: 'too_long', message: `at most ${TEMPLATE_MAX_LENGTH} characters (${body.length})` });
  }
  if (subject !== null && subject.length > SUBJECT_MAX_LENGTH) {
    errors.push({ field: 'subject', code: 'too_long', message: `at most ${SUBJECT_MAX_LENGTH} characters (${subject.length})` });
  }
  for (const [field, text] of [
    ['subject', subject ?? ''],
    ['body', body],
  ] as const) {
    for (const name of unknownPlaceholders(text)) errors.push({ field, code: 'unknown_placeholder', message: name });
  }
  return errors;
}

export async function saveTemplate(
  db: Db,
  actor: Actor,
  eventId: string,
  purpose: MessagePurpose,
  language: MessageLanguage,
  input: SaveTemplateInput,
): Promise<TemplateDto> {
  assertEventWriter(actor);
  const subject = input.subject?.trim() ? input.subject.trim() : null;
  const errors = templateErrors(subject, input.body);
  if (errors.length) throw invalid(errors);
  return db.transaction().execute(async (trx) => {
    await loadEvent(trx, eventId, 'share');
    const row = { event_id: eventId, purpose, language, subject, body: input.body, updated_by: actor.id };
    // Version 0 is the default text: saving over it creates the event's own, unless someone did so meanwhile.
    const saved = input.version === 0 ? await repo.insertTemplate(trx, row) : await repo.updateTemplate(trx, row, input.version);
    if (!saved) throw conflict('CONFLICT', STALE);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'update',
      entityType: 'event',
      entityId: eventId,
      changedFields: ['message_template'],
      details: { purpose, language, version: saved.version },
    });
    return toDto(purpose, language, saved);
  });
}

/** Back to the built-in text: the event's own is dropped if nobody changed it since `version`. */
export async function resetTemplate(
  db: Db,
  actor: Actor,
  eventId: string,
  purpose: MessagePurpose,
  language: MessageLanguage,
  version: number,
): Promise<TemplateDto> {
  assertEventWriter(actor);
  return db.transaction().execute(async (trx) => {
    await loadEvent(trx, eventId, 'share');
    if (!(await repo.deleteTemplate(trx, eventId, purpose, language, version))) throw conflict('CONFLICT', STALE);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'update',
      entityType: 'event',
      entityId: eventId,
      changedFields: ['message_template'],
      details: { purpose, language, reset: true },
    });
    return toDto(purpose, language, undefined);
  });
}
