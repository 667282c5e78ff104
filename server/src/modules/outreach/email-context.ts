import type { FastifyInstance } from 'fastify';
import type { MailConfig } from '../../config.js';
import { createMailSender } from './email-sender.js';
import { BackgroundJobs, type EmailContext } from './email.service.js';
import type { CalendarContext } from './calendar.service.js';

/**
 * The server's mail set-up: one SMTP transport (when SMTP_URL is set) and the running send jobs; closing the server
 * waits for those jobs, then closes the transport.
 */
export function emailRouteOptions(app: FastifyInstance, publicUrl: string | null, mail: MailConfig | null): Omit<EmailContext, 'log'> {
  // The UID's domain must not depend on the address a request came to, or one event would get two calendar entries.
  const calendar: CalendarContext = {
    uidDomain: publicUrl ? new URL(publicUrl).hostname : 'stakeholder-directory',
    mailFrom: mail?.from ?? null,
  };
  const sender = mail ? createMailSender(mail.url) : null;
  const jobs = new BackgroundJobs();
  app.addHook('onClose', async () => {
    await jobs.drain();
    sender?.close();
  });
  return { mail, sender, calendar, jobs };
}
