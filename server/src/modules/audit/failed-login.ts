import type { Db } from '../../db/database.js';
import { recordAudit } from './audit.repository.js';

/**
 * A failed sign-in, for the audit viewer and its "needs a look" list. Filed under the account when the email matched
 * one; otherwise under no entity and without the typed email (it may be someone's personal address, and a hash of
 * an email is easily reversed), so the address is all that is kept. Never the password, nor why it failed: the row
 * must not tell a reader of the log which emails have accounts beyond what the entity already says.
 */
export async function recordFailedLogin(db: Db, userId: string | null, address: string): Promise<void> {
  await recordAudit(db, { userId: null, action: 'login_failed', entityType: 'user', entityId: userId, address });
}
