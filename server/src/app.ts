import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from './db/database.js';
import problem, { sendProblem } from './plugins/problem.js';
import auth from './plugins/auth.js';
import web from './plugins/web.js';
import { ProblemSchema } from './http/common.schemas.js';
import { nullFirstPlugin } from './http/null-first.js';
import healthRoutes from './modules/health/health.routes.js';
import authRoutes from './modules/auth/auth.routes.js';
import { DEFAULT_LOGIN_LIMITS, type LoginLimits } from './modules/auth/login-limits.js';
import governoratesRoutes from './modules/governorates/governorates.routes.js';
import contactsRoutes from './modules/contacts/contacts.routes.js';
import usersRoutes from './modules/users/users.routes.js';
import searchRoutes from './modules/search/search.routes.js';
import positionsRoutes from './modules/positions/positions.routes.js';
import historyRoutes from './modules/history/history.routes.js';
import relationshipTypesRoutes from './modules/relationship-types/relationship-types.routes.js';
import relationshipsRoutes from './modules/relationships/relationships.routes.js';
import interactionsRoutes from './modules/interactions/interactions.routes.js';
import networkRoutes from './modules/network/network.routes.js';
import importsRoutes from './modules/imports/imports.routes.js';
import duplicatesRoutes from './modules/duplicates/duplicates.routes.js';
import mergeRoutes from './modules/merge/merge.routes.js';
import contactExportRoutes from './modules/contact-export/contact-export.routes.js';
import bulkActionsRoutes from './modules/bulk-actions/bulk-actions.routes.js';
import eventsRoutes from './modules/events/events.routes.js';
import partnershipsRoutes from './modules/partnerships/partnerships.routes.js';
import hxlExportRoutes from './modules/hxl-export/hxl-export.routes.js';
import programmeReportRoutes from './modules/programme-report/programme-report.routes.js';
import statsRoutes from './modules/stats/stats.routes.js';
import settingsRoutes from './modules/settings/settings.routes.js';
import outreachRoutes from './modules/outreach/outreach.routes.js';
import auditRoutes from './modules/audit/audit.routes.js';
import { DEFAULT_AUDIT_ALERTS, type AuditAlertThresholds } from './modules/audit/audit-alerts.js';
import trashRoutes from './modules/trash/trash.routes.js';
import { startTrashPurge } from './modules/trash/purge-timer.js';
import { DEFAULT_TRASH_DAYS } from './domain/trash/vocabulary.js';
import twoStepRoutes from './modules/two-step/two-step.routes.js';
import apiTokensRoutes from './modules/api-tokens/api-tokens.routes.js';
import consentRoutes from './modules/consent/consent.routes.js';
import tasksRoutes from './modules/tasks/tasks.routes.js';
import activityRoutes from './modules/activity/activity.routes.js';
import segmentsRoutes from './modules/segments/segments.routes.js';
import preferencesRoutes from './modules/preferences/preferences.routes.js';
import fullExportRoutes from './modules/full-export/full-export.routes.js';
import personExportRoutes from './modules/person-export/person-export.routes.js';
import customFieldsRoutes from './modules/custom-fields/custom-fields.routes.js';
import programmesRoutes from './modules/programmes/programmes.routes.js';
import type { ReplyLimits } from './modules/outreach/rsvp-limits.js';
import { maskReplyTokens } from './modules/outreach/reply-token-paths.js';
import type { MailConfig } from './config.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
  }
}

export interface AppOptions {
  db: Db;
  jwtSecret: string;
  /** Folder of the built web app; omitted in API tests. */
  webRoot?: string;
  logger?: FastifyServerOptions['logger'];
  /** Sign-in limits per minute (per address and email, per address, global failures); defaults in login-limits.ts. */
  loginLimits?: Partial<LoginLimits>;
  /** Behind a reverse proxy: which X-Forwarded-* headers to believe (client address, https). Default false. */
  trustProxy?: boolean | number | string;
  /** The origin users open, e.g. https://directory.example.org: session cookies are then always Secure. */
  publicUrl?: string | null;
  /** Limits on the public reply-link routes (answers per link and per address, views per address); defaults in rsvp-limits.ts. */
  replyLimits?: Partial<ReplyLimits>;
  /** SMTP_URL and MAIL_FROM; without them email sending answers 409 MAIL_NOT_CONFIGURED. */
  mail?: MailConfig | null;
  /** "Needs a look" thresholds (AUDIT_ALERT_*); defaults in audit-alerts.ts. */
  auditAlerts?: Partial<AuditAlertThresholds>;
  /** TRASH_DAYS: deleted things stay restorable this long, then the hourly purge removes them (default 30). */
  trashDays?: number;
}

