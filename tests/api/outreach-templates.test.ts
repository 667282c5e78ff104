import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { auditFor, created, expectProblem, type Json } from '../helpers/api-requests.js';
import { DEFAULT_TEMPLATES } from '../../server/src/domain/outreach/message-template.js';

/** Message templates per event, purpose and language (issue 11, item 3): defaults, saving with a version, reset. */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const newEvent = async () =>
  (
    await created(
      t,
      '/api/events',
      { title: 'ورشة', type: 'workshop', startsAt: '2027-03-10T06:00:00.000Z', endsAt: '2027-03-10T12:00:00.000Z' },
      'admin',
    )
  ).id as string;
const list = (eventId: string, as: 'viewer' | 'staff' = 'staff') =>
  t.request(as, { method: 'GET', url: `/api/events/${eventId}/templates` });
const save = (eventId: string, payload: Json, as: 'viewer' | 'staff' = 'staff', purpose = 'invitation', language = 'ar') =>
  t.request(as, { method: 'PUT', url: `/api/events/${eventId}/templates/${purpose}/${language}`, payload });
const itemOf = (res: { json(): any }, purpose: string, language: string) =>
  (res.json().items as Json[]).find((i) => i.purpose === purpose && i.language === language)!;

describe('message templates', () => {
  it('lists every purpose and language with the default text and the placeholders, also for viewers', async () => {
    const eventId = await newEvent();
    const res = await list(eventId, 'viewer');
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json().items as Json[]).map((i) => `${i.purpose}/${i.language}`)).toEqual([
      'invitation/ar',
      'invitation/en',
      'invitation/ku',
      'reminder/ar',
      'reminder/en',
      'reminder/ku',
    ]);
    expect(itemOf(res, 'reminder', 'en')).toMatchObject({ ...DEFAULT_TEMPLATES.reminder.en, isDefault: true, version: 0, updatedAt: null });
    // Sorani Kurdish, for invitees in the Kurdistan Region (issue 16): its own default text, with every placeholder.
    expect(itemOf(res, 'invitation', 'ku')).toMatchObject({ ...DEFAULT_TEMPLATES.invitation.ku, isDefault: true });
    expect(DEFAULT_TEMPLATES.invitation.ku.body).toContain('{link}');
    expect(res.json().placeholders).toEqual(['name', 'event', 'date', 'time', 'venue', 'governorate', 'link', 'phone']);
  });

  it("saves the event's own text with a version check, audited, and resets to the default", async () => {
    const eventId = await newEvent();
    const first = await save(eventId, { body: 'أهلًا {name}، رابطكم: {link}', version: 0 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      body: 'أهلًا {name}، رابطكم: {link}',
      isDefault: false,
      version: 1,
      subject: DEFAULT_TEMPLATES.invitation.ar.subject,
    });
    expect(itemOf(await list(eventId), 'invitation', 'ar')).toMatchObject({ isDefault: false, version: 1 });
    expect(itemOf(await list(eventId), 'invitation', 'en')).toMatchObject({ isDefault: true });

    expectProblem(await save(eventId, { body: 'نص آخر', version: 0 }), 409, 'CONFLICT');
    const second = await save(eventId, { subject: 'دعوة {event}', body: 'نص {name}', version: 1 });
    expect(second.json()).toMatchObject({ subject: 'دعوة {event}', version: 2 });
    expectProblem(await save(eventId, { body: 'قديم', version: 1 }), 409, 'CONFLICT');

    expectProblem(
      await t.request('staff', { method: 'DELETE', url: `/api/events/${eventId}/templates/invitation/ar?version=1` }),
      409,
      'CONFLICT',
    );
    const reset = await t.request('staff', { method: 'DELETE', url: `/api/events/${eventId}/templates/invitation/ar?version=2` });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json()).toMatchObject({ ...DEFAULT_TEMPLATES.invitation.ar, isDefault: true, version: 0 });
    expect(itemOf(await list(eventId), 'invitation', 'ar').isDefault).toBe(true);

    const audit = (await auditFor(t, eventId)).filter((a) => (a.changed_fields as string[]).includes('message_template'));
    expect(audit.map((a) => (a.details as Json).version ?? 'reset')).toEqual([1, 2, 'reset']);
  });

  it('refuses unknown placeholders by name, texts over 2,000 characters and empty ones', async () => {
    const eventId = await newEvent();
    const bad = await save(eventId, { subject: 'عن {evnt}', body: 'مرحبا {nmae} {name} {linkk}', version: 0 });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expect(bad.json().errors).toEqual([
      { field: 'subject', code: 'unknown_placeholder', message: 'evnt' },
      { field: 'body', code: 'unknown_placeholder', message: 'nmae' },
      { field: 'body', code: 'unknown_placeholder', message: 'linkk' },
    ]);
    const long = await save(eventId, { body: 'ا'.repeat(2001), version: 0 });
    expectProblem(long, 400, 'VALIDATION_FAILED');
    expect(long.json().errors).toMatchObject([{ field: 'body', code: 'too_long' }]);
    expect((await save(eventId, { body: 'ا'.repeat(2000), version: 0 })).statusCode).toBe(200);
    expect((await save(eventId, { body: '   ', version: 1 })).json().errors).toMatchObject([{ field: 'body', code: 'required' }]);
  });

  it('lets viewers read but not write, and answers 404 for an unknown event and 400 for an unknown purpose', async () => {
    const eventId = await newEvent();
    expectProblem(await save(eventId, { body: 'نص', version: 0 }, 'viewer'), 403, 'FORBIDDEN');
    expectProblem(
      await t.request('viewer', { method: 'DELETE', url: `/api/events/${eventId}/templates/invitation/ar?version=1` }),
      403,
      'FORBIDDEN',
    );
    expectProblem(await list('00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
    expectProblem(await save(eventId, { body: 'نص', version: 0 }, 'staff', 'thanks'), 400, 'VALIDATION_FAILED');
  });
});
