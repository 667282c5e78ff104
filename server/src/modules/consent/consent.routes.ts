import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { requireActor } from '../../plugins/auth.js';
import { IdParams, problemResponses } from '../../http/common.schemas.js';
import { AppError, invalid } from '../../errors.js';
import { MAX_CONSENT_FILE_BYTES } from '../../domain/consent.js';
import { ConsentListSchema, CreateConsentBody, type CreateConsentInput } from './consent.schemas.js';
import * as service from './consent.service.js';

const tooLarge = () => new AppError(413, 'FILE_TOO_LARGE', `The scan is larger than ${MAX_CONSENT_FILE_BYTES / 1024 / 1024} MB`);
const tooMany = () => invalid([{ field: 'file', code: 'too_many', message: 'send at most one file' }]);

/**
 * The multipart form: the record's fields as text (scopes repeated or comma-separated) and at most one `file`.
 * The fields are then validated against the same schema as the JSON body.
 */
async function readForm(request: FastifyRequest): Promise<{ fields: Record<string, unknown>; scan: service.UploadedScan | null }> {
  const fields: Record<string, unknown> = {};
  const scopes: string[] = [];
  let scan: service.UploadedScan | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (scan) throw tooMany();
        scan = { bytes: await part.toBuffer() };
      } else if (part.fieldname === 'scopes') {
        scopes.push(
          ...String(part.value)
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        );
      } else if (part.fieldname === 'note' && String(part.value) === '') {
        fields.note = null;
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    if (code === 'FST_FILES_LIMIT') throw tooMany();
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
      throw invalid([{ field: 'form', code: 'too_many', message: 'too many form fields' }]);
    throw error;
  }
  fields.scopes = scopes;
  if (scan && scan.bytes.length === 0) scan = null;
  return { fields, scan };
}

/** Multipart parsing is registered in this plugin for the scan upload, as the imports plugin does for its files. */
const consentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(multipart, { limits: { fileSize: MAX_CONSENT_FILE_BYTES, files: 1, fields: 20, parts: 25 } });

  app.get(
    '/contacts/:id/consents',
    { schema: { tags: ['consent'], params: IdParams, response: { 200: ConsentListSchema, ...problemResponses(400, 404) } } },
    async (request) => service.listConsents(app.db, requireActor(request), request.params.id),
  );

  app.post(
    '/contacts/:id/consents',
    {
      schema: {
        tags: ['consent'],
        description:
          'Appends a consent record (a withdrawal is a new record with kind "withdrawn"). JSON, or multipart/form-data with ' +
          'the same fields and an optional `file`: a PDF, JPEG or PNG scan up to 5 MB, recognised by its first bytes.',
        params: IdParams,
        consumes: ['application/json', 'multipart/form-data'],
        body: { content: { 'application/json': { schema: CreateConsentBody } } },
        response: { 201: ConsentListSchema, ...problemResponses(400, 403, 404, 413, 415) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      let input = request.body as CreateConsentInput;
      let scan: service.UploadedScan | null = null;
      if (request.isMultipart()) {
        const form = await readForm(request);
        const validate = request.compileValidationSchema(CreateConsentBody);
        if (!validate(form.fields)) {
          throw invalid(
            (validate.errors ?? []).map((e) => ({
              field: e.instancePath.replace(/^\//, '') || 'form',
              code: e.keyword,
              message: e.message ?? 'invalid',
            })),
          );
        }
        input = form.fields as CreateConsentInput;
        scan = form.scan;
      }
      return reply.status(201).send(await service.addConsent(app.db, actor, request.params.id, input, scan));
    },
  );

  app.get(
    '/consents/:id/file',
    {
      schema: {
        tags: ['consent'],
        description: "The scan attached to a consent record; only for roles that may see the contact's details. Audited as a view.",
        params: IdParams,
        produces: ['application/pdf', 'image/jpeg', 'image/png'],
        response: { ...problemResponses(400, 403, 404) },
      },
    },
    async (request, reply) => {
      const file = await service.consentFile(app.db, requireActor(request), request.params.id);
      const extension = file.mime === 'application/pdf' ? 'pdf' : file.mime === 'image/png' ? 'png' : 'jpg';
      return reply
        .header('content-type', file.mime)
        .header('content-disposition', `inline; filename="consent-${file.record_id}.${extension}"`)
        .header('x-content-sha256', file.sha256)
        .header('cache-control', 'no-store')
        .send(file.bytes);
    },
  );
};

export default consentRoutes;
