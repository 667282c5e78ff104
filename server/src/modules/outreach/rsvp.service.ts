import type { Db } from '../../db/database.js';
import { canTransition, type InvitationStatus } from '../../domain/events/vocabulary.js';
import { eventDate, eventTime } from '../../domain/outreach/event-when.js';
import { inEveryLanguage } from '../../domain/language.js';
import { stripBidiControls } from '../../domain/text/clean-text.js';
import { AppError, conflict } from '../../errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import { markOpened } from './reply-links.repository.js';
import { resolveReplyToken, type ResolvedReplyLink } from './reply-token.service.js';
import * as repo from './rsvp.repository.js';
import type { RsvpAnswer, RsvpAnswerInput, RsvpViewDto } from './rsvp.schemas.js';

const ANSWERS: Record<InvitationStatus, RsvpAnswer> = {
  proposed: 'awaiting',
  invited: 'awaiting',
  confirmed: 'attending',
  declined: 'declined',
  attended: 'attended',
  no_show: 'no_show',
  // A cancelled invitation's link answers 410 before anything is shown.
  cancelled: 'declined',
};

export const replyClosed = () => conflict('REPLY_CLOSED', 'The event has started; answers can no longer be changed here');

/** Answering is possible until the event starts, and only while the invitation still waits for or holds an answer. */
const canAnswer = ({ invitation, event }: ResolvedReplyLink, now: Date) =>
  event.starts_at.getTime() > now.getTime() && ['proposed', 'invited', 'confirmed', 'declined'].includes(invitation.status);

async function toView(db: Db, resolved: ResolvedReplyLink, now: Date): Promise<RsvpViewDto> {
  const { invitation, event } = resolved;
  const [name, governorate, note] = await Promise.all([
    repo.attendeeName(db, invitation.id),
    event.governorate_code ? repo.governorateName(db, event.governorate_code) : Promise.resolve(undefined),
    repo.lastReplyNote(db, invitation.id),
  ]);
  return {
    name,
    event: {
      title: event.title,
      startsAt: event.starts_at.toISOString(),
      endsAt: event.ends_at.toISOString(),
      date: inEveryLanguage((language) => eventDate(event.starts_at, language)),
      time: inEveryLanguage((language) => eventTime(event.starts_at, event.ends_at, language)),
      venue: event.venue,
      governorate: governorate ?? null,
      contactPhone: event.contact_phone,
    },
    answer: ANSWERS[invitation.status],
    note,
    canAnswer: canAnswer(resolved, now),
    checkInCode: invitation.status === 'confirmed' ? invitation.check_in_code : null,
  };
}

/** The invitee opens their page: counted on the link (staff see "opened n times"). */
export async function viewReply(db: Db, token: string, now = new Date()): Promise<RsvpViewDto> {
  const resolved = await resolveReplyToken(db, token, now);
  await markOpened(db, resolved.linkId);
  return toView(db, resolved, now);
}

/**
 * The moves an answer makes. A proposed invitation can only have a link if staff issued one, i.e. meant to invite:
 * answering then records the invitation first (proposed -> invited) and the answer after it, both via the link, so
 * the history keeps to the allowed transitions. The same answer again moves nothing.
 */
function movesFor(status: InvitationStatus, to: 'confirmed' | 'declined', note: string | null): repo.ReplyMove[] | AppError {
  if (status === to) return [];
  if (status === 'proposed')
    return [
      { from: 'proposed', to: 'invited', note: null },
      { from: 'invited', to, note },
    ];
  return canTransition(status, to) ? [{ from: status, to, note }] : replyClosed();
}

const cleanNote = (note: string | null | undefined) => (note ? stripBidiControls(note, { keepMarks: true }).trim() || null : null);

/**
 * The invitee answers. Quotas and capacity are not checked: the invitee is already on the list, and refusing their
 * "yes" would only hide it from staff. One transaction with the invitation row locked, so concurrent answers on the
 * same link apply one after the other.
 */
export async function answerReply(db: Db, token: string, input: RsvpAnswerInput, now = new Date()): Promise<RsvpViewDto> {
  const to = input.response === 'attend' ? 'confirmed' : 'declined';
  const note = cleanNote(input.note);
  return db.transaction().execute(async (trx) => {
    const resolved = await resolveReplyToken(trx, token, now, true);
    if (!canAnswer(resolved, now)) throw replyClosed();
    const { invitation, event } = resolved;
    const moves = movesFor(invitation.status, to, note);
    if (moves instanceof AppError) throw moves;
    if (moves.length) {
      await repo.recordReply(trx, invitation.id, moves, now);
      await recordAudit(trx, {
        userId: null,
        action: 'update',
        entityType: 'invitation',
        entityId: invitation.id,
        details: { eventId: event.id, via: 'reply_link', from: invitation.status, to },
      });
    }
    return toView(trx, { ...resolved, invitation: { ...invitation, status: moves.length ? to : invitation.status } }, now);
  });
}
