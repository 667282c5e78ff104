import type { Kysely } from 'kysely';

// One person, one governorate in a quota: the governorate an invitation counts toward in governorate quotas, chosen
// for this event (NULL = the invited contact's first governorate). Frozen once landed. No app imports here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('invitation')
    .addColumn('quota_governorate', 'text', (c) => c.references('governorate.code'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('invitation').dropColumn('quota_governorate').execute();
}
