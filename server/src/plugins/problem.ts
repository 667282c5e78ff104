import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { AppError, RetryLaterError, type FieldError } from '../errors.js';
import { isCommitOutcomeUnknown, isConnectionError } from '../db/connection-errors.js';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  errors?: FieldError[];
}

export function sendProblem(reply: FastifyReply, problem: Omit<Problem, 'type' | 'title'> & { title?: string }) {
  const body: Problem = { type: 'about:blank', title: problem.title ?? TITLES[problem.status] ?? 'Error', ...problem };
  return reply.status(problem.status).type('application/problem+json').send(body);
}

/** ajv paths look like "/phones/1"; clients get "phones.1", and a missing property names itself. */
function toFieldError(v: NonNullable<FastifyError['validation']>[number], context: string | undefined): FieldError {
  const params = v.params;
  const base = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const extra = (params.missingProperty ?? params.additionalProperty) as string | undefined;
  const field = [base, extra].filter(Boolean).join('.') || context || '';
  const message = v.keyword === 'additionalProperties' ? 'is not an allowed field' : (v.message ?? 'is invalid');
  return { field, code: v.keyword, message };
}

const FASTIFY_CODES: Record<string, { status: number; code: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'VALIDATION_FAILED' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'VALIDATION_FAILED' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'VALIDATION_FAILED' },
};

/** A PostgreSQL restart takes a few seconds; clients wait this long before they try again. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

async function problemPlugin(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error instanceof RetryLaterError) reply.header('retry-after', String(error.retryAfterSeconds));
      return sendProblem(reply, {
        status: error.status,
        code: error.code,
        detail: error.message,
        ...(error.fieldErrors.length ? { errors: error.fieldErrors } : {}),
      });
    }
    if (error.validation) {
      const errors = error.validation.map((v) => toFieldError(v, error.validationContext));
      return sendProblem(reply, {
        status: 400,
        code: 'VALIDATION_FAILED',
        title: 'Validation failed',
        detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
        errors,
      });
    }
    // PostgreSQL text cannot hold U+0000 (SQLSTATE 22021): the client sent it, so it is a 400, not a 500.
    if (error.code === '22021') {
      return sendProblem(reply, { status: 400, code: 'VALIDATION_FAILED', detail: 'Text must not contain the NUL character' });
    }
    // Deadlock or serialisation failure between two concurrent writes: the loser may simply retry.
    if (error.code === '40P01' || error.code === '40001') {
      return sendProblem(reply, { status: 409, code: 'CONFLICT', detail: 'Another change was being saved at the same time; try again' });
    }
    // A unique index refused a row that a concurrent or unforeseen change made a duplicate: the data is safe and
    // the client can reload, so it is a conflict rather than a server failure.
    if (error.code === '23505') {
      return sendProblem(reply, { status: 409, code: 'CONFLICT', detail: 'This would duplicate an existing record; reload and try again' });
    }
    // PostgreSQL is restarting or unreachable: nothing is wrong with the request, so tell the client when to retry.
    if (isConnectionError(error)) {
      request.log.warn({ err: { message: error.message, code: error.code } }, 'database unavailable');
      reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
      return sendProblem(reply, {
        status: 503,
        code: 'DATABASE_UNAVAILABLE',
        detail: isCommitOutcomeUnknown(error)
          ? 'The connection to the database was lost while saving: the change may or may not have been saved. Reload before trying again'
          : 'The server cannot reach its database; try again in a few seconds',
      });
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) return sendProblem(reply, { ...known, detail: error.message });
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, { status: error.statusCode, code: 'BAD_REQUEST', detail: error.message });
    }
    // Never send the stack or SQL text: log it server-side with the request id, send a generic problem.
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, { status: 500, code: 'INTERNAL', detail: `Something went wrong (request ${request.id})` });
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, { status: 404, code: 'NOT_FOUND', detail: `No route ${request.method} ${request.url.split('?')[0]}` }),
  );
}

export default fp(problemPlugin, { name: 'problem' });
