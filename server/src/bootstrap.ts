import { sql } from 'kysely';
import type { Db } from './db/database.js';
import { getMeta, setMeta } from './db/meta.repository.js';
import { countUsers } from './modules/users/users.repository.js';
import { createUserRecord } from './modules/users/users.service.js';
import { generatePassword } from './modules/users/password.js';
import type { Actor } from './access/actor.js';
import { loadDemoContacts } from '../../seeds/load-demo.js';

export interface FirstAdmin {
  email: string;
  /** Only when it was generated here: shown once, never stored in clear. */
  generatedPassword: string | null;
  actor: Actor;
}

/** The first administrator's display name until someone changes it: the product speaks Arabic first. */
export const FIRST_ADMIN_NAME = 'مدير النظام';

/** On an empty database, create the first administrator from ADMIN_EMAIL/ADMIN_PASSWORD or a random password. */
export async function ensureFirstAdmin(db: Db, adminEmail: string | null, adminPassword: string | null): Promise<FirstAdmin | null> {
  if ((await countUsers(db)) > 0) return null;
  const email = adminEmail ?? 'admin@example.org';
  const generatedPassword = adminPassword === null ? generatePassword() : null;
  const user = await createUserRecord(db, null, {
    email,
    name: FIRST_ADMIN_NAME,
    role: 'admin',
    password: adminPassword ?? generatedPassword!,
  });
  return { email, generatedPassword, actor: { id: user.id, role: 'admin', governorates: null } };
}

const DEMO_KEY = 'demo_data_loaded_at';

/** Loads the demo directory once per database; deleting demo contacts later does not bring them back. */
export async function ensureDemoData(db: Db): Promise<number> {
  if ((await getMeta(db, DEMO_KEY)) !== undefined) return 0;
  const admin = await db
    .selectFrom('app_user')
    .select(['id'])
    .where('role', '=', 'admin')
    .where('active', '=', true)
    .orderBy('created_at')
    .executeTakeFirst();
  if (!admin) return 0;
  const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM contact`.execute(db);
  if (Number(rows[0]?.n) > 0) {
    await setMeta(db, DEMO_KEY, { skipped: 'directory not empty', at: new Date().toISOString() });
    return 0;
  }
  const count = await loadDemoContacts(db, { id: admin.id, role: 'admin', governorates: null });
  await setMeta(db, DEMO_KEY, { at: new Date().toISOString(), count });
  return count;
}
