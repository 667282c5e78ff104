import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { DATABASE_RETRY_AFTER_SECONDS, sendProblem } from '../../plugins/problem.js';
import { HealthSchema } from './health.schemas.js';

const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: { tags: ['health'], security: [], response: { 200: HealthSchema } },
    },
    async (request, reply) => {
      try {
        await sql`SELECT 1`.execute(app.db);
      } catch (err) {
        request.log.error({ err: { message: (err as Error).message } }, 'health check: database unreachable');
        reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
        return sendProblem(reply, { status: 503, code: 'DATABASE_UNAVAILABLE', detail: 'The database does not answer' });
      }
      return { status: 'ok' as const };
    },
  );
};

export default healthRoutes;
