/**
 * Partnership history on top of a loaded synthetic directory, for the management benchmark: a fixed number of
 * government bodies with focal points (some positions ended, some bodies left vacant), interactions with 1–3
 * participants spread over three years (a share aimed at bodies and their people), events with invitations and
 * attendance, and creation dates spread over the same years.
 *
 * Written as set-based SQL (INSERT … SELECT over generate_series) rather than rows built in TypeScript: 200k
 * interactions and their participants load in seconds even on the embedded database. setseed() makes random()
 * repeatable within the one connection the whole load runs on; ids are still fresh uuids each run.
 */
import { sql } from 'kysely';
import type { Db } from '../../server/src/db/database.js';

export interface PartnershipHistoryOptions {
  /** Government bodies to keep; the directory's others become subtype 'other'. */
  bodies: number;
  interactions: number;
  events: number;
  invitationsPerEvent: number;
  /** In [-1, 1], for setseed(). */
  seed: number;
}

export const DEFAULT_HISTORY: PartnershipHistoryOptions = {
  bodies: 2_000,
  interactions: 200_000,
  events: 400,
  invitationsPerEvent: 40,
  seed: 0.2026,
};

export interface PartnershipHistorySummary {
  bodies: number;
  positions: number;
  endedPositions: number;
  interactions: number;
  participants: number;
  events: number;
  invitations: number;
}

const DAYS = 1_100;

