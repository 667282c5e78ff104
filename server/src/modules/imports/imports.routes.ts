import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import { requireActor } from '../../plugins/auth.js';
import { IdParams, problemResponses } from '../../http/common.schemas.js';
import { AppError, invalid } from '../../errors.js';
import { sendSpreadsheet } from '../../spreadsheets/download.js';
import {
  CommitBody,
  ImportListQuery,
  ImportListSchema,
  ImportRowListSchema,
  ImportRowsQuery,
  ImportSchema,
  ImportUploadSchema,
  PreviewBody,
  ReportQuery,
} from './imports.schemas.js';
import * as service from './imports.service.js';
import { commitImport } from './import-commit.service.js';
import { undoImport } from './import-undo.service.js';
import { MAX_IMPORT_BYTES } from './spreadsheet-reader.js';
import { importSlots, withImportSlot } from './import-slots.js';

const tooLarge = () => new AppError(413, 'IMPORT_TOO_LARGE', `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
const noFile = () => invalid([{ field: 'file', code: 'required', message: 'send one file in a multipart form' }]);

/** Multipart parsing is registered in this plugin only: no other route accepts uploads. */
const importsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10, parts: 20 } });

  app.post(
    '/imports',
    {
      schema: {
        tags: ['imports'],
        consumes: ['multipart/form-data'],
        response: { 201: ImportUploadSchema, ...problemResponses(400, 403, 413, 415, 429) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!request.isMultipart()) throw noFile();
      let file: { name: string; bytes: Buffer } | null = null;
      try {
        for await (const part of request.parts()) {
          if (part.type !== 'file') continue;
          if (file) throw invalid([{ field: 'file', code: 'too_many', message: 'send exactly one file' }]);
          file = { name: part.filename || 'upload', bytes: await part.toBuffer() };
        }
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
        if (code === 'FST_FILES_LIMIT') throw invalid([{ field: 'file', code: 'too_many', message: 'send exactly one file' }]);
        if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
          throw invalid([{ field: 'file', code: 'too_many', message: 'too many form fields' }]);
        throw error;
      }
      if (!file) throw noFile();
      // The slot is taken once the body is in: a slow upload holds no slot while it trickles in.
      const { name, bytes } = file;
      const upload = await withImportSlot(importSlots, actor.id, () => service.uploadImport(app.db, actor, name, bytes));
      return reply.status(201).send(upload);
    },
  );

  app.get(
    '/imports',
    { schema: { tags: ['imports'], querystring: ImportListQuery, response: { 200: ImportListSchema, ...problemResponses(400, 403) } } },
    async (request) => service.listImports(app.db, requireActor(request), request.query.limit, request.query.offset),
  );

  app.get(
    '/imports/:id',
    { schema: { tags: ['imports'], params: IdParams, response: { 200: ImportSchema, ...problemResponses(400, 403, 404) } } },
    async (request) => service.getImport(app.db, requireActor(request), request.params.id),
  );

  app.post(
    '/imports/:id/preview',
    {
      schema: {
        tags: ['imports'],
        params: IdParams,
        body: PreviewBody,
        response: { 200: ImportSchema, ...problemResponses(400, 403, 404, 409, 429) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return withImportSlot(importSlots, actor.id, () => service.previewImport(app.db, actor, request.params.id, request.body));
    },
  );

  app.get(
    '/imports/:id/rows',
    {
      schema: {
        tags: ['imports'],
        params: IdParams,
        querystring: ImportRowsQuery,
        response: { 200: ImportRowListSchema, ...problemResponses(400, 403, 404) },
      },
    },
    async (request) => {
      const { outcome, limit, offset } = request.query;
      return service.listImportRows(app.db, requireActor(request), request.params.id, outcome, limit, offset);
    },
  );

  app.post(
    '/imports/:id/commit',
    {
      // A decision per row for a 20,000-row file does not fit the API's default body limit.
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags: ['imports'],
        params: IdParams,
        body: CommitBody,
        response: { 200: ImportSchema, ...problemResponses(400, 403, 404, 409, 429) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return withImportSlot(importSlots, actor.id, () =>
        commitImport(app.db, actor, request.params.id, request.body, {
          // The code and the SQLSTATE only: a driver message may quote a row's values.
          onBatchError: (error) => request.log.error({ code: (error as { code?: string }).code }, 'an import batch failed'),
        }),
      );
    },
  );

  app.get(
    '/imports/:id/report',
    {
      schema: {
        tags: ['imports'],
        params: IdParams,
        querystring: ReportQuery,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { sheet, baseName } = await service.importReport(app.db, requireActor(request), request.params.id, request.query.lang);
      return sendSpreadsheet(reply, request.query.format, baseName, [sheet]);
    },
  );

  app.delete(
    '/imports/:id',
    {
      schema: {
        tags: ['imports'],
        params: IdParams,
        response: { 200: ImportSchema, 204: Type.Null(), ...problemResponses(400, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const result = await undoImport(app.db, requireActor(request), request.params.id);
      return result ? result : reply.status(204).send(null);
    },
  );
};

export default importsRoutes;
