import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../../plugins/auth.js';
import { problemResponses } from '../../http/common.schemas.js';
import { PartnershipSettingsSchema, UpdatePartnershipSettingsBody } from './settings.schemas.js';
import * as service from './settings.service.js';

const settingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/settings/partnerships',
    {
      schema: {
        tags: ['settings'],
        description: 'The day thresholds of the partnership status rule (active / cooling / dormant).',
        response: { 200: PartnershipSettingsSchema, ...problemResponses() },
      },
    },
    async () => service.getPartnershipSettings(app.db),
  );

  app.put(
    '/settings/partnerships',
    {
      schema: {
        tags: ['settings'],
        description: 'Admin only. coolingDays must exceed activeDays; version 0 while never saved.',
        body: UpdatePartnershipSettingsBody,
        response: { 200: PartnershipSettingsSchema, ...problemResponses(400, 403, 409) },
      },
    },
    async (request) => service.updatePartnershipSettings(app.db, requireActor(request), request.body),
  );
};

export default settingsRoutes;
