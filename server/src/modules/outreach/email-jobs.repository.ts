import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Sensitivity } from '../../domain/contact-kinds.js';
import type { MessageLanguage, MessagePurpose, OutreachMessageStatus } from '../../domain/outreach/vocabulary.js';

export interface SkippedItem {
  invitationId: string;
  reason: string;
}

export interface AttendeeAddressRow {
  id: string;
  email: string | null;
  sensitivity: Sensitivity;
}

/** Each attendee's first email and sensitivity; read only to send, never returned by the API. */
export async function attendeeAddresses(db: Db, contactIds: string[]): Promise<AttendeeAddressRow[]> {
  if (contactIds.length === 0) return [];
  return db
    .selectFrom('contact')
    .select(['id', 'sensitivity', sql<string | null>`emails[1]`.as('email')])
    .where('id', 'in', [...new Set(contactIds)])
    .execute();
}

/**
 * A job whose process died (restart, crash) leaves its messages `prepared`. They are free again once the job is
 * known to be over: it finished with them still prepared (stopped early), or an hour passed without it finishing.
 * An hour is far beyond a real send (hundreds of emails take seconds to minutes).
 */
const jobAbandoned = sql<boolean>`(outreach_job.finished_at IS NOT NULL OR outreach_job.created_at < now() - interval '1 hour')`;

export interface ExistingMessageRow {
  invitation_id: string;
  status: OutreachMessageStatus;
}

/** Email messages already recorded under this dedupe key (sent, failed, or being sent by another job); one left by an abandoned job counts as failed. */
export async function existingMessages(db: Db, invitationIds: string[], dedupeKey: string): Promise<ExistingMessageRow[]> {
  if (invitationIds.length === 0) return [];
  return db
    .selectFrom('outreach_message')
    .leftJoin('outreach_job', 'outreach_job.id', 'outreach_message.job_id')
    .select((eb) => [
      'outreach_message.invitation_id',
      eb
        .case()
        .when(eb.and([eb('outreach_message.status', '=', 'prepared'), jobAbandoned]))
        .then(sql.lit('failed'))
        .else(eb.ref('outreach_message.status'))
        .end()
        .$castTo<OutreachMessageStatus>()
        .as('status'),
    ])
    .where('outreach_message.invitation_id', 'in', invitationIds)
    .where('outreach_message.channel', '=', 'email')
    .where('outreach_message.dedupe_key', '=', dedupeKey)
    .execute();
}

export interface ClaimInput {
  eventId: string;
  invitationIds: string[];
  purpose: MessagePurpose;
  language: MessageLanguage;
  dedupeKey: string;
  jobId: string;
  userId: string;
}

/**
 * Takes the message rows this job will send: new ones, earlier failures (tried again) and those an abandoned job left.
 * A row already sent or being sent stays as it is and is not returned, so two clicks, or two instances, never send one
 * message twice.
 */
export async function claimMessages(db: Db, c: ClaimInput): Promise<{ id: string; invitation_id: string }[]> {
  if (c.invitationIds.length === 0) return [];
  return db
    .insertInto('outreach_message')
    .values(
      c.invitationIds.map((invitationId) => ({
        event_id: c.eventId,
        invitation_id: invitationId,
        channel: 'email' as const,
        purpose: c.purpose,
        language: c.language,
        status: 'prepared' as const,
        dedupe_key: c.dedupeKey,
        job_id: c.jobId,
        created_by: c.userId,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['invitation_id', 'channel', 'dedupe_key'])
        .doUpdateSet((eb) => ({
          status: 'prepared' as const,
          job_id: eb.ref('excluded.job_id'),
          language: eb.ref('excluded.language'),
          created_by: eb.ref('excluded.created_by'),
          failure_reason: null,
        }))
        .where((eb) =>
          eb.or([
            eb('outreach_message.status', '=', 'failed'),
            eb.and([
              eb('outreach_message.status', '=', 'prepared'),
              eb('outreach_message.job_id', 'in', eb.selectFrom('outreach_job').select('outreach_job.id').where(jobAbandoned)),
            ]),
          ]),
        ),
    )
    .returning(['id', 'invitation_id'])
    .execute();
}

export async function insertJob(
  db: Db,
  job: { id: string; eventId: string; purpose: MessagePurpose; language: MessageLanguage; skipped: SkippedItem[]; userId: string },
): Promise<void> {
  await db
    .insertInto('outreach_job')
    .values({
      id: job.id,
      event_id: job.eventId,
      channel: 'email',
      purpose: job.purpose,
      language: job.language,
      skipped: JSON.stringify(job.skipped),
      created_by: job.userId,
    })
    .execute();
}

export async function markMessage(db: Db, id: string, outcome: { ok: boolean; attempts: number; reason: string | null }): Promise<void> {
  await db
    .updateTable('outreach_message')
    .set((eb) => ({
      status: outcome.ok ? ('sent' as const) : ('failed' as const),
      failure_reason: outcome.reason,
      attempts: eb('attempts', '+', outcome.attempts),
      sent_at: outcome.ok ? new Date() : null,
    }))
    .where('id', '=', id)
    .execute();
}

export async function finishJob(db: Db, jobId: string): Promise<void> {
  await db.updateTable('outreach_job').set({ finished_at: new Date() }).where('id', '=', jobId).execute();
}

export async function findJob(db: Db, eventId: string, jobId: string) {
  return db
    .selectFrom('outreach_job')
    .select(['id', 'event_id', 'purpose', 'language', 'skipped', 'created_at', 'finished_at', jobAbandoned.as('abandoned')])
    .where('id', '=', jobId)
    .where('event_id', '=', eventId)
    .executeTakeFirst();
}

export async function jobMessages(db: Db, jobId: string) {
  return db
    .selectFrom('outreach_message')
    .select(['invitation_id', 'status', 'failure_reason'])
    .where('job_id', '=', jobId)
    .where('channel', '=', 'email')
    .execute();
}
