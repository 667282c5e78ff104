import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RouteOptions } from 'fastify';
import { API_ROUTES } from '../../server/src/http/api-routes.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * The route map the web is typed by (server/src/http/api-routes.ts) lists exactly the app's routes, each with the very
 * schemas it registers. The routes are caught as Fastify registers them (an onRoute hook on every instance the app
 * creates), so the schema objects can be compared by identity, not only by their JSON.
 */

const registered = vi.hoisted(() => [] as RouteOptions[]);
vi.mock('fastify', async (importOriginal) => {
  const fastify = await importOriginal<typeof import('fastify')>();
  const withRouteLog = ((options?: object) => {
    const app = fastify.default(options);
    app.addHook('onRoute', (route) => void registered.push(route));
    return app;
  }) as unknown as typeof fastify.default;
  return { ...fastify, default: withRouteLog };
});

interface RegisteredSchemas {
  params?: unknown;
  querystring?: unknown;
  body?: unknown;
  response?: Record<string, unknown>;
  hide?: boolean;
}
interface MapEntry {
  params?: unknown;
  query?: unknown;
  body?: unknown;
  response?: unknown;
  noContent?: true;
  download?: true;
}

const NO_CONTENT = Type.Null();

let t: TestApp;
let routes: Map<string, RegisteredSchemas>;
beforeAll(async () => {
  t = await createTestApp();
  routes = new Map();
  for (const route of registered) {
    const schema = (route.schema ?? {}) as RegisteredSchemas;
    // The Swagger UI's own pages are no part of the API.
    if (schema.hide) continue;
    for (const method of [route.method].flat().filter((m) => m !== 'HEAD'))
      routes.set(`${method} ${route.url.replace(/^\/api/, '')}`, schema);
  }
});
afterAll(() => t.close());

/** A body that can also come as multipart is declared per content type; the JSON one is what the map lists. */
const jsonBody = (body: unknown) =>
  (body as { content?: Record<string, { schema: unknown }> } | undefined)?.content?.['application/json']?.schema ?? body;

/** Differences between what the map says and what the route registered, as readable lines. */
function drift(key: string, entry: MapEntry, schema: RegisteredSchemas): string[] {
  const problems: string[] = [];
  const same = (part: string, listed: unknown, actual: unknown) => {
    if (listed === actual) return;
    try {
      expect(listed).toStrictEqual(actual);
    } catch {
      problems.push(`${key}: ${part} is not the route's schema`);
    }
  };
  same('params', entry.params, schema.params);
  same('query', entry.query, schema.querystring);
  same('body', entry.body, jsonBody(schema.body));
  const answers = Object.entries(schema.response ?? {}).filter(([status]) => status.startsWith('2'));
  const json = answers.filter(([status]) => status !== '204');
  if (json.length > 1) problems.push(`${key}: more than one JSON 2xx answer`);
  same('response', entry.response, json[0]?.[1]);
  const noContent = answers.find(([status]) => status === '204');
  if ((entry.noContent === true) !== (noContent !== undefined)) problems.push(`${key}: noContent does not match the route's 204`);
  if (noContent) same('204 response', NO_CONTENT, noContent[1]);
  // A download declares no JSON answer, or a text one (the calendar files).
  if (entry.download && json.length > 0 && (json[0][1] as { type?: string }).type !== 'string')
    problems.push(`${key}: download with a JSON answer`);
  if (!entry.download && !entry.noContent && entry.response === undefined) problems.push(`${key}: neither JSON, 204 nor download`);
  return problems;
}

describe('API route map', () => {
  it('catches the real routes as they are registered', () => {
    expect(routes.size).toBeGreaterThan(100);
    expect(routes.get('GET /contacts/:id')?.params).toBeDefined();
  });

  it('lists every route of the app', () => {
    const missing = [...routes.keys()].filter((key) => !(key in API_ROUTES));
    expect(missing).toEqual([]);
  });

  it('lists no route the app does not have', () => {
    const unknown = Object.keys(API_ROUTES).filter((key) => !routes.has(key));
    expect(unknown).toEqual([]);
  });

  it('gives each route the very params, query, body and 2xx schemas it registers', () => {
    const problems = Object.entries(API_ROUTES as Record<string, MapEntry>).flatMap(([key, entry]) => {
      const schema = routes.get(key);
      return schema ? drift(key, entry, schema) : [];
    });
    expect(problems).toEqual([]);
  });

  it('notices a schema that is only similar: the check compares content, not names', () => {
    const contact = routes.get('GET /contacts/:id')!;
    const entry = API_ROUTES['GET /contacts/:id'];
    expect(drift('GET /contacts/:id', entry, contact)).toEqual([]);
    expect(drift('GET /contacts/:id', { ...entry, params: Type.Object({ id: Type.String() }) }, contact)).toEqual([
      "GET /contacts/:id: params is not the route's schema",
    ]);
    expect(drift('GET /contacts/:id', { params: entry.params }, contact)).toEqual([
      "GET /contacts/:id: response is not the route's schema",
      'GET /contacts/:id: neither JSON, 204 nor download',
    ]);
  });
});
