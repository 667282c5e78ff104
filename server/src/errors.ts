/** The one error type services throw; the problem plugin turns it into application/problem+json. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
  }
}

/** An AppError the client may retry after a while: the problem answer carries Retry-After. */
export class RetryLaterError extends AppError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(status, code, message);
  }
}

export const notFound = (what: string) => new AppError(404, 'NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'Your role does not allow this') => new AppError(403, 'FORBIDDEN', message);
export const unauthorized = (message = 'Sign in first') => new AppError(401, 'UNAUTHORIZED', message);
export const conflict = (code: string, message: string) => new AppError(409, code, message);
export const invalid = (fieldErrors: FieldError[]) =>
  new AppError(400, 'VALIDATION_FAILED', fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; '), fieldErrors);
