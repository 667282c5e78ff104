import { expect } from 'vitest';
import type { Role } from '../../server/src/domain/roles.js';
import type { TestApp } from './test-app.js';

/** Loose JSON, for request bodies and the responses tests pick fields from. */
export type Json = Record<string, any>;

/** POSTs as `as` (staff by default) and expects 201 Created, returning the created resource. */
export async function created(t: Pick<TestApp, 'request'>, url: string, body: Json, as: Role = 'staff'): Promise<Json> {
  const res = await t.request(as, { method: 'POST', url, payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

export function expectProblem(res: { statusCode: number; json(): any }, status: number, code: string) {
  expect(res.statusCode, JSON.stringify(res.json())).toBe(status);
  expect(res.json()).toMatchObject({ status, code });
}

export const fieldsOf = (res: { json(): any }) => (res.json().errors as { field: string }[]).map((e) => e.field);

export const auditFor = (t: TestApp, entityId: string) =>
  t.database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', entityId).orderBy('id').execute();
