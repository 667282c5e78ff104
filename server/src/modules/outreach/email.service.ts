import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import type { MailConfig } from '../../config.js';
import { AppError, conflict, notFound } from '../../errors.js';
import { hidesRestrictedDetails } from '../../access/restricted-details.js';
import { isContactVisible } from '../../access/actor-access.js';
import { canTransition } from '../../domain/events/vocabulary.js';
import type { MessagePurpose } from '../../domain/outreach/vocabulary.js';
import { recordAudit } from '../audit/audit.repository.js';
import { assertEventWriter, loadEvent } from '../events/event-access.js';
import type { EventRow } from '../events/events.repository.js';
import { loadForWrite } from '../events/invitations.service.js';
import { findInvitations, personRefs, updateInvitations, type InvitationRow } from '../events/invitations.repository.js';
import { baghdadWallTime } from './calendar-file.js';
import { scheduleSequence } from './calendar.repository.js';
import { calendarFileOf, type CalendarContext } from './calendar.service.js';
import { buildEmail } from './email-message.js';
import type { MailSender } from './email-sender.js';
import * as repo from './email-jobs.repository.js';
import type { EmailJobDto, EmailPreviewDto, EmailSendInput, EmailSettingsDto, SkipReason } from './email.schemas.js';
import { renderMessages } from './message-render.js';
import { ensureReplyLinks, type ReplyLinkContext } from './reply-links.service.js';
import { refusing } from '../consent/consent.service.js';

export const MAIL_NOT_CONFIGURED_HINT =
  'Email is not set up on this server. Set SMTP_URL (e.g. smtps://user:password@smtp.example.org:465) and MAIL_FROM ' +
  '(e.g. "Organisation <events@example.org>") and restart; see "Email" in the README.';

const mailNotConfigured = () => new AppError(409, 'MAIL_NOT_CONFIGURED', MAIL_NOT_CONFIGURED_HINT);

/** The mail set-up a send needs: transport, From, and what calendar files carry. */
export interface EmailContext {
  mail: MailConfig | null;
  sender: MailSender | null;
  calendar: CalendarContext;
  jobs: BackgroundJobs;
  log: FastifyBaseLogger;
}

/**
 * Sends run after the request has answered, in this process; their progress is in the database. The set keeps the
 * running ones so closing the server waits for them instead of cutting a send in half.
 */
export class BackgroundJobs {
  private readonly running = new Set<Promise<void>>();

  start(task: () => Promise<void>): void {
    const promise: Promise<void> = task().finally(() => this.running.delete(promise));
    this.running.add(promise);
  }

  async drain(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }
}

/**
 * One message per person and purpose: the invitation once per event time (a new time, a new SEQUENCE, may be
 * announced again with its updated calendar file); a reminder once per Baghdad day.
 */
export function dedupeKey(purpose: MessagePurpose, sequence: number, now = new Date()): string {
  return purpose === 'invitation' ? `invitation:${sequence}` : `reminder:${baghdadWallTime(now).slice(0, 10)}`;
}

export function emailSettings(mail: MailConfig | null): EmailSettingsDto {
  return mail ? { configured: true, from: mail.from, hint: null } : { configured: false, from: null, hint: MAIL_NOT_CONFIGURED_HINT };
}

export async function eventEmailSettings(db: Db, eventId: string, mail: MailConfig | null): Promise<EmailSettingsDto> {
  await loadEvent(db, eventId);
  return emailSettings(mail);
}

interface Plan {
  sendable: { invitation: InvitationRow; address: string }[];
  skipped: (repo.SkippedItem & { reason: SkipReason })[];
}

/** Who gets an email and who is skipped, and why; addresses of restricted contacts only for roles that may see them. */
async function planEmails(db: Db, actor: Actor, invitations: InvitationRow[], key: string): Promise<Plan> {
  const attendeeOf = (i: InvitationRow) => i.representative_id ?? i.contact_id;
  const open = invitations.filter((i) => i.status !== 'cancelled');
  const addresses = new Map((await repo.attendeeAddresses(db, open.map(attendeeOf))).map((a) => [a.id, a]));
  const existing = new Map(
    (
      await repo.existingMessages(
        db,
        open.map((i) => i.id),
        key,
      )
    ).map((m) => [m.invitation_id, m.status]),
  );
  const refusers = await refusing(db, open.map(attendeeOf), 'email');
  const plan: Plan = { sendable: [], skipped: [] };
  for (const invitation of invitations) {
    const skip = (reason: SkipReason) => plan.skipped.push({ invitationId: invitation.id, reason });
    const attendee = addresses.get(attendeeOf(invitation));
    const before = existing.get(invitation.id);
    if (invitation.status === 'cancelled') skip('cancelled');
    else if (refusers.has(attendeeOf(invitation))) skip('no_consent');
    else if (!attendee?.email) skip('no_email');
    else if (hidesRestrictedDetails(actor, attendee)) skip('email_hidden');
    else if (before === 'sent') skip('already_sent');
    else if (before === 'prepared') skip('in_progress');
    else plan.sendable.push({ invitation, address: attendee.email });
  }
  return plan;
}

