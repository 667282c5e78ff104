import type {
  AudienceResultDto,
  MarkSentResultDto,
  NumbersResultDto,
  SaveTemplateInput,
  TemplateDto,
  TemplateListDto,
  WhatsAppInput,
  WhatsAppResultDto,
} from '$api';
import { ApiError, apiRequest, type Fetch } from '$lib/api';

/** The outreach API of one event (docs/api-outreach.md): templates, the WhatsApp walk-through, numbers, audiences. */
const base = (eventId: string) => `/events/${eventId}`;

export function listTemplates(eventId: string, fetch?: Fetch): Promise<TemplateListDto> {
  return apiRequest('GET', `${base(eventId)}/templates`, { fetch });
}

export function saveTemplate(eventId: string, purpose: string, language: string, body: SaveTemplateInput): Promise<TemplateDto> {
  return apiRequest('PUT', `${base(eventId)}/templates/${purpose}/${language}`, { body });
}

export function resetTemplate(eventId: string, purpose: string, language: string, version: number): Promise<TemplateDto> {
  return apiRequest('DELETE', `${base(eventId)}/templates/${purpose}/${language}`, { query: { version } });
}

export function prepareWhatsApp(eventId: string, body: WhatsAppInput): Promise<WhatsAppResultDto> {
  return apiRequest('POST', `${base(eventId)}/outreach/whatsapp`, { body });
}

export function markSent(eventId: string, messageId: string): Promise<MarkSentResultDto> {
  return apiRequest('POST', `${base(eventId)}/outreach/${messageId}/sent`);
}

export function selectedNumbers(eventId: string, invitationIds: string[]): Promise<NumbersResultDto> {
  return apiRequest('POST', `${base(eventId)}/outreach/numbers`, { body: { invitationIds } });
}

export function audience(eventId: string, who: 'no_reply' | 'confirmed'): Promise<AudienceResultDto> {
  return apiRequest('GET', `${base(eventId)}/outreach/audience`, { query: { for: who } });
}

/** The selection as a .vcf file (a POST: the ids do not fit in an address). */
export async function downloadVCard(eventId: string, invitationIds: string[]): Promise<Blob> {
  const response = await fetch(`/api${base(eventId)}/outreach/vcard`, {
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