export async function loadPartnershipHistory(
  db: Db,
  options: PartnershipHistoryOptions = DEFAULT_HISTORY,
): Promise<PartnershipHistorySummary> {
  return db.transaction().execute(async (trx) => {
    const run = (query: ReturnType<typeof sql>) => query.execute(trx);
    await run(sql`SELECT setseed(${options.seed})`);

    await run(sql`UPDATE contact SET subtype = 'other' WHERE subtype = 'government_body' AND id NOT IN (
      SELECT id FROM contact WHERE subtype = 'government_body' ORDER BY name, id LIMIT ${options.bodies})`);
    await run(sql`UPDATE contact SET created_at = now() - random() * interval '${sql.raw(String(DAYS))} days'`);

    await run(sql`CREATE TEMP TABLE bench_body ON COMMIT DROP AS
      SELECT row_number() OVER (ORDER BY id)::int AS n, id FROM contact WHERE subtype = 'government_body'`);
    await run(sql`CREATE TEMP TABLE bench_person ON COMMIT DROP AS
      SELECT row_number() OVER (ORDER BY id)::int AS n, id FROM contact WHERE kind = 'government_focal_point'`);
    await run(sql`CREATE TEMP TABLE bench_contact ON COMMIT DROP AS
      SELECT row_number() OVER (ORDER BY id)::int AS n, id FROM contact`);
    await run(sql`CREATE UNIQUE INDEX ON bench_body (n)`);
    await run(sql`CREATE UNIQUE INDEX ON bench_person (n)`);
    await run(sql`CREATE UNIQUE INDEX ON bench_contact (n)`);

    // Per body: 85% a current focal point; 35% a former one whose position ended 1–3 years ago; 50% a non-focal
    // staff member. A body with neither current focal point is vacant.
    await run(sql`
      WITH persons AS (SELECT count(*)::int AS total FROM bench_person),
      plan AS (
        SELECT b.id AS body_id, random() AS current_roll, random() AS former_roll, random() AS staff_roll,
          1 + floor(random() * p.total)::int AS current_person, 1 + floor(random() * p.total)::int AS former_person,
          1 + floor(random() * p.total)::int AS staff_person, floor(random() * ${DAYS})::int AS former_end
        FROM bench_body b CROSS JOIN persons p
      ),
      rows AS (
        SELECT cp.id AS person_id, plan.body_id, 'مسؤول الارتباط' AS title, true AS focal,
          current_date - plan.former_end AS start_date, NULL::date AS end_date
        FROM plan JOIN bench_person cp ON cp.n = plan.current_person WHERE plan.current_roll < 0.85
        UNION ALL
        SELECT fp.id, plan.body_id, 'مسؤول الارتباط السابق', true,
          current_date - plan.former_end - 800, current_date - plan.former_end - 1
        FROM plan JOIN bench_person fp ON fp.n = plan.former_person WHERE plan.former_roll < 0.35
        UNION ALL
        SELECT sp.id, plan.body_id, 'موظف', false, current_date - 2000, NULL
        FROM plan JOIN bench_person sp ON sp.n = plan.staff_person WHERE plan.staff_roll < 0.5
      )
      INSERT INTO position (person_id, organization_id, title, is_focal_point, start_date, end_date)
      SELECT person_id, body_id, title, focal, start_date, end_date FROM rows WHERE person_id <> body_id`);

    // Recent days more likely than old ones; 10% with a follow-up, half of those done.
    await run(sql`
      INSERT INTO interaction (kind, occurred_on, summary, follow_up_on, follow_up_done)
      SELECT (ARRAY['meeting', 'call', 'visit', 'message', 'other'])[1 + floor(random() * 5)::int],
        current_date - floor(power(random(), 1.5) * ${DAYS})::int, 'synthetic',
        CASE WHEN r < 0.1 THEN current_date - floor(random() * 120)::int + 30 END, r < 0.05
      FROM (SELECT random() AS r FROM generate_series(1, ${options.interactions})) s`);

    // Participants: everyone gets one random contact, 60% a second and 25% a third; one in ten interactions is
    // with a government body's position holder and one in twenty with the body itself.
    const addParticipants = (share: number, pool: 'bench_contact' | 'bench_person' | 'bench_body') =>
      run(sql`
        WITH pool_size AS (SELECT count(*)::int AS total FROM ${sql.table(pool)}),
        picks AS (
          SELECT i.id AS interaction_id, 1 + floor(random() * s.total)::int AS n, random() AS roll
          FROM interaction i CROSS JOIN pool_size s
        )
        INSERT INTO interaction_participant (interaction_id, contact_id)
        SELECT picks.interaction_id, pool.id FROM picks JOIN ${sql.table(pool)} pool ON pool.n = picks.n
        WHERE picks.roll < ${share}
        ON CONFLICT DO NOTHING`);
    await addParticipants(1, 'bench_contact');
    await addParticipants(0.6, 'bench_contact');
    await addParticipants(0.25, 'bench_contact');
    await addParticipants(0.1, 'bench_person');
    await addParticipants(0.05, 'bench_body');

    await run(sql`
      INSERT INTO event (title, type, starts_at, ends_at, governorate_code)
      SELECT 'فعالية ' || g, 'workshop', d, d + interval '6 hours',
        (SELECT code FROM governorate ORDER BY sort_order OFFSET floor(random() * 19 + 0 * g)::int LIMIT 1)
      FROM (SELECT g, (current_date - floor(random() * ${DAYS})::int)::timestamp + interval '9 hours' AS d
            FROM generate_series(1, ${options.events}) g) e`);

    // Invitations: random contacts, and for every third event five government bodies, each sending a person.
    await run(sql`
      WITH pool_size AS (SELECT count(*)::int AS total FROM bench_contact),
      picks AS (
        SELECT e.id AS event_id, 1 + floor(random() * s.total)::int AS n, random() AS roll
        FROM event e CROSS JOIN pool_size s CROSS JOIN generate_series(1, ${options.invitationsPerEvent})
      )
      INSERT INTO invitation (event_id, contact_id, status)
      SELECT picks.event_id, c.id,
        CASE WHEN roll < 0.6 THEN 'attended' WHEN roll < 0.7 THEN 'no_show' WHEN roll < 0.8 THEN 'declined'
             WHEN roll < 0.9 THEN 'confirmed' ELSE 'invited' END
      FROM picks JOIN bench_contact c ON c.n = picks.n
      ON CONFLICT DO NOTHING`);
    await run(sql`
      WITH numbered AS (SELECT id, row_number() OVER (ORDER BY id) AS k FROM event),
      body_size AS (SELECT count(*)::int AS total FROM bench_body),
      picks AS (
        SELECT e.id AS event_id, 1 + floor(random() * s.total)::int AS n
        FROM numbered e CROSS JOIN body_size s CROSS JOIN generate_series(1, 5)
        WHERE e.k % 3 = 0
      )
      INSERT INTO invitation (event_id, contact_id, representative_id, role, status)
      SELECT picks.event_id, b.id, rep.person_id, 'government_guest', 'attended'
      FROM picks JOIN bench_body b ON b.n = picks.n
      JOIN LATERAL (SELECT p.person_id FROM position p WHERE p.organization_id = b.id ORDER BY p.end_date NULLS FIRST LIMIT 1) rep ON true
      ON CONFLICT DO NOTHING`);

    const { rows } = await sql<PartnershipHistorySummary>`SELECT
      (SELECT count(*)::int FROM bench_body) AS bodies,
      (SELECT count(*)::int FROM position) AS positions,
      (SELECT count(*)::int FROM position WHERE end_date IS NOT NULL) AS "endedPositions",
      (SELECT count(*)::int FROM interaction) AS interactions,
      (SELECT count(*)::int FROM interaction_participant) AS participants,
      (SELECT count(*)::int FROM event) AS events,
      (SELECT count(*)::int FROM invitation) AS invitations`.execute(trx);
    return rows[0];
  });
}