function countSkips(skipped: { reason: SkipReason }[]): EmailPreviewDto['skipped'] {
  const counts = { no_email: 0, email_hidden: 0, cancelled: 0, already_sent: 0, in_progress: 0, no_consent: 0 };
  for (const s of skipped) counts[s.reason] += 1;
  return counts;
}

async function loadForSend(trx: Db, actor: Actor, eventId: string, invitationIds: string[]) {
  const event = await loadEvent(trx, eventId, 'share');
  if (event.ends_at.getTime() <= Date.now()) throw conflict('EVENT_OVER', 'This event is over; no more messages go out for it');
  const invitations = await loadForWrite(trx, actor, eventId, invitationIds);
  const sequence = await scheduleSequence(trx, eventId);
  return { event, invitations, sequence };
}

/** The confirmation's numbers ("send to 12 people; 3 have no email") without sending anything. */
export async function previewEmail(db: Db, actor: Actor, eventId: string, input: EmailSendInput): Promise<EmailPreviewDto> {
  assertEventWriter(actor);
  return db.transaction().execute(async (trx) => {
    const { invitations, sequence } = await loadForSend(trx, actor, eventId, input.invitationIds);
    const plan = await planEmails(trx, actor, invitations, dedupeKey(input.purpose, sequence));
    return { total: invitations.length, sendable: plan.sendable.length, skipped: countSkips(plan.skipped) };
  });
}

interface Work {
  messageId: string;
  invitationId: string;
  mail: ReturnType<typeof buildEmail>;
}

/** Queues the emails (202 with the job id) and sends them in the background; the job row tells the progress. */
export async function startEmailJob(
  db: Db,
  actor: Actor,
  eventId: string,
  input: EmailSendInput,
  ctx: EmailContext,
  links: ReplyLinkContext,
): Promise<{ jobId: string }> {
  assertEventWriter(actor);
  const { mail, sender } = ctx;
  if (!mail || !sender) throw mailNotConfigured();
  const jobId = randomUUID();
  const work = await db.transaction().execute(async (trx) => {
    const { event, invitations, sequence } = await loadForSend(trx, actor, eventId, input.invitationIds);
    const key = dedupeKey(input.purpose, sequence);
    const plan = await planEmails(trx, actor, invitations, key);
    const claimed = await repo.claimMessages(trx, {
      eventId,
      invitationIds: plan.sendable.map((s) => s.invitation.id),
      purpose: input.purpose,
      language: input.language,
      dedupeKey: key,
      jobId,
      userId: actor.id,
    });
    const claimedIds = new Map(claimed.map((c) => [c.invitation_id, c.id]));
    // Another request claimed it between our read and our insert: it is that job's to send.
    const lost = plan.sendable.filter((s) => !claimedIds.has(s.invitation.id));
    const skipped = [...plan.skipped, ...lost.map((s) => ({ invitationId: s.invitation.id, reason: 'in_progress' as const }))];
    await repo.insertJob(trx, { id: jobId, eventId, purpose: input.purpose, language: input.language, skipped, userId: actor.id });
    const sending = plan.sendable.filter((s) => claimedIds.has(s.invitation.id));
    return composeEmails(trx, actor, event, sequence, sending, claimedIds, input, ctx, links);
  });
  ctx.jobs.start(() => runEmailJob(db, sender, actor.id, eventId, jobId, input, work, ctx.log));
  return { jobId };
}

async function composeEmails(
  trx: Db,
  actor: Actor,
  event: EventRow,
  sequence: number,
  sending: Plan['sendable'],
  messageIds: Map<string, string>,
  input: EmailSendInput,
  ctx: EmailContext,
  links: ReplyLinkContext,
): Promise<Work[]> {
  if (sending.length === 0) return [];
  const invitations = sending.map((s) => s.invitation);
  const linkOf = await ensureReplyLinks(trx, actor, event.id, invitations, links);
  const rendered = await renderMessages(trx, event, invitations, input.purpose, input.language, linkOf);
  const addressOf = new Map(sending.map((s) => [s.invitation.id, s.address]));
  return rendered.map((m) => {
    const link = linkOf.get(m.invitationId)?.url ?? null;
    return {
      messageId: messageIds.get(m.invitationId)!,
      invitationId: m.invitationId,
      mail: buildEmail({
        from: ctx.mail!.from,
        to: { name: m.name, address: addressOf.get(m.invitationId)! },
        subject: m.subject,
        body: m.body,
        link,
        language: input.language,
        calendar: calendarFileOf(event, sequence, ctx.calendar, input.language, link),
      }),
    };
  });
}

