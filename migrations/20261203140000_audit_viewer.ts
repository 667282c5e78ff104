import { type Kysely, sql } from 'kysely';

// The audit viewer (issue 12, item 2). Frozen once landed. No app imports here.
//  - address: the client address of sign-ins and failed sign-ins (null on rows written before, and on other actions).
//  - indexes for the viewer's filters, each ending in (at, id) so keyset paging newest-first reads them in order
//    (they replace the foundation's (at) and (entity_type, entity_id), which they cover), and two small GIN
//    indexes over export rows' id lists for a contact's access log.
//  - append-only: a trigger refuses DELETE, TRUNCATE and any UPDATE except the two the application itself makes:
//      * the foreign key's ON DELETE SET NULL blanking user_id when an account row is removed;
//      * a merge re-filing a merged contact's rows under the survivor (entity_id changes, details gain mergedFrom =
//        the old id, nothing else changes), and the reverse move of an undone merge (back to details.mergedFrom).
//    The database owner can still drop the trigger; the point is that no API route, service or UI can rewrite history.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE audit_log ADD COLUMN address text`.execute(db);
  await sql`CREATE INDEX audit_log_at_id_idx ON audit_log (at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX audit_log_user_at_idx ON audit_log (user_id, at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX audit_log_action_at_idx ON audit_log (action, at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX audit_log_entity_at_idx ON audit_log (entity_type, entity_id, at DESC, id DESC)`.execute(db);
  // "Who exported this contact": exports list the restricted contacts' ids (or the invitations') in details.
  await sql`CREATE INDEX audit_log_export_contacts_idx ON audit_log USING gin ((details -> 'restrictedContactIds')) WHERE action = 'export'`.execute(db);
  await sql`CREATE INDEX audit_log_export_invitations_idx ON audit_log USING gin ((details -> 'invitationIds')) WHERE action = 'export'`.execute(db);
  await sql`DROP INDEX audit_log_at_idx`.execute(db);
  await sql`DROP INDEX audit_log_entity_idx`.execute(db);

  await sql`
    CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'UPDATE'
        AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.action = OLD.action AND NEW.entity_type = OLD.entity_type
        AND NEW.changed_fields = OLD.changed_fields AND NEW.address IS NOT DISTINCT FROM OLD.address
        AND (NEW.user_id IS NOT DISTINCT FROM OLD.user_id OR NEW.user_id IS NULL)
      THEN
        IF NEW.entity_id IS NOT DISTINCT FROM OLD.entity_id AND NEW.details IS NOT DISTINCT FROM OLD.details THEN
          RETURN NEW;
        END IF;
        IF OLD.entity_type = 'contact' AND NEW.entity_id IS NOT NULL AND jsonb_typeof(NEW.details) = 'object'
          AND (NEW.details - 'mergedFrom') = (COALESCE(OLD.details, '{}'::jsonb) - 'mergedFrom')
          AND (NEW.details ->> 'mergedFrom' = OLD.entity_id::text OR OLD.details ->> 'mergedFrom' = NEW.entity_id::text)
        THEN
          RETURN NEW;
        END IF;
      END IF;
      RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
  await sql`
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER audit_log_no_truncate ON audit_log`.execute(db);
  await sql`DROP TRIGGER audit_log_append_only ON audit_log`.execute(db);
  await sql`DROP FUNCTION audit_log_append_only()`.execute(db);
  await sql`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id)`.execute(db);
  await sql`CREATE INDEX audit_log_at_idx ON audit_log (at)`.execute(db);
  await sql`DROP INDEX audit_log_export_invitations_idx, audit_log_export_contacts_idx`.execute(db);
  await sql`DROP INDEX audit_log_entity_at_idx, audit_log_action_at_idx, audit_log_user_at_idx, audit_log_at_id_idx`.execute(db);
  await sql`ALTER TABLE audit_log DROP COLUMN address`.execute(db);
}
