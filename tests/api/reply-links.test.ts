import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { auditFor, created, expectProblem, type Json } from '../helpers/api-requests.js';
import { tokenHash } from '../../server/src/modules/outreach/reply-link-tokens.js';

/**
 * Personal reply links (issue 11, items 1–2): staff get one address per invitation, the same address each time they
 * ask (so WhatsApp today and email tomorrow carry the same link), a new one on re-issue (the old one is revoked), and
 * the database keeps only a hash: nothing stored opens an invitation.
 */

let t: TestApp;
let basrahStaff: (opts: Json) => Promise<LightMyRequestResponse>;
beforeAll(async () => {
  t = await createTestApp();
  const { token } = await t.addUser('staff', ['IQ-BA']);
  basrahStaff = (opts) => t.app.inject({ ...opts, headers: { authorization: `Bearer ${token}` } } as never);
});
afterAll(() => t.close());

let counter = 0;
async function eventWith(governorates: string[], startsAt = '2027-03-10T06:00:00.000Z', endsAt = '2027-03-10T12:00:00.000Z') {
  const e = await created(t, '/api/events', { title: 'الجلسة الختامية', type: 'closing_session', startsAt, endsAt }, 'admin');
  const contactIds = [];
  for (const g of governorates) {
    contactIds.push((await created(t, '/api/contacts', { kind: 'activist', name: `ناشطة ${++counter}`, governorates: [g] }, 'admin')).id);
  }
  const added = await created(t, `/api/events/${e.id}/invitations`, { contactIds, status: 'invited' }, 'admin');
  // The answer is not in request order: ids[k] is the invitation of contactIds[k] (the k-th governorate).
  const byContact = new Map((added.added as Json[]).map((i) => [i.contact.id as string, i.id as string]));
  return { eventId: e.id as string, ids: contactIds.map((id) => byContact.get(id)!) };
}

const issue = (eventId: string, invitationIds: string[], reissue?: boolean) =>
  t.request('staff', { method: 'POST', url: `/api/events/${eventId}/invitations/links`, payload: { invitationIds, reissue } });

const tokenOf = (url: string) => url.split('/r/')[1];

describe('reply links', () => {
  it('gives each invitation its own unguessable address, the same one when asked again', async () => {
    const { eventId, ids } = await eventWith(['IQ-BG', 'IQ-AN']);
    const first = await issue(eventId, ids);
    expect(first.statusCode, first.body).toBe(200);
    const items = first.json().items as Json[];
    expect(items.map((l) => l.invitationId)).toEqual(ids);
    const [a, b] = items.map((l) => tokenOf(l.url as string));
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/); // 192 bits
    expect(a).not.toBe(b);
    expect(items[0].url).toMatch(/^http:\/\/localhost(:\d+)?\/r\//);
    expect(items[0]).toMatchObject({ openCount: 0, firstOpenedAt: null });

    const again = await issue(eventId, [ids[0]]);
    expect(again.json().items[0].url).toBe(items[0].url);
  });

  it('stores only a hash of the token, never the token itself', async () => {
    const { eventId, ids } = await eventWith(['IQ-BG']);
    const token = tokenOf((await issue(eventId, ids)).json().items[0].url as string);
    const rows = await t.database.db.selectFrom('invitation_link').selectAll().where('invitation_id', '=', ids[0]).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toBe(tokenHash(token));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('re-issue revokes the old address and gives a new one; each issue is audited', async () => {
    const { eventId, ids } = await eventWith(['IQ-BG']);
    const old = (await issue(eventId, ids)).json().items[0].url;
    const fresh = (await issue(eventId, ids, true)).json().items[0].url;
    expect(fresh).not.toBe(old);
    const rows = await t.database.db
      .selectFrom('invitation_link')
      .select(['token_hash', 'revoked_at'])
      .where('invitation_id', '=', ids[0])
      .orderBy('created_at')
      .execute();
    expect(rows.map((r) => r.revoked_at !== null)).toEqual([true, false]);
    expect(rows[0].token_hash).toBe(tokenHash(tokenOf(old as string)));
    const audit = (await auditFor(t, ids[0])).filter((a) => a.entity_type === 'reply_link');
    expect(audit.map((a) => [a.action, (a.details as Json).reissued])).toEqual([
      ['create', false],
      ['create', true],
    ]);
  });

  it('revokes a link on request, audited, and a later issue makes a new one', async () => {
    const { eventId, ids } = await eventWith(['IQ-BG']);
    const old = (await issue(eventId, ids)).json().items[0].url;
    const res = await t.request('staff', { method: 'DELETE', url: `/api/events/${eventId}/invitations/${ids[0]}/link` });
    expect(res.statusCode, res.body).toBe(204);
    const live = await t.database.db
      .selectFrom('invitation_link')
      .select('id')
      .where('invitation_id', '=', ids[0])
      .where('revoked_at', 'is', null)
      .execute();
    expect(live).toHaveLength(0);
    expect((await auditFor(t, ids[0])).map((a) => `${a.entity_type}:${a.action}`)).toContain('reply_link:delete');
    expect((await issue(eventId, ids)).json().items[0].url).not.toBe(old);
  });

  it("refuses cancelled invitations, events that are over, viewers, and invitations outside the caller's governorates", async () => {
    const { eventId, ids } = await eventWith(['IQ-BG', 'IQ-BA']);
    const list = await t.request('admin', { method: 'GET', url: `/api/events/${eventId}/invitations` });
    const version = (list.json().items as Json[]).find((i) => i.id === ids[0])!.version;
    const cancel = await t.request('admin', {
      method: 'PATCH',
      url: `/api/events/${eventId}/invitations/${ids[0]}`,
      payload: { version, status: 'cancelled' },
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expectProblem(await issue(eventId, ids), 409, 'INVITATION_CANCELLED');
    expectProblem(
      await t.request('viewer', { method: 'POST', url: `/api/events/${eventId}/invitations/links`, payload: { invitationIds: [ids[1]] } }),
      403,
      'FORBIDDEN',
    );
    // Basrah-only staff: the Baghdad invitation is not theirs to see; the Basrah one is.
    expectProblem(
      await basrahStaff({ method: 'POST', url: `/api/events/${eventId}/invitations/links`, payload: { invitationIds: ids } }),
      404,
      'NOT_FOUND',
    );
    const own = await basrahStaff({
      method: 'POST',
      url: `/api/events/${eventId}/invitations/links`,
      payload: { invitationIds: [ids[1]] },
    });
    expect(own.statusCode, own.body).toBe(200);
    expectProblem(await basrahStaff({ method: 'DELETE', url: `/api/events/${eventId}/invitations/${ids[0]}/link` }), 404, 'NOT_FOUND');

    const past = await eventWith(['IQ-BG'], '2025-01-10T06:00:00.000Z', '2025-01-10T12:00:00.000Z');
    expectProblem(await issue(past.eventId, past.ids), 409, 'EVENT_OVER');
  });

  it('answers 404 for an unknown event or invitation and 400 for a malformed body', async () => {
    const { eventId } = await eventWith(['IQ-BG']);
    expectProblem(await issue('00000000-0000-4000-8000-000000000000', [crypto.randomUUID()]), 404, 'NOT_FOUND');
    expectProblem(await issue(eventId, [crypto.randomUUID()]), 404, 'NOT_FOUND');
    expectProblem(await issue(eventId, []), 400, 'VALIDATION_FAILED');
  });
});
