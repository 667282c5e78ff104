import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../server/src/domain/roles.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created, expectProblem, type Json } from '../helpers/api-requests.js';

/**
 * Tasks for colleagues (issue 13, item 4): who may create and be given a task, what a scoped account sees, version
 * checks, the audit, and the interaction API's follow-up fields kept working on top of the interaction's task.
 */

let t: TestApp;
let basrah: { user: Json; token: string };
let baghdadContact: Json;
let basrahContact: Json;
beforeAll(async () => {
  t = await createTestApp();
  basrah = await t.addUser('staff', ['IQ-BA']);
  baghdadContact = await created(t, '/api/contacts', { kind: 'activist', name: 'ناشطة بغداد', governorates: ['IQ-BG'] }, 'admin');
  basrahContact = await created(t, '/api/contacts', { kind: 'activist', name: 'ناشط البصرة', governorates: ['IQ-BA'] }, 'admin');
});
afterAll(() => t.close());

const asBasrah = (options: InjectOptions) => t.app.inject({ ...options, headers: { authorization: `Bearer ${basrah.token}` } });
const post = (body: Json, as: Role = 'staff') => t.request(as, { method: 'POST', url: '/api/tasks', payload: body });
const list = async (query: string, as: Role = 'staff') => {
  const res = await t.request(as, { method: 'GET', url: `/api/tasks?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Json;
};
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('creating and assigning tasks', () => {
  it('lets a writer give a colleague a task; it shows on their list, overdue first, and in their header counts', async () => {
    const later = await created(t, '/api/tasks', {
      title: 'اتصل بها بخصوص الورشة',
      contactId: baghdadContact.id,
      assigneeId: t.users.coordinator.id,
      dueOn: day(5),
    });
    const overdue = await created(t, '/api/tasks', {
      title: 'أرسل الدعوة',
      assigneeId: t.users.coordinator.id,
      dueOn: day(-3),
      priority: 'high',
    });
    const undated = await created(t, '/api/tasks', { title: 'بلا موعد', assigneeId: t.users.coordinator.id });
    expect(later).toMatchObject({
      state: 'open',
      priority: 'normal',
      overdue: false,
      assignee: { id: t.users.coordinator.id },
      createdBy: { id: t.users.staff.id },
      contact: { id: baghdadContact.id, name: 'ناشطة بغداد', kind: 'activist', restricted: false },
      version: 1,
    });
    expect(overdue.overdue).toBe(true);
    const mine = await list('assignee=me&state=open', 'coordinator');
    expect(mine.items.map((i: Json) => i.id)).toEqual([overdue.id, later.id, undated.id]);
    const summary = await t.request('coordinator', { method: 'GET', url: '/api/tasks/summary' });
    expect(summary.json()).toEqual({ open: 3, overdue: 1 });
    expect((await list('overdue=true', 'coordinator')).items.map((i: Json) => i.id)).toEqual([overdue.id]);
    expect((await list(`contactId=${baghdadContact.id}`, 'viewer')).items.map((i: Json) => i.id)).toEqual([later.id]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'task')
      .where('entity_id', '=', later.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', user_id: t.users.staff.id });
    expect(audit[0].details).toMatchObject({ assigneeId: t.users.coordinator.id, contactId: baghdadContact.id });
  });

  it('refuses viewers, unknown links, and assignees who could not act on the task', async () => {
    expectProblem(await post({ title: 'x' }, 'viewer'), 403, 'FORBIDDEN');
    expectProblem(await post({ title: 'x', contactId: '00000000-0000-4000-8000-000000000000' }), 404, 'NOT_FOUND');
    expectProblem(await post({ title: 'x', contactId: baghdadContact.id, assigneeId: basrah.user.id }), 400, 'ASSIGNEE_OUT_OF_SCOPE');
    expectProblem(await post({ title: 'x', assigneeId: t.users.viewer.id }), 400, 'ASSIGNEE_UNAVAILABLE');
    const gone = await t.addUser('staff');
    await t.database.db.updateTable('app_user').set({ active: false }).where('id', '=', gone.user.id).execute();
    expectProblem(await post({ title: 'x', assigneeId: gone.user.id }), 400, 'ASSIGNEE_UNAVAILABLE');
    // In scope: the Basrah account may be given a task about a Basrah contact.
    const ok = await post({ title: 'زيارة', contactId: basrahContact.id, assigneeId: basrah.user.id });
    expect(ok.statusCode, ok.body).toBe(201);
    const choices = (await t.request('staff', { method: 'GET', url: `/api/tasks/assignees?contactId=${baghdadContact.id}` })).json();
    const ids = choices.items.map((u: Json) => u.id);
    expect(ids).toContain(t.users.coordinator.id);
    expect(ids).not.toContain(basrah.user.id);
    expect(ids).not.toContain(t.users.viewer.id);
    expect(ids).not.toContain(gone.user.id);
  });
});

describe('what a scoped account sees', () => {
  it('sees tasks about contacts in its governorates and its own, and nothing else', async () => {
    const baghdadTask = await created(t, '/api/tasks', { title: 'مهمة بغداد', contactId: baghdadContact.id }, 'admin');
    const basrahTask = await created(t, '/api/tasks', { title: 'مهمة البصرة', contactId: basrahContact.id }, 'admin');
    const loose = await created(t, '/api/tasks', { title: 'مهمة عامة' }, 'admin');
    const given = await created(t, '/api/tasks', { title: 'لك', assigneeId: basrah.user.id }, 'admin');
    const res = await asBasrah({ method: 'GET', url: '/api/tasks?limit=200' });
    const seen = res.json().items.map((i: Json) => i.id);
    expect(seen).toEqual(expect.arrayContaining([basrahTask.id, given.id]));
    expect(seen).not.toContain(baghdadTask.id);
    expect(seen).not.toContain(loose.id);
    expectProblem(await asBasrah({ method: 'GET', url: `/api/tasks/${baghdadTask.id}` }), 404, 'NOT_FOUND');
    expectProblem(
      await asBasrah({ method: 'PATCH', url: `/api/tasks/${baghdadTask.id}`, payload: { version: 1, state: 'done' } }),
      404,
      'NOT_FOUND',
    );
    expectProblem(await asBasrah({ method: 'GET', url: `/api/tasks?contactId=${baghdadContact.id}` }), 404, 'NOT_FOUND');
    const own = await asBasrah({ method: 'POST', url: '/api/tasks', payload: { title: 'تذكير لنفسي' } });
    expect(own.statusCode, own.body).toBe(201);
    expect((await asBasrah({ method: 'GET', url: '/api/tasks/summary' })).json().open).toBe(3);
  });

  it('hides the notes of a task about a restricted contact from roles that may not see its details', async () => {
    const secret = await created(
      t,
      '/api/contacts',
      { kind: 'activist', name: 'ناشط محمي', governorates: ['IQ-BG'], sensitivity: 'restricted' },
      'admin',
    );
    const task = await created(
      t,
      '/api/tasks',
      { title: 'متابعة', notes: 'يسكن قرب السوق', contactId: secret.id, assigneeId: t.users.staff.id },
      'coordinator',
    );
    const forStaff = (await t.request('staff', { method: 'GET', url: `/api/tasks/${task.id}` })).json();
    expect(forStaff).toMatchObject({ notes: null, notesHidden: true, contact: { id: secret.id, restricted: true } });
    expect((await t.request('admin', { method: 'GET', url: `/api/tasks/${task.id}` })).json().notes).toBe('يسكن قرب السوق');
    expectProblem(
      await t.request('staff', { method: 'PATCH', url: `/api/tasks/${task.id}`, payload: { version: 1, notes: 'x' } }),
      403,
      'FORBIDDEN',
    );
    const done = await t.request('staff', { method: 'PATCH', url: `/api/tasks/${task.id}`, payload: { version: 1, state: 'done' } });
    expect(done.statusCode, done.body).toBe(200);
  });
});

describe('changing tasks', () => {
  it('marks done, reassigns, refuses a stale version with 409 and audits assignment and state changes', async () => {
    const task = await created(t, '/api/tasks', { title: 'جهّز القائمة', contactId: baghdadContact.id, dueOn: day(-1) });
    const done = await t.request('staff', { method: 'PATCH', url: `/api/tasks/${task.id}`, payload: { version: 1, state: 'done' } });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ state: 'done', overdue: false, version: 2 });
    expect(done.json().completedAt).not.toBeNull();
    expectProblem(
      await t.request('coordinator', { method: 'PATCH', url: `/api/tasks/${task.id}`, payload: { version: 1, state: 'cancelled' } }),
      409,
      'CONFLICT',
    );
    expectProblem(
      await t.request('staff', { method: 'PATCH', url: `/api/tasks/${task.id}`, payload: { version: 2, assigneeId: basrah.user.id } }),
      400,
      'ASSIGNEE_OUT_OF_SCOPE',
    );
    const moved = await t.request('staff', {
      method: 'PATCH',
      url: `/api/tasks/${task.id}`,
      payload: { version: 2, assigneeId: t.users.admin.id, state: 'open' },
    });
    expect(moved.json()).toMatchObject({ assignee: { id: t.users.admin.id }, state: 'open', completedAt: null, version: 3 });
    expectProblem(
      await t.request('viewer', { method: 'PATCH', url: `/api/tasks/${task.id}`, payload: { version: 3, state: 'done' } }),
      403,
      'FORBIDDEN',
    );
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', task.id)
      .where('action', '=', 'update')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.changed_fields)).toEqual([['state'], ['state', 'assignee_id']]);
    expect(audit[1].details).toMatchObject({
      assignee: { old: t.users.staff.id, new: t.users.admin.id },
      state: { old: 'done', new: 'open' },
    });
  });
});

describe('interaction follow-ups are tasks', () => {
  it('creates the task from an interaction, and the interaction shows what the task says', async () => {
    const interaction = await created(t, '/api/interactions', {
      kind: 'meeting',
      occurredOn: day(-2),
      summary: 'لقاء حول المشروع',
      contactIds: [baghdadContact.id],
      followUpOn: day(-1),
    });
    const tasks = (await list(`contactId=${baghdadContact.id}&limit=200`)).items.filter((i: Json) => i.interaction?.id === interaction.id);
    expect(tasks).toHaveLength(1);
    const task = tasks[0];
    expect(task).toMatchObject({
      title: 'لقاء حول المشروع',
      dueOn: day(-1),
      state: 'open',
      overdue: true,
      assignee: { id: t.users.staff.id },
      interaction: { kind: 'meeting' },
    });
    expectProblem(await post({ title: 'ثانية', interactionId: interaction.id }), 409, 'TASK_EXISTS');

    const done = await t.request('coordinator', {
      method: 'PATCH',
      url: `/api/tasks/${task.id}`,
      payload: { version: task.version, state: 'done' },
    });
    expect(done.statusCode, done.body).toBe(200);
    const shown = (await t.request('staff', { method: 'GET', url: `/api/interactions?contact=${baghdadContact.id}` }))
      .json()
      .items.find((i: Json) => i.id === interaction.id);
    expect(shown).toMatchObject({ followUpOn: day(-1), followUpDone: true, needsFollowUp: false });

    const moved = await t.request('staff', {
      method: 'PATCH',
      url: `/api/interactions/${interaction.id}`,
      payload: { version: shown.version, followUpOn: day(4), followUpDone: false },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await t.request('staff', { method: 'GET', url: `/api/tasks/${task.id}` })).json()).toMatchObject({
      dueOn: day(4),
      state: 'open',
    });
    const cleared = await t.request('staff', {
      method: 'PATCH',
      url: `/api/interactions/${interaction.id}`,
      payload: { version: moved.json().version, followUpOn: null },
    });
    expect(cleared.json()).toMatchObject({ followUpOn: null, followUpDone: false });
    expect((await t.request('staff', { method: 'GET', url: `/api/tasks/${task.id}` })).json().state).toBe('cancelled');
  });

  it('writes the follow-up of a task created for an interaction back onto the interaction', async () => {
    const interaction = await created(t, '/api/interactions', {
      kind: 'call',
      occurredOn: day(-1),
      summary: 'مكالمة',
      contactIds: [basrahContact.id],
    });
    const task = await created(t, '/api/tasks', {
      title: 'عاود الاتصال',
      interactionId: interaction.id,
      dueOn: day(2),
      assigneeId: basrah.user.id,
    });
    expect(task.interaction).toMatchObject({ id: interaction.id, kind: 'call' });
    expect(task.contact.id).toBe(basrahContact.id);
    const shown = (await t.request('staff', { method: 'GET', url: `/api/interactions?contact=${basrahContact.id}` }))
      .json()
      .items.find((i: Json) => i.id === interaction.id);
    expect(shown).toMatchObject({ followUpOn: day(2), followUpDone: false });
  });
});

describe('tasks and merges', () => {
  it('moves a task about a merged contact to the survivor, and back when the merge is undone', async () => {
    const survivor = await created(t, '/api/contacts', { kind: 'activist', name: 'سلمى ناصر', governorates: ['IQ-BG'] }, 'admin');
    const dup = await created(t, '/api/contacts', { kind: 'activist', name: 'سلمى ناصر (2)', governorates: ['IQ-BG'] }, 'admin');
    const task = await created(t, '/api/tasks', { title: 'تأكيد الرقم', contactId: dup.id });
    const merge = await t.request('coordinator', {
      method: 'POST',
      url: '/api/contacts/merge',
      payload: { survivorId: survivor.id, mergedIds: [dup.id], versions: { [survivor.id]: survivor.version, [dup.id]: dup.version } },
    });
    expect(merge.statusCode, merge.body).toBe(200);
    expect((await t.request('staff', { method: 'GET', url: `/api/tasks/${task.id}` })).json().contact.id).toBe(survivor.id);
    const undone = await t.request('coordinator', { method: 'POST', url: `/api/merges/${merge.json().undoId}/undo` });
    expect(undone.statusCode, undone.body).toBe(200);
    expect((await t.request('staff', { method: 'GET', url: `/api/tasks/${task.id}` })).json().contact.id).toBe(dup.id);
  });
});
