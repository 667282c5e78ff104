import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { formatPhone } from '../../domain/phone.js';
import { baghdadDay, pickMobile, waUrl, whatsappDedupeKey } from '../../domain/outreach/whatsapp.js';
import { vCards } from '../../domain/outreach/vcard.js';
import type { MessageLanguage, MessagePurpose } from '../../domain/outreach/vocabulary.js';
import { hidesRestrictedDetails } from '../../access/restricted-details.js';
import { conflict, notFound } from '../../errors.js';
import { recordAudit, recordAudits } from '../audit/audit.repository.js';
import { assertEventWriter, loadEvent } from '../events/event-access.js';
import { loadForWrite } from '../events/invitations.service.js';
import { listInvitations, updateInvitations, type InvitationRow } from '../events/invitations.repository.js';
import { insertInteraction } from '../interactions/interactions.repository.js';
import { renderMessages } from './message-render.js';
import { ensureReplyLinks, type ReplyLinkContext } from './reply-links.service.js';
import * as repo from './outreach.repository.js';
import { refusing } from '../consent/consent.service.js';
import type {
  AudienceResultDto,
  MarkSentResultDto,
  NumbersResultDto,
  SelectionInput,
  SkippedDto,
  WhatsAppInput,
  WhatsAppResultDto,
} from './outreach.schemas.js';

const EVENT_OVER = 'This event is over; there is nobody left to invite or remind';

interface Reachable {
  invitation: InvitationRow;
  attendeeId: string;
  name: string;
  mobile: string;
}

const attendeeOf = (i: InvitationRow) => i.representative_id ?? i.contact_id;

/**
 * Splits invitations into those we can write to on WhatsApp and those we cannot, with the reason. A restricted
 * contact's number is used only by roles that may see it (access/restricted-details.ts); for the others it is hidden.
 * A person whose current consent says no to WhatsApp is skipped too (no_consent); an unknown answer is not a no.
 */
async function reachable(db: Db, actor: Actor, invitations: InvitationRow[]): Promise<{ reach: Reachable[]; skipped: SkippedDto[] }> {
  const people = new Map((await repo.attendeePhones(db, invitations.map(attendeeOf))).map((p) => [p.id, p]));
  const refusers = await refusing(db, invitations.map(attendeeOf), 'whatsapp');
  const reach: Reachable[] = [];
  const skipped: SkippedDto[] = [];
  for (const invitation of invitations) {
    const person = people.get(attendeeOf(invitation))!;
    const base = { invitationId: invitation.id, name: person.name };
    const mobile = pickMobile(person.phones);
    if (invitation.status === 'cancelled') skipped.push({ ...base, reason: 'cancelled' });
    else if (refusers.has(person.id)) skipped.push({ ...base, reason: 'no_consent' });
    else if (person.phones.length > 0 && hidesRestrictedDetails(actor, person)) skipped.push({ ...base, reason: 'phone_hidden' });
    else if (mobile === null) skipped.push({ ...base, reason: 'no_mobile' });
    else reach.push({ invitation, attendeeId: person.id, name: person.name, mobile });
  }
  return { reach, skipped };
}

