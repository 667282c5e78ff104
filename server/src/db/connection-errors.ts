/**
 * Which errors mean "the database is not reachable right now" rather than "this request is wrong". They come
 * from three places: the socket (ECONNREFUSED while PostgreSQL restarts), the server (SQLSTATE class 08, and
 * 57P01–57P03 when it shuts down or starts up, 53300 when it has no connection slot left), and node-postgres
 * itself (plain Errors whose message is all there is).
 */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
const DRIVER_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'timeout exceeded when trying to connect',
  'Client was closed and is not queryable',
];

/** SQLSTATE 08007 transaction_resolution_unknown: the connection broke after COMMIT was sent. */
export const COMMIT_OUTCOME_UNKNOWN = '08007';

export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith('08'))) return true;
  // Node reports a refused connect to a host with several addresses (localhost: ::1 and 127.0.0.1) as an AggregateError.
  if (error instanceof AggregateError && error.errors.some(isConnectionError)) return true;
  return DRIVER_MESSAGES.some((m) => error.message.startsWith(m));
}

/** The connection broke while COMMIT was in flight: the write may or may not have been saved, so it is never retried. */
export class CommitOutcomeUnknownError extends Error {
  readonly code = COMMIT_OUTCOME_UNKNOWN;
  constructor(cause: unknown) {
    super('The database connection was lost while a change was being saved', { cause });
  }
}

export function isCommitOutcomeUnknown(error: unknown): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === COMMIT_OUTCOME_UNKNOWN;
}

/** Safe to run the whole unit of work again: the connection failed and nothing can have been committed. */
export function isRetryableConnectionError(error: unknown): boolean {
  return isConnectionError(error) && !isCommitOutcomeUnknown(error);
}
