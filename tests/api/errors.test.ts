import { randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../server/src/domain/roles.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let contactId: string;
const TAKEN_EMAIL = 'taken@errors.example.org';

beforeAll(async () => {
  t = await createTestApp();
  const created = await t.request('staff', {
    method: 'POST',
    url: '/api/contacts',
    payload: { kind: 'activist', name: 'جهة الأخطاء', governorates: ['IQ-BG'], phones: ['07701234567'] },
  });
  expect(created.statusCode).toBe(201);
  contactId = created.json().id;
  // Move it to version 2 so version 1 is stale.
  const patched = await t.request('staff', { method: 'PATCH', url: `/api/contacts/${contactId}`, payload: { version: 1, tags: ['x'] } });
  expect(patched.statusCode).toBe(200);
  const user = await t.request('admin', {
    method: 'POST',
    url: '/api/users',
    payload: { email: TAKEN_EMAIL, name: 'Taken', role: 'viewer', password: 'a long enough secret' },
  });
  expect(user.statusCode).toBe(201);
});
afterAll(() => t.close());

/** Every response this file receives, checked at the end for leaked internals. */
const seen: { label: string; res: LightMyRequestResponse }[] = [];

async function send(label: string, as: Role | null, options: InjectOptions) {
  const res = await t.request(as, options);
  seen.push({ label, res });
  return res;
}

const json = (payload: string, extra: Record<string, string> = {}) => ({
  headers: { 'content-type': 'application/json', ...extra },
  payload,
});

interface Case {
  label: string;
  as: Role | null;
  options: () => InjectOptions;
  status: number;
  code: string;
}

const CASES: Case[] = [
  {
    label: 'schema validation',
    as: 'staff',
    options: () => ({ method: 'POST', url: '/api/contacts', payload: { kind: 'activist' } }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    label: 'malformed JSON',
    as: 'staff',
    options: () => ({ method: 'POST', url: '/api/contacts', ...json('{"kind": "activist", "name": ') }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    label: 'an empty JSON body',
    as: 'staff',
    options: () => ({ method: 'POST', url: '/api/contacts', ...json('') }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    label: 'a __proto__ key in JSON',
    as: 'staff',
    options: () => ({ method: 'POST', url: '/api/contacts', ...json('{"__proto__": {"admin": true}, "kind": "activist"}') }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    label: 'a NUL character in a name',
    as: 'staff',
    options: () => ({ method: 'POST', url: '/api/contacts', payload: { kind: 'activist', name: 'a\u0000b', governorates: ['IQ-BG'] } }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    label: 'a NUL character in a search',
    as: 'viewer',
    options: () => ({ method: 'GET', url: '/api/contacts?q=ab%00cd' }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    label: 'a NUL character in a login email',
    as: null,
    options: () => ({ method: 'POST', url: '/api/auth/login', payload: { email: 'nul\u0000@errors.example.org', password: 'whatever' } }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    label: 'a malformed percent-escape in the path',
    as: 'viewer',
    options: () => ({ method: 'GET', url: '/api/contacts/%E0%A4%A' }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    label: 'a non-uuid id',
    as: 'viewer',
    options: () => ({ method: 'GET', url: '/api/contacts/12345' }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    label: 'no session',
    as: null,
    options: () => ({ method: 'GET', url: '/api/contacts' }),
    status: 401,
    code: 'UNAUTHORIZED',
  },
  {
    label: 'a garbage token',
    as: null,
    options: () => ({ method: 'GET', url: '/api/contacts', headers: { authorization: 'Bearer abc.def.ghi' } }),
    status: 401,
    code: 'UNAUTHORIZED',
  },
  {
    label: 'wrong credentials',
    as: null,
    options: () => ({ method: 'POST', url: '/api/auth/login', payload: { email: TAKEN_EMAIL, password: 'not it at all' } }),
    status: 401,
    code: 'INVALID_CREDENTIALS',
  },
  {
    label: 'a viewer writing',
    as: 'viewer',
    options: () => ({ method: 'DELETE', url: `/api/contacts/${contactId}` }),
    status: 403,
    code: 'FORBIDDEN',
  },
  {
    label: 'a coordinator managing users',
    as: 'coordinator',
    options: () => ({ method: 'GET', url: '/api/users' }),
    status: 403,
    code: 'FORBIDDEN',
  },
  {
    label: 'an unknown contact',
    as: 'viewer',
    options: () => ({ method: 'GET', url: `/api/contacts/${randomUUID()}` }),
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    label: 'an unknown route',
    as: null,
    options: () => ({ method: 'GET', url: '/api/nowhere' }),
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    label: 'an unsupported method',
    as: 'admin',
    options: () => ({ method: 'PUT', url: '/api/contacts', payload: {} }),
    status: 404,
    code: 'NOT_FOUND',
  },
  {
    label: 'a stale version',
    as: 'staff',
    options: () => ({ method: 'PATCH', url: `/api/contacts/${contactId}`, payload: { version: 1, name: 'stale' } }),
    status: 409,
    code: 'CONFLICT',
  },
  {
    label: 'a taken email',
    as: 'admin',
    options: () => ({
      method: 'POST',
      url: '/api/users',
      payload: { email: TAKEN_EMAIL, name: 'Again', role: 'viewer', password: 'a long enough secret' },
    }),
    status: 409,
    code: 'EMAIL_TAKEN',
  },
  {
    label: 'a body over 256 KiB',
    as: 'staff',
    options: () => ({
      method: 'POST',
      url: '/api/contacts',
      payload: { kind: 'activist', name: 'كبير', governorates: ['IQ-BG'], notes: 'x'.repeat(257 * 1024) },
    }),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  {
    label: 'a text/plain body',
    as: 'staff',
    options: () => ({ method: 'POST', url: '/api/contacts', headers: { 'content-type': 'text/plain' }, payload: 'kind=activist' }),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    label: 'a text/plain login',
    as: null,
    options: () => ({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/plain' }, payload: '{"email":"a@b.c"}' }),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    label: 'a form-encoded body',
    as: 'staff',
    options: () => ({
      method: 'POST',
      url: '/api/contacts',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'kind=activist&name=x',
    }),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
];

describe('error responses', () => {
  it.each(CASES.map((c) => [c.label, c] as const))('%s → problem+json with type, title, status and code', async (label, c) => {
    const res = await send(label, c.as, c.options());
    expect(res.statusCode, res.body).toBe(c.status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = res.json();
    expect(body).toMatchObject({ type: 'about:blank', status: c.status, code: c.code });
    expect(typeof body.title).toBe('string');
    expect(body.title.length).toBeGreaterThan(0);
    if (body.detail !== undefined) expect(typeof body.detail).toBe('string');
    expect(Object.keys(body).every((k) => ['type', 'title', 'status', 'code', 'detail', 'errors'].includes(k))).toBe(true);
  });

  it('lists field errors with a dotted field, a code and a message', async () => {
    const res = await send('field errors', 'staff', {
      method: 'POST',
      url: '/api/contacts',
      payload: { kind: 'activist', name: 'حقول', governorates: ['IQ-BG'], phones: ['07701234567', 'nope'], nameParts: { first: '' } },
    });
    expect(res.statusCode).toBe(400);
    const { errors } = res.json() as { errors: { field: string; code: string; message: string }[] };
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      expect(Object.keys(e).sort()).toEqual(['code', 'field', 'message']);
      expect(e.field).not.toMatch(/^\//);
      expect(e.message.length).toBeGreaterThan(0);
    }
    expect(errors.map((e) => e.field)).toContain('nameParts.first');
  });

  it('a refused oversized or malformed body changes nothing', async () => {
    const row = await t.database.db.selectFrom('contact').select(['name', 'version']).where('id', '=', contactId).executeTakeFirstOrThrow();
    expect(row).toEqual({ name: 'جهة الأخطاء', version: 2 });
    const names = await t.database.db.selectFrom('contact').select('name').execute();
    expect(names.map((n) => n.name)).toEqual(['جهة الأخطاء']);
  });

  it('a rate-limited login is a problem document too', async () => {
    const limited = await createTestApp({ loginLimits: { perAddressAndEmail: 1 } });
    try {
      const attempt = () =>
        limited.request(null, { method: 'POST', url: '/api/auth/login', payload: { email: 'x@errors.example.org', password: 'nope' } });
      expect((await attempt()).statusCode).toBe(401);
      const res = await attempt();
      seen.push({ label: 'rate limited', res });
      expect(res.statusCode).toBe(429);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ type: 'about:blank', status: 429, code: 'RATE_LIMITED' });
    } finally {
      await limited.close();
    }
  });
});

describe('no response leaks internals', () => {
  it('successful responses are collected too', async () => {
    for (const [label, as, options] of [
      ['list', 'admin', { method: 'GET', url: '/api/contacts' }],
      ['read', 'staff', { method: 'GET', url: `/api/contacts/${contactId}` }],
      ['users', 'admin', { method: 'GET', url: '/api/users' }],
      ['me', 'viewer', { method: 'GET', url: '/api/auth/me' }],
      ['governorates', 'viewer', { method: 'GET', url: '/api/governorates' }],
    ] as const) {
      const res = await send(label, as, options);
      expect(res.statusCode).toBe(200);
    }
  });

  it('never sends a stack trace, SQL text, table names or a password hash', () => {
    expect(seen.length).toBeGreaterThan(CASES.length);
    for (const { label, res } of seen) {
      const text = res.body;
      const where = `${label}: ${text.slice(0, 200)}`;
      expect(text, where).not.toMatch(/"stack"|\bstack\b/i);
      expect(text, where).not.toMatch(/\n\s+at\s|node_modules|\.ts:\d+/);
      expect(text, where).not.toMatch(/\bSELECT\b|\bINSERT\b|\bUPDATE\s+"?\w+"?\s+SET\b|\bDELETE\s+FROM\b/i);
      expect(text, where).not.toMatch(/app_user|contact_governorate|audit_log|violates|constraint|syntax error|SQLSTATE|scrypt\$/i);
      expect(res.statusCode, where).toBeLessThan(500);
    }
  });
});
