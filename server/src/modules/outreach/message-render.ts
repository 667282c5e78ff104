import type { Db } from '../../db/database.js';
import { GOVERNORATES, governorateNameIn } from '../../domain/governorates.js';
import { eventDate, eventTime } from '../../domain/outreach/event-when.js';
import {
  DEFAULT_TEMPLATES,
  renderTemplate,
  type MessageTemplateText,
  type TemplateValues,
} from '../../domain/outreach/message-template.js';
import type { MessageLanguage, MessagePurpose } from '../../domain/outreach/vocabulary.js';
import type { EventRow } from '../events/events.repository.js';
import { personRefs, type InvitationRow } from '../events/invitations.repository.js';
import { storedTemplates } from './templates.repository.js';
import type { ReplyLinkDto } from './reply-links.schemas.js';

export interface RenderedMessage {
  invitationId: string;
  /** Who the message speaks to: the representative when an office is invited through one, else the invitee. */
  attendeeId: string;
  name: string;
  subject: string;
  body: string;
}

const NOT_SET: Record<MessageLanguage, string> = { ar: 'يُحدَّد لاحقًا', en: 'to be announced', ku: 'دواتر دیاری دەکرێت' };

/** The event's own template for this purpose and language, or the default text. */
export async function templateFor(
  db: Db,
  eventId: string,
  purpose: MessagePurpose,
  language: MessageLanguage,
): Promise<MessageTemplateText> {
  const row = (await storedTemplates(db, eventId)).find((t) => t.purpose === purpose && t.language === language);
  const fallback = DEFAULT_TEMPLATES[purpose][language];
  return row ? { subject: row.subject ?? fallback.subject, body: row.body } : fallback;
}

function governorateName(code: string | null, language: MessageLanguage): string | null {
  const g = GOVERNORATES.find((x) => x.code === code);
  return g ? governorateNameIn(g, language) : null;
}

/**
 * Each invitation's message, filled in for the person who will read it. Callers have checked access and pass the
 * links they got from ensureReplyLinks, so every message carries a working address.
 */
export async function renderMessages(
  db: Db,
  event: EventRow,
  invitations: InvitationRow[],
  purpose: MessagePurpose,
  language: MessageLanguage,
  links: Map<string, ReplyLinkDto>,
): Promise<RenderedMessage[]> {
  const template = await templateFor(db, event.id, purpose, language);
  const attendeeOf = (i: InvitationRow) => i.representative_id ?? i.contact_id;
  const names = new Map((await personRefs(db, invitations.map(attendeeOf))).map((p) => [p.id, p.name]));
  const shared = {
    event: event.title,
    date: eventDate(event.starts_at, language),
    time: eventTime(event.starts_at, event.ends_at, language),
    venue: event.venue ?? NOT_SET[language],
    governorate: governorateName(event.governorate_code, language) ?? NOT_SET[language],
    phone: event.contact_phone ?? '',
  };
  return invitations.map((i) => {
    const values: TemplateValues = { ...shared, name: names.get(attendeeOf(i)) ?? '', link: links.get(i.id)?.url ?? '' };
    return {
      invitationId: i.id,
      attendeeId: attendeeOf(i),
      name: values.name,
      subject: renderTemplate(template.subject, values),
      body: renderTemplate(template.body, values),
    };
  });
}
