import nodemailer, { type Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';

/**
 * The SMTP side of email sending: one pooled nodemailer transport per server, from SMTP_URL. A temporary refusal
 * (4xx) or a dropped connection is tried once more; a permanent one (5xx) is not. The server's reason is kept for the
 * outreach log with any address in it masked, because failure reasons are shown to staff and stored.
 */

export interface SendOutcome {
  ok: boolean;
  attempts: number;
  /** The SMTP server's words (or the connection error), addresses masked; null when sent. */
  reason: string | null;
}

export interface MailSender {
  send(message: Mail.Options): Promise<SendOutcome>;
  close(): void;
}

interface SmtpError {
  responseCode?: number;
  response?: string;
  code?: string;
  message?: string;
}

const ADDRESS = /<?[^\s<>@]+@[^\s<>@]+>?/g;

export const maskAddresses = (text: string) => text.replace(ADDRESS, '<address>');

/** 4xx and connection trouble may pass on a second try; 5xx will not. */
export function isTemporary(error: SmtpError): boolean {
  if (typeof error.responseCode === 'number') return error.responseCode >= 400 && error.responseCode < 500;
  return true;
}

function reasonOf(error: SmtpError): string {
  const text = error.response ?? error.message ?? error.code ?? 'unknown error';
  return maskAddresses(text).slice(0, 500);
}

export function createMailSender(smtpUrl: string, options: { retryDelayMs?: number } = {}): MailSender {
  const transport: Transporter = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 4,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  const retryDelayMs = options.retryDelayMs ?? 2_000;
  return {
    async send(message) {
      for (let attempt = 1; ; attempt += 1) {
        try {
          await transport.sendMail(message);
          return { ok: true, attempts: attempt, reason: null };
        } catch (err) {
          const error = err as SmtpError;
          if (attempt >= 2 || !isTemporary(error)) return { ok: false, attempts: attempt, reason: reasonOf(error) };
          await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
        }
      }
    },
    close: () => transport.close(),
  };
}
