import { type Kysely, sql } from 'kysely';

// Issue 11, item 8: every invitation gets a short check-in code for the door (printed on the badge as a QR code and
// as text, typed when the camera fails). It only identifies the invitation at check-in; it is not a reply token.
// 8 characters from 31 that cannot be misread (no 0/O, 1/I/L): 31^8 ≈ 8.5·10^11 codes. The database makes them,
// so every insert path (the app, seeds, scripts) gets one. Frozen once landed. No app imports here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // gen_random_uuid() draws from the server's strong random source; bytes 6 and 8 carry the UUID's version and
  // variant bits and are skipped, and bytes ≥ 248 are dropped so each character is equally likely (248 = 8·31).
  // A code already taken is drawn again (the unique index below makes that check cheap).
  await sql`
    CREATE FUNCTION invitation_check_in_code() RETURNS text LANGUAGE plpgsql VOLATILE AS $$
    DECLARE
      alphabet CONSTANT text := '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
      code text;
      bytes bytea;
      b int;
    BEGIN
      LOOP
        code := '';
        WHILE length(code) < 8 LOOP
          bytes := uuid_send(gen_random_uuid());
          FOR i IN 0..15 LOOP
            CONTINUE WHEN i IN (6, 8);
            b := get_byte(bytes, i);
            IF b < 248 AND length(code) < 8 THEN
              code := code || substr(alphabet, b % 31 + 1, 1);
            END IF;
          END LOOP;
        END LOOP;
        EXIT WHEN NOT EXISTS (SELECT 1 FROM invitation WHERE check_in_code = code);
      END LOOP;
      RETURN code;
    END
    $$`.execute(db);
  await sql`ALTER TABLE invitation ADD COLUMN check_in_code text`.execute(db);
  // The index first (NULLs do not clash), so the backfill's "already taken?" check is an index look-up.
  await sql`CREATE UNIQUE INDEX invitation_check_in_code_unique ON invitation (check_in_code)`.execute(db);
  // Row by row: each UPDATE sees the codes given before it, so the backfill cannot hand out one code twice.
  await sql`
    DO $$
    DECLARE r record;
    BEGIN
      FOR r IN SELECT id FROM invitation WHERE check_in_code IS NULL LOOP
        UPDATE invitation SET check_in_code = invitation_check_in_code() WHERE id = r.id;
      END LOOP;
    END
    $$`.execute(db);
  await sql`ALTER TABLE invitation ALTER COLUMN check_in_code SET DEFAULT invitation_check_in_code()`.execute(db);
  await sql`ALTER TABLE invitation ALTER COLUMN check_in_code SET NOT NULL`.execute(db);
  await sql`ALTER TABLE invitation ADD CONSTRAINT invitation_check_in_code_format
    CHECK (check_in_code ~ '^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE invitation DROP COLUMN check_in_code`.execute(db);
  await sql`DROP FUNCTION invitation_check_in_code()`.execute(db);
}
