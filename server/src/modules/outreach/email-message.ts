import type Mail from 'nodemailer/lib/mailer/index.js';
import type { MessageLanguage } from '../../domain/outreach/vocabulary.js';
import { LANGUAGE_TAGS, isRightToLeft } from '../../domain/language.js';
import type { CalendarFile } from './calendar.service.js';

/** One invitee's email: the rendered template as plain text and as simple HTML, with the event's calendar file. */
export interface EmailContent {
  from: string;
  to: { name: string; address: string };
  subject: string;
  body: string;
  link: string | null;
  language: MessageLanguage;
  calendar: CalendarFile;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** The body's lines as paragraphs, the reply link clickable (and kept left-to-right inside Arabic text). */
export function htmlBody(body: string, link: string | null, language: MessageLanguage): string {
  const dir = isRightToLeft(language) ? 'rtl' : 'ltr';
  const escapedLink = link ? escapeHtml(link) : null;
  const lines = body.split('\n').map((line) => {
    let html = escapeHtml(line);
    if (escapedLink) html = html.split(escapedLink).join(`<a href="${escapedLink}" dir="ltr">${escapedLink}</a>`);
    return `<p style="margin:0 0 12px">${html}</p>`;
  });
  return (
    `<!doctype html><html dir="${dir}" lang="${LANGUAGE_TAGS[language]}"><head><meta charset="utf-8"></head>` +
    `<body dir="${dir}" style="font-family:Tahoma,Arial,sans-serif;font-size:16px;line-height:1.6">` +
    `${lines.join('')}</body></html>`
  );
}

export function buildEmail(content: EmailContent): Mail.Options {
  return {
    from: content.from,
    to: { name: content.to.name, address: content.to.address },
    subject: content.subject,
    text: content.body,
    html: htmlBody(content.body, content.link, content.language),
    attachments: [
      {
        filename: content.calendar.name,
        content: content.calendar.body,
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
      },
    ],
  };
}
