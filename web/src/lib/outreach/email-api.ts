import { apiRequest } from '$lib/api';
import type { EmailJobDto, EmailPreviewDto, EmailSendInput, EmailSettingsDto } from '$api';

const base = (eventId: string) => `/events/${encodeURIComponent(eventId)}/outreach/email`;

export function emailSettings(eventId: string): Promise<EmailSettingsDto> {
  return apiRequest('GET', `${base(eventId)}/settings`);
}

export function previewEmail(eventId: string, body: EmailSendInput): Promise<EmailPreviewDto> {
  return apiRequest('POST', `${base(eventId)}/preview`, { body });
}

export function startEmail(eventId: string, body: EmailSendInput): Promise<{ jobId: string }> {
  return apiRequest('POST', base(eventId), { body });
}

export function emailJob(eventId: string, jobId: string): Promise<EmailJobDto> {
  return apiRequest('GET', `${base(eventId)}/${encodeURIComponent(jobId)}`);
}

/** The event's calendar file, its location and governorate in the page's language. */
export const calendarHref = (eventId: string, language: string) =>
  `/api/events/${encodeURIComponent(eventId)}/calendar.ics?lang=${language}`;
