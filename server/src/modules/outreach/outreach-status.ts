import type { Db } from '../../db/database.js';
import { outreachFacts } from './outreach.repository.js';
import type { OutreachStatusDto } from './outreach.schemas.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The outreach status of a page of invitations, from one query (the list's per-row status and its filter). */
export async function outreachStatusOf(db: Db, invitationIds: string[]): Promise<Map<string, OutreachStatusDto>> {
  const rows = await outreachFacts(db, invitationIds);
  return new Map(
    rows.map((r) => [
      r.invitation_id,
      {
        lastMessage:
          r.last_channel && r.last_purpose && r.last_status && r.last_at
            ? { channel: r.last_channel, purpose: r.last_purpose, status: r.last_status, at: r.last_at.toISOString() }
            : null,
        lastSentAt: iso(r.last_sent_at),
        link:
          r.open_count === null
            ? null
            : { firstOpenedAt: iso(r.first_opened_at), lastOpenedAt: iso(r.last_opened_at), openCount: r.open_count },
        repliedViaLink: r.replied_at && r.replied_status ? { at: r.replied_at.toISOString(), status: r.replied_status } : null,
      },
    ]),
  );
}