/** Log lines carry method, path and status, never bodies, query strings or headers: they may hold names and phones. */
const serializers = {
  req: (req: { method: string; url: string; id: string }) => ({
    id: req.id,
    method: req.method,
    path: maskReplyTokens(req.url.split('?')[0]),
  }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
};

const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const logger =
    options.logger === undefined || options.logger === false ? false : { ...(options.logger === true ? {} : options.logger), serializers };
  const app = Fastify({
    logger,
    bodyLimit: 256 * 1024,
    // A hop count means "trust that many proxies in front"; Fastify does this at run time but its types lack it.
    trustProxy: typeof options.trustProxy === 'number' ? trustHops(options.trustProxy) : (options.trustProxy ?? false),
    ajv: {
      customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array', useDefaults: true },
      plugins: [nullFirstPlugin],
    },
    // A malformed URL (bad percent-escape) fails before routing and would skip the error handler.
    frameworkErrors: (_error, _request, reply) => {
      void sendProblem(reply, { status: 400, code: 'VALIDATION_FAILED', detail: 'The request address is not valid' });
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  // The API speaks JSON only: a text/plain body answers 415 instead of reaching validation as a string.
  app.removeContentTypeParser('text/plain');

  await app.register(
    fp(
      async (instance) => {
        instance.decorate('db', options.db);
      },
      { name: 'db' },
    ),
  );
  app.addSchema(ProblemSchema);
  await app.register(problem);
  await app.register(helmet, { contentSecurityPolicy: false, crossOriginEmbedderPolicy: false });
  await app.register(swagger, {
    // Name shared schemas by their $id (e.g. Problem) in the document instead of def-0, def-1…
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    openapi: {
      info: { title: 'Stakeholder directory API', version: '0.1.0' },
      components: {
        securitySchemes: {
          cookieAuth: { type: 'apiKey', in: 'cookie', name: 'session' },
          bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        },
      },
      security: [{ cookieAuth: [] }, { bearerAuth: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  await app.register(auth, { secret: options.jwtSecret, publicUrl: options.publicUrl ?? null });

  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(authRoutes, { loginLimits: { ...DEFAULT_LOGIN_LIMITS, ...options.loginLimits }, serverSecret: options.jwtSecret });
      await api.register(twoStepRoutes, { serverSecret: options.jwtSecret });
      await api.register(apiTokensRoutes);
      await api.register(governoratesRoutes);
      await api.register(contactsRoutes);
      await api.register(usersRoutes);
      await api.register(searchRoutes);
      await api.register(positionsRoutes);
      await api.register(relationshipTypesRoutes);
      await api.register(relationshipsRoutes);
      await api.register(interactionsRoutes);
      await api.register(networkRoutes);
      await api.register(importsRoutes);
      await api.register(duplicatesRoutes);
      await api.register(mergeRoutes);
      await api.register(contactExportRoutes);
      await api.register(bulkActionsRoutes);
      await api.register(eventsRoutes);
      await api.register(partnershipsRoutes);
      await api.register(hxlExportRoutes);
      await api.register(programmeReportRoutes);
      await api.register(statsRoutes);
      await api.register(settingsRoutes);
      await api.register(historyRoutes);
      await api.register(auditRoutes, { alerts: { ...DEFAULT_AUDIT_ALERTS, ...options.auditAlerts } });
      await api.register(trashRoutes, { days: options.trashDays ?? DEFAULT_TRASH_DAYS });
      await api.register(consentRoutes);
      await api.register(tasksRoutes);
      await api.register(activityRoutes);
      await api.register(segmentsRoutes);
      await api.register(preferencesRoutes);
      await api.register(fullExportRoutes);
      await api.register(personExportRoutes);
      await api.register(customFieldsRoutes);
      await api.register(programmesRoutes);
      await api.register(outreachRoutes, {
        serverSecret: options.jwtSecret,
        publicUrl: options.publicUrl ?? null,
        replyLimits: options.replyLimits,
        mail: options.mail ?? null,
      });
    },
    { prefix: '/api' },
  );

  if (options.webRoot) await app.register(web, { root: options.webRoot });
  const stopPurge = startTrashPurge(options.db, options.trashDays ?? DEFAULT_TRASH_DAYS, (message) => app.log.info(message));
  app.addHook('onClose', async () => stopPurge());
  return app;
}
