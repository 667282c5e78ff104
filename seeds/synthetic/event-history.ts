/**
 * Event history on top of a loaded synthetic directory, for the events benchmark: past events spread over three
 * years with random invitation lists (most attended, some no-shows, declines and unanswered), and current positions
 * that tie people to organisations. Set-based SQL (INSERT … SELECT over generate_series), one transaction,
 * setseed() for repeatable choices.
 */
import { sql } from 'kysely';
import type { Db } from '../../server/src/db/database.js';

export interface EventHistoryOptions {
  events: number;
  invitationsPerEvent: number;
  /** Share of people given a current position in one of the directory's organisations. */
  employedShare: number;
  /** In [-1, 1], for setseed(). */
  seed: number;
}

export const DEFAULT_EVENT_HISTORY: EventHistoryOptions = { events: 300, invitationsPerEvent: 100, employedShare: 0.5, seed: 0.5 };

const DAYS = 1_100;

export async function loadEventHistory(db: Db, options: EventHistoryOptions = DEFAULT_EVENT_HISTORY) {
  return db.transaction().execute(async (trx) => {
    const run = (query: ReturnType<typeof sql>) => query.execute(trx);
    await run(sql`SELECT setseed(${options.seed})`);
    await run(sql`CREATE TEMP TABLE bench_contact ON COMMIT DROP AS
      SELECT row_number() OVER (ORDER BY id)::int AS n, id FROM contact`);
    await run(sql`CREATE UNIQUE INDEX ON bench_contact (n)`);
    await run(sql`CREATE TEMP TABLE bench_org ON COMMIT DROP AS
      SELECT row_number() OVER (ORDER BY id)::int AS n, id FROM contact WHERE kind = 'organization'`);
    await run(sql`CREATE UNIQUE INDEX ON bench_org (n)`);

    await run(sql`
      WITH orgs AS (SELECT count(*)::int AS total FROM bench_org),
      people AS (
        SELECT c.id, 1 + floor(power(random(), 2) * o.total)::int AS org_n
        FROM contact c CROSS JOIN orgs o
        WHERE c.kind IN ('activist', 'government_focal_point') AND random() < ${options.employedShare}
      )
      INSERT INTO position (person_id, organization_id, title, start_date)
      SELECT people.id, bench_org.id, 'عضو', current_date - 400 FROM people JOIN bench_org ON bench_org.n = people.org_n`);

    await run(sql`
      INSERT INTO event (title, type, starts_at, ends_at, governorate_code)
      SELECT 'فعالية سابقة ' || g, 'workshop', d, d + interval '6 hours',
        (SELECT code FROM governorate ORDER BY sort_order OFFSET floor(random() * 19 + 0 * g)::int LIMIT 1)
      FROM (SELECT g, (current_date - 1 - floor(random() * ${DAYS})::int)::timestamp + interval '9 hours' AS d
            FROM generate_series(1, ${options.events}) g) e`);

    await run(sql`
      WITH pool_size AS (SELECT count(*)::int AS total FROM bench_contact),
      picks AS (
        SELECT e.id AS event_id, 1 + floor(random() * s.total)::int AS n, random() AS roll
        FROM event e CROSS JOIN pool_size s CROSS JOIN generate_series(1, ${options.invitationsPerEvent})
      )
      INSERT INTO invitation (event_id, contact_id, status)
      SELECT picks.event_id, c.id,
        CASE WHEN roll < 0.6 THEN 'attended' WHEN roll < 0.7 THEN 'no_show' WHEN roll < 0.8 THEN 'declined'
             WHEN roll < 0.9 THEN 'cancelled' ELSE 'invited' END
      FROM picks JOIN bench_contact c ON c.n = picks.n
      ON CONFLICT DO NOTHING`);

    const count = async (table: 'event' | 'invitation' | 'position') =>
      Number(
        (
          await trx
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return { events: await count('event'), invitations: await count('invitation'), positions: await count('position') };
  });
}
