import { Kysely, type Transaction, type TransactionBuilder } from 'kysely';
import { isRetryableConnectionError } from './connection-errors.js';
import { RETRY_DELAY_MS } from './resilient-driver.js';

/**
 * Every `db.transaction().execute(work)` runs `work` a second time when the first attempt lost its connection
 * before COMMIT was sent (the server rolled it back, so nothing was saved), e.g. when PostgreSQL restarted mid-request.
 * A connection lost during COMMIT is never retried (see CommitOutcomeUnknownError). Done here rather than at each
 * call site so that no transaction, including tomorrow's, can forget it. Transaction callbacks must therefore keep
 * their effects inside the database until they return, which they do.
 */
export class RetryingKysely<DB> extends Kysely<DB> {
  override transaction(): TransactionBuilder<DB> {
    const first = super.transaction();
    const again = () => super.transaction();
    const execute = async <T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> => {
      try {
        return await first.execute(work);
      } catch (error) {
        if (!isRetryableConnectionError(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
        return again().execute(work);
      }
    };
    return new Proxy(first, {
      get(target, property) {
        if (property === 'execute') return execute;
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  }
}