const PARALLEL_SENDS = 4;
/** The failure reason shown for a message its job never got to, because the job stopped (restart, crash). */
const INTERRUPTED = 'interrupted: the send stopped before this message; send again to retry';

/** Sends each message, records its outcome, and moves a proposed invitee to invited once their invitation went out. */
async function runEmailJob(
  db: Db,
  sender: MailSender,
  userId: string,
  eventId: string,
  jobId: string,
  input: EmailSendInput,
  work: Work[],
  log: FastifyBaseLogger,
): Promise<void> {
  const counts = { sent: 0, failed: 0 };
  let next = 0;
  const worker = async () => {
    while (next < work.length) {
      const item = work[next++];
      const outcome = await sender.send(item.mail);
      counts[outcome.ok ? 'sent' : 'failed'] += 1;
      await db.transaction().execute(async (trx) => {
        await repo.markMessage(trx, item.messageId, outcome);
        if (outcome.ok && input.purpose === 'invitation') await markInvited(trx, eventId, item.invitationId, userId);
      });
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(PARALLEL_SENDS, work.length) }, worker));
  } catch (err) {
    // Ids and counts only: the error may quote a message, and messages hold addresses.
    log.error({ jobId, err: err instanceof Error ? err.name : 'error' }, 'email job stopped early');
  } finally {
    await db.transaction().execute(async (trx) => {
      await repo.finishJob(trx, jobId);
      await recordAudit(trx, {
        userId,
        action: 'create',
        entityType: 'outreach_message',
        entityId: jobId,
        details: {
          eventId,
          channel: 'email',
          purpose: input.purpose,
          language: input.language,
          requested: input.invitationIds.length,
          ...counts,
        },
      });
    });
  }
}

async function markInvited(trx: Db, eventId: string, invitationId: string, userId: string) {
  const [row] = await findInvitations(trx, eventId, [invitationId], true);
  if (row?.status === 'proposed' && canTransition('proposed', 'invited')) {
    await updateInvitations(trx, [row], { status: 'invited' }, userId);
  }
}

/** The job's progress; any signed-in role may follow it, and sees only the invitations in their governorates. */
export async function emailJobProgress(db: Db, actor: Actor, eventId: string, jobId: string): Promise<EmailJobDto> {
  const job = await repo.findJob(db, eventId, jobId);
  if (!job) throw notFound('Email job');
  const messages = await repo.jobMessages(db, jobId);
  const ids = [...messages.map((m) => m.invitation_id), ...job.skipped.map((s) => s.invitationId)];
  const invitations = new Map((await findInvitations(db, eventId, ids)).map((i) => [i.id, i]));
  const people = new Map(
    (
      await personRefs(
        db,
        [...invitations.values()].flatMap((i) => [i.contact_id, i.representative_id ?? i.contact_id]),
      )
    ).map((p) => [p.id, p]),
  );
  const visible = (invitationId: string) => {
    const invitation = invitations.get(invitationId);
    const invitee = invitation && people.get(invitation.contact_id);
    return Boolean(invitee) && isContactVisible(actor, invitee!.governorates);
  };
  const nameOf = (invitationId: string) => {
    const i = invitations.get(invitationId)!;
    return people.get(i.representative_id ?? i.contact_id)?.name ?? '';
  };
  const items: EmailJobDto['items'] = [
    ...messages.map((m) => ({
      invitationId: m.invitation_id,
      ...(m.status === 'sent'
        ? { status: 'sent' as const, reason: m.failure_reason }
        : m.status === 'prepared' && !job.abandoned
          ? { status: 'pending' as const, reason: null }
          : // Still prepared in an abandoned job: it never went out (or we cannot know); a new send takes it again.
            { status: 'failed' as const, reason: m.status === 'prepared' ? INTERRUPTED : m.failure_reason }),
    })),
    ...job.skipped.map((s) => ({ invitationId: s.invitationId, status: 'skipped' as const, reason: s.reason })),
  ]
    .filter((item) => visible(item.invitationId))
    .map((item) => ({ ...item, name: nameOf(item.invitationId) }));
  const count = (status: EmailJobDto['items'][number]['status']) => items.filter((i) => i.status === status).length;
  return {
    jobId: job.id,
    purpose: job.purpose,
    language: job.language,
    createdAt: job.created_at.toISOString(),
    total: items.length,
    sent: count('sent'),
    failed: count('failed'),
    skipped: count('skipped'),
    pending: count('pending'),
    done: job.finished_at !== null || job.abandoned,
    items,
  };
}
