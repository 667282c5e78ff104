import type {
  AudienceResultDto,
  QueryOf,
  MarkSentResultDto,
  NumbersResultDto,
  SaveTemplateInput,
  TemplateDto,
  TemplateListDto,
  WhatsAppInput,
  WhatsAppResultDto,
} from '$api';
import { ApiError, api, apiUrl, type Fetch } from '$lib/api';

/* The outreach API of one event (docs/api-outreach.md): templates, the WhatsApp walk-through, numbers, audiences. */

export function listTemplates(eventId: string, fetch?: Fetch): Promise<TemplateListDto> {
  return api('GET /events/:id/templates', { params: { id: eventId }, fetch });
}

export function saveTemplate(
  eventId: string,
  purpose: TemplateDto['purpose'],
  language: TemplateDto['language'],
  body: SaveTemplateInput,
): Promise<TemplateDto> {
  return api('PUT /events/:id/templates/:purpose/:language', { params: { id: eventId, purpose, language }, body });
}

export function resetTemplate(
  eventId: string,
  purpose: TemplateDto['purpose'],
  language: TemplateDto['language'],
  version: number,
): Promise<TemplateDto> {
  return api('DELETE /events/:id/templates/:purpose/:language', { params: { id: eventId, purpose, language }, query: { version } });
}

export function prepareWhatsApp(eventId: string, body: WhatsAppInput): Promise<WhatsAppResultDto> {
  return api('POST /events/:id/outreach/whatsapp', { params: { id: eventId }, body });
}

export function markSent(eventId: string, messageId: string): Promise<MarkSentResultDto> {
  return api('POST /events/:id/outreach/:messageId/sent', { params: { id: eventId, messageId } });
}

export function selectedNumbers(eventId: string, invitationIds: string[]): Promise<NumbersResultDto> {
  return api('POST /events/:id/outreach/numbers', { params: { id: eventId }, body: { invitationIds } });
}

export function audience(eventId: string, who: QueryOf<'GET /events/:id/outreach/audience'>['for']): Promise<AudienceResultDto> {
  return api('GET /events/:id/outreach/audience', { params: { id: eventId }, query: { for: who } });
}

/** The selection as a .vcf file (a POST: the ids do not fit in an address). */
export async function downloadVCard(eventId: string, invitationIds: string[]): Promise<Blob> {
  const response = await fetch(apiUrl('POST /events/:id/outreach/vcard', { params: { id: eventId } }), {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ invitationIds }),
  });
  if (!response.ok) {
    throw new ApiError({ status: response.status, code: `HTTP_${response.status}`, title: response.statusText, detail: '', errors: [] });
  }
  return response.blob();
}
