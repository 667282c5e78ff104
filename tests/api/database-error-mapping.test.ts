import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import problem from '../../server/src/plugins/problem.js';

/** Errors PostgreSQL raises that a client caused or can retry must not surface as 500s (or leak SQL). */
const app = Fastify();
beforeAll(async () => {
  await app.register(problem);
  app.get('/raise/:code', async (request) => {
    const error = Object.assign(new Error('duplicate key value violates unique constraint "secret_index"'), {
      code: (request.params as { code: string }).code,
    });
    throw error;
  });
  await app.ready();
});
afterAll(() => app.close());

describe('database errors become problems', () => {
  it.each([
    ['23505', 409, 'CONFLICT'],
    ['40P01', 409, 'CONFLICT'],
    ['40001', 409, 'CONFLICT'],
    ['22021', 400, 'VALIDATION_FAILED'],
    ['XX000', 500, 'INTERNAL'],
  ])('SQLSTATE %s answers %i %s without the SQL text', async (sqlState, status, code) => {
    const response = await app.inject({ method: 'GET', url: `/raise/${sqlState}` });
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().code).toBe(code);
    expect(response.body).not.toContain('secret_index');
  });
});
