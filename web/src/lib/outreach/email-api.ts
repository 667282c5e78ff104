import { api, apiUrl } from '$lib/api';
import type { EmailJobDto, EmailPreviewDto, EmailSendInput, EmailSettingsDto, QueryOf, ResponseOf } from '$api';

export function emailSettings(eventId: string): Promise<EmailSettingsDto> {
  return api('GET /events/:id/outreach/email/settings', { params: { id: eventId } });
}

export function previewEmail(eventId: string, body: EmailSendInput): Promise<EmailPreviewDto> {
  return api('POST /events/:id/outreach/email/preview', { params: { id: eventId }, body });
}

export function startEmail(eventId: string, body: EmailSendInput): Promise<ResponseOf<'POST /events/:id/outreach/email'>> {
  return api('POST /events/:id/outreach/email', { params: { id: eventId }, body });
}

export function emailJob(eventId: string, jobId: string): Promise<EmailJobDto> {
  return api('GET /events/:id/outreach/email/:jobId', { params: { id: eventId, jobId } });
}

/** The event's calendar file, its location and governorate in the page's language. */
export const calendarHref = (eventId: string, language: NonNullable<QueryOf<'GET /events/:id/calendar.ics'>['lang']>) =>
  apiUrl('GET /events/:id/calendar.ics', { params: { id: eventId }, query: { lang: language } });
