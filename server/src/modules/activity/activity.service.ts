import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { hiddenContactIds } from '../../access/contact-access.js';
import { listActivity } from './activity.repository.js';
import type { ActivityListDto, ActivityQueryInput } from './activity.schemas.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What changed in the caller's governorates over the last `days` days, newest first. */
export async function activityFeed(db: Db, actor: Actor, query: ActivityQueryInput, now = new Date()): Promise<ActivityListDto> {
  const since = new Date(now.getTime() - query.days * DAY_MS);
  const { rows, total } = await listActivity(db, {
    since,
    now,
    governorates: actor.governorates,
    limit: query.limit,
    offset: query.offset,
  });
  // A new focal point or the one before may be filed outside the caller's governorates although the office is not.
  const hidden = await hiddenContactIds(
    db,
    actor,
    rows.flatMap((r) =>
      r.kind === 'focal_point_replaced' ? [r.subject_id!, r.previous_id].filter((id): id is string => id !== null) : [],
    ),
  );
  const ref = (id: string | null, name: string | null) => (id && name !== null && !hidden.has(id) ? { id, name } : null);
  return {
    items: rows.map((r) => ({
      kind: r.kind,
      at: new Date(r.at).toISOString(),
      by: ref(r.user_id, r.user_name),
      contact: ref(r.contact_id, r.contact_name),
      subject: ref(r.subject_id, r.subject_name),
      previous: ref(r.previous_id, r.previous_name),
    })),
    total,
    limit: query.limit,
    offset: query.offset,
    since: since.toISOString(),
  };
}
