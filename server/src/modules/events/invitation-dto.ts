import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { hidesRestrictedDetails } from '../../access/restricted-details.js';
import type { SuggestionReason } from '../../domain/events/reasons.js';
import * as repo from './invitations.repository.js';
import { outreachStatusOf } from '../outreach/outreach-status.js';
import type { InvitationDto, PersonRefDto } from './invitations.schemas.js';
import { replyLinkFacts, type ReplyLinkFactsRow } from '../outreach/rsvp.repository.js';

const toReplyLinkFacts = (l: ReplyLinkFactsRow | undefined) =>
  l
    ? {
        openCount: l.open_count,
        firstOpenedAt: l.first_opened_at?.toISOString() ?? null,
        lastOpenedAt: l.last_opened_at?.toISOString() ?? null,
        repliedAt: l.replied_at ? new Date(l.replied_at).toISOString() : null,
        replyNote: l.reply_note,
      }
    : null;

export function toPersonRef(row: repo.PersonRefRow, actor: Actor): PersonRefDto {
  const hidden = hidesRestrictedDetails(actor, row);
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    governorates: row.governorates,
    gender: row.gender,
    sensitivity: row.sensitivity,
    organisation: row.organisation_id ? { id: row.organisation_id, name: row.organisation_name! } : null,
    phone: hidden ? null : row.phone,
    phoneHidden: hidden && row.phone !== null,
  };
}

export interface InvitationDtoOptions {
  withHistory?: boolean;
  /** The contacts and representatives of `rows`, when the caller has just read them: they are not read again. */
  people?: repo.PersonRefRow[];
}

export async function toInvitationDtos(
  db: Db,
  actor: Actor,
  rows: repo.InvitationRow[],
  { withHistory = false, people: known }: InvitationDtoOptions = {},
): Promise<InvitationDto[]> {
  const ids = rows.flatMap((r) => (r.representative_id ? [r.contact_id, r.representative_id] : [r.contact_id]));
  const knownIds = new Set(known?.map((p) => p.id));
  const [people, history, outreach, links] = await Promise.all([
    known && ids.every((id) => knownIds.has(id)) ? Promise.resolve(known) : repo.personRefs(db, ids),
    withHistory
      ? repo.historyOf(
          db,
          rows.map((r) => r.id),
        )
      : Promise.resolve([]),
    outreachStatusOf(
      db,
      rows.map((r) => r.id),
    ),
    replyLinkFacts(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  const byId = new Map(people.map((p) => [p.id, toPersonRef(p, actor)]));
  const linkOf = new Map(links.map((l) => [l.invitation_id, l]));
  return rows.map((row) => ({
    id: row.id,
    eventId: row.event_id,
    contact: byId.get(row.contact_id)!,
    representative: row.representative_id ? byId.get(row.representative_id)! : null,
    role: row.role,
    status: row.status,
    groupId: row.group_id,
    walkIn: row.walk_in,
    suggestionReasons: (row.suggestion_reason as SuggestionReason[] | null) ?? null,
    quotaGovernorate: row.quota_governorate ?? byId.get(row.contact_id)!.governorates[0] ?? null,
    checkInCode: row.check_in_code,
    statusChangedAt: row.status_changed_at.toISOString(),
    statusChangedBy: row.status_changed_by ? { id: row.status_changed_by, name: row.status_changed_by_name ?? '' } : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
    outreach: outreach.get(row.id),
    replyLink: toReplyLinkFacts(linkOf.get(row.id)),
    ...(withHistory
      ? {
          history: history
            .filter((h) => h.invitation_id === row.id)
            .map((h) => ({
              fromStatus: h.from_status,
              toStatus: h.to_status,
              changedAt: h.changed_at.toISOString(),
              changedBy: h.changed_by ? { id: h.changed_by, name: h.changed_by_name ?? '' } : null,
              source: h.source,
              note: h.note,
            })),
        }
      : {}),
  }));
}