/** Loads the selection for a staff action on an event that is not over; the order of the request is kept. */
async function selection(trx: Db, actor: Actor, eventId: string, ids: string[]) {
  const event = await loadEvent(trx, eventId, 'share');
  const rows = await loadForWrite(trx, actor, eventId, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { event, invitations: ids.map((id) => byId.get(id)!) };
}

/**
 * The WhatsApp walk-through: for each invitation in the selection, the rendered message with its reply link and the
 * wa.me address, recorded as a prepared message (one per invitee, purpose and Baghdad day); the rest skipped.
 */
export async function prepareWhatsApp(
  db: Db,
  actor: Actor,
  eventId: string,
  input: WhatsAppInput,
  ctx: ReplyLinkContext,
  now = new Date(),
): Promise<WhatsAppResultDto> {
  assertEventWriter(actor);
  return db.transaction().execute(async (trx) => {
    const { event, invitations } = await selection(trx, actor, eventId, input.invitationIds);
    if (event.ends_at.getTime() <= now.getTime()) throw conflict('EVENT_OVER', EVENT_OVER);
    const { reach, skipped } = await reachable(trx, actor, invitations);
    const sendable = reach.map((r) => r.invitation);
    const links = await ensureReplyLinks(trx, actor, eventId, sendable, ctx);
    const rendered = await renderMessages(trx, event, sendable, input.purpose, input.language, links);
    const dedupeKey = whatsappDedupeKey(input.purpose, now);
    const messages = await repo.upsertPreparedWhatsApp(
      trx,
      sendable.map((i) => ({
        event_id: eventId,
        invitation_id: i.id,
        purpose: input.purpose,
        language: input.language,
        dedupe_key: dedupeKey,
        created_by: actor.id,
      })),
    );
    const messageOf = new Map(messages.map((m) => [m.invitation_id, m]));
    // Numbers leave the app here, as with an export: who took which numbers, never the numbers themselves.
    await recordAudit(trx, {
      userId: actor.id,
      action: 'export',
      entityType: 'outreach_message',
      entityId: null,
      details: { eventId, channel: 'whatsapp', purpose: input.purpose, invitationIds: sendable.map((i) => i.id), skipped: skipped.length },
    });
    return {
      items: rendered.map((m, index) => {
        const { mobile } = reach[index];
        const message = messageOf.get(m.invitationId)!;
        return {
          invitationId: m.invitationId,
          messageId: message.id,
          name: m.name,
          phone: formatPhone(mobile),
          body: m.body,
          waUrl: waUrl(mobile, m.body),
          status: message.status,
        };
      }),
      skipped,
    };
  });
}

const SUMMARY: Record<MessagePurpose, Record<MessageLanguage, (event: string) => string>> = {
  invitation: {
    ar: (e) => `واتساب: دعوة إلى «${e}»`,
    en: (e) => `WhatsApp: invitation to "${e}"`,
    ku: (e) => `واتساپ: بانگھێشت بۆ «${e}»`,
  },
  reminder: {
    ar: (e) => `واتساب: تذكير بـ«${e}»`,
    en: (e) => `WhatsApp: reminder of "${e}"`,
    ku: (e) => `واتساپ: بیرخستنەوەی «${e}»`,
  },
};

/**
 * Staff confirm they sent a prepared message: it becomes sent, a proposed invitation becomes invited, and the message
 * goes on the attendee's timeline as an interaction. A second confirmation changes nothing.
 */
export async function markWhatsAppSent(
  db: Db,
  actor: Actor,
  eventId: string,
  messageId: string,
  now = new Date(),
): Promise<MarkSentResultDto> {
  assertEventWriter(actor);
  return db.transaction().execute(async (trx) => {
    const event = await loadEvent(trx, eventId, 'share');
    const message = await repo.findMessage(trx, eventId, messageId, true);
    if (!message || message.channel !== 'whatsapp') throw notFound('Message');
    const [invitation] = await loadForWrite(trx, actor, eventId, [message.invitation_id]);
    if (message.status === 'sent') {
      return {
        messageId,
        invitationId: invitation.id,
        status: 'sent',
        sentAt: message.sent_at!.toISOString(),
        invitationStatus: invitation.status,
        interactionId: null,
      };
    }
    if (invitation.status === 'cancelled')
      throw conflict('INVITATION_CANCELLED', 'This invitation was cancelled after the message was prepared');
    await repo.markMessageSent(trx, messageId, actor.id, now);
    let invitationStatus = invitation.status;
    if (invitation.status === 'proposed') {
      await updateInvitations(trx, [invitation], { status: 'invited' }, actor.id);
      invitationStatus = 'invited';
    }
    const interactionId = await insertInteraction(
      trx,
      {
        kind: 'message',
        occurred_on: baghdadDay(now),
        summary: SUMMARY[message.purpose][message.language](event.title),
        follow_up_on: null,
        follow_up_done: false,
        logged_by: actor.id,
      },
      [attendeeOf(invitation)],
    );
    await recordAudits(trx, [
      {
        userId: actor.id,
        action: 'update',
        entityType: 'outreach_message',
        entityId: messageId,
        changedFields: ['status', 'sent_at'],
        details: { eventId, invitationId: invitation.id, channel: 'whatsapp', purpose: message.purpose, interactionId },
      },
      ...(invitationStatus !== invitation.status
        ? [
            {
              userId: actor.id,
              action: 'update' as const,
              entityType: 'invitation' as const,
              entityId: invitation.id,
              changedFields: ['status'],
              details: { eventId, from: invitation.status, to: invitationStatus, via: 'whatsapp' },
            },
          ]
        : []),
      {
        userId: actor.id,
        action: 'create',
        entityType: 'interaction',
        entityId: interactionId,
        details: { kind: 'message', contactIds: [attendeeOf(invitation)] },
      },
    ]);
    return { messageId, invitationId: invitation.id, status: 'sent', sentAt: now.toISOString(), invitationStatus, interactionId };
  });
}

async function exportableNumbers(db: Db, actor: Actor, eventId: string, input: SelectionInput, what: 'numbers' | 'vcard') {
  assertEventWriter(actor);
  return db.transaction().execute(async (trx) => {
    const { event, invitations } = await selection(trx, actor, eventId, input.invitationIds);
    const { reach, skipped } = await reachable(trx, actor, invitations);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'export',
      entityType: 'outreach_message',
      entityId: null,
      details: { eventId, format: what, invitationIds: reach.map((r) => r.invitation.id), skipped: skipped.length },
    });
    return { event, reach, skipped };
  });
}

/** "Copy all selected numbers": the mobiles, E.164 and for reading; the same people skipped as in the walk-through. */
export async function selectedNumbers(db: Db, actor: Actor, eventId: string, input: SelectionInput): Promise<NumbersResultDto> {
  const { reach, skipped } = await exportableNumbers(db, actor, eventId, input, 'numbers');
  return {
    items: reach.map((r) => ({ invitationId: r.invitation.id, name: r.name, phone: r.mobile, display: formatPhone(r.mobile) })),
    skipped,
  };
}

/** The selected people as a vCard 3.0 file, for saving them in the phone before a WhatsApp broadcast. */
export async function selectedVCards(db: Db, actor: Actor, eventId: string, input: SelectionInput) {
  const { event, reach, skipped } = await exportableNumbers(db, actor, eventId, input, 'vcard');
  return {
    text: vCards(reach.map((r) => ({ name: r.name, phone: r.mobile, note: event.title }))),
    count: reach.length,
    skipped: skipped.length,
  };
}

/**
 * Who a reminder is for, among the invitations the caller can see: no_reply — invited and not answered yet;
 * confirmed — those who said yes (the day-before reminder).
 */
export async function reminderAudience(
  db: Db,
  actor: Actor,
  eventId: string,
  audience: 'no_reply' | 'confirmed',
): Promise<AudienceResultDto> {
  await loadEvent(db, eventId);
  const status = audience === 'no_reply' ? 'invited' : 'confirmed';
  const { rows } = await listInvitations(db, eventId, { status, visibleGovernorates: actor.governorates });
  return { invitationIds: rows.map((r) => r.id) };
}
