import type { TestApp } from './test-app.js';
import { created, type Json } from './api-requests.js';

/**
 * A hand-built programme for the donor report, the 3W and the HXL activities (issue 16), with figures a test can know
 * exactly. The programme works in Baghdad and Erbil; the period asked is 2026-03-01..2026-06-30.
 *
 *   E0 2026-02-01 Baghdad  (attributed, before the period)   D
 *   E1 2026-03-10 Baghdad  (attributed, organised by O)      A, C (for government body G1), O checked in without a name
 *   E2 2026-04-10 Erbil    (attributed, organised by O)      A (counts for Erbil on this event), B; G2 invited
 *   E3 2026-05-10 Baghdad  (attributed)                      A, D; F confirmed but never came
 *   E5 2026-04-20 Baghdad  (not attributed)                  A; G4 invited
 *
 * A: activist, female, Baghdad (three events in the period: one person). B: activist, gender not recorded, Erbil.
 * C: government focal point, male, Baghdad, holds a position in G1. D: activist, female, Baghdad, first came in February.
 * H: activist listed as a beneficiary from 2026-03-01 (never attended); A is listed as a participant too.
 * G3 took part in an attributed meeting on 2026-06-01. The donor is the organisation "صندوق الديمقراطية".
 */
export interface ProgrammeFixture {
  programmeId: string;
  events: Record<'e0' | 'e1' | 'e2' | 'e3' | 'e5', string>;
  people: Record<'a' | 'b' | 'c' | 'd' | 'f' | 'h', string>;
  bodies: Record<'g1' | 'g2' | 'g3' | 'g4', string>;
  organisation: string;
}

/** What the fixture needs of an app: its database and a way to POST as staff (tests/helpers/test-app.ts, or an e2e app). */
export type FixtureApp = Pick<TestApp, 'database' | 'request'>;

export async function buildProgrammeFixture(t: FixtureApp, tag = ''): Promise<ProgrammeFixture> {
  const db = t.database.db;
  const contact = async (body: Json) => (await created(t, '/api/contacts', { ...body, name: `${body.name}${tag}` })).id as string;
  const people = {
    a: await contact({ kind: 'activist', name: 'زينب علي', gender: 'female', governorates: ['IQ-BG'] }),
    b: await contact({ kind: 'activist', name: 'ئاری کەریم', governorates: ['IQ-AR'] }),
    c: await contact({ kind: 'government_focal_point', name: 'كريم حسن', gender: 'male', governorates: ['IQ-BG'] }),
    d: await contact({ kind: 'activist', name: 'سارة محمود', gender: 'female', governorates: ['IQ-BG'] }),
    f: await contact({ kind: 'activist', name: 'فاطمة جاسم', gender: 'female', governorates: ['IQ-BG'] }),
    h: await contact({ kind: 'activist', name: 'هدى كاظم', gender: 'female', governorates: ['IQ-BG'] }),
  };
  const body = (name: string, governorates: string[]) => contact({ kind: 'organization', subtype: 'government_body', name, governorates });
  const bodies = {
    g1: await body('مديرية شباب بغداد', ['IQ-BG']),
    g2: await body('مجلس محافظة أربيل', ['IQ-AR']),
    g3: await body('دائرة العمل في بغداد', ['IQ-BG']),
    g4: await body('مديرية لا تخص البرنامج', ['IQ-BG']),
  };
  const organisation = await contact({ kind: 'organization', subtype: 'local_ngo', name: 'منظمة الأمل', governorates: ['IQ-BG'] });
  await created(t, '/api/positions', { personId: people.c, organizationId: bodies.g1, title: 'مدير', isFocalPoint: true });

  const programme = await db
    .insertInto('programme')
    .values({ name_ar: `برنامج الديمقراطية${tag}`, name_en: 'Democracy programme', starts_on: '2026-01-01', sector: 'Governance' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const donor = await contact({ kind: 'organization', subtype: 'donor', name: 'صندوق الديمقراطية', governorates: ['IQ-BG'] });
  await db.insertInto('programme_donor').values({ programme_id: programme.id, contact_id: donor }).execute();
  await db
    .insertInto('programme_governorate')
    .values(['IQ-BG', 'IQ-AR'].map((g) => ({ programme_id: programme.id, governorate_code: g })))
    .execute();
  const event = async (title: string, day: string, governorate: string, attributed = true) => {
    const e = await created(t, '/api/events', {
      title,
      type: 'workshop',
      startsAt: `${day}T09:00:00+03:00`,
      endsAt: `${day}T13:00:00+03:00`,
      governorate,
    });
    if (attributed) await db.insertInto('event_programme').values({ event_id: e.id, programme_id: programme.id }).execute();
    return e.id as string;
  };
  const events = {
    e0: await event('ورشة التمهيد', '2026-02-01', 'IQ-BG'),
    e1: await event('ورشة المشاركة المدنية', '2026-03-10', 'IQ-BG'),
    e2: await event('جلسة حوارية في أربيل', '2026-04-10', 'IQ-AR'),
    e3: await event('تدريب المدافعين', '2026-05-10', 'IQ-BG'),
    e5: await event('فعالية خارج البرنامج', '2026-04-20', 'IQ-BG', false),
  };
  const invite = (
    eventId: string,
    contactId: string,
    status: 'attended' | 'invited' | 'confirmed' | 'proposed',
    extra: { role?: 'organiser'; quota_governorate?: string } = {},
  ) =>
    db
      .insertInto('invitation')
      .values({ event_id: eventId, contact_id: contactId, status, ...extra })
      .execute();
  await invite(events.e0, people.d, 'attended');
  await invite(events.e1, people.a, 'attended');
  await invite(events.e1, people.c, 'attended');
  await invite(events.e1, organisation, 'attended', { role: 'organiser' });
  await invite(events.e2, organisation, 'confirmed', { role: 'organiser' });
  await invite(events.e2, people.a, 'attended', { quota_governorate: 'IQ-AR' });
  await invite(events.e2, people.b, 'attended');
  await invite(events.e2, bodies.g2, 'invited');
  await invite(events.e3, people.a, 'attended');
  await invite(events.e3, people.d, 'attended');
  await invite(events.e3, people.f, 'confirmed');
  await invite(events.e1, bodies.g4, 'proposed');
  await invite(events.e5, people.a, 'attended');
  await invite(events.e5, bodies.g4, 'invited');

  const meeting = await db
    .insertInto('interaction')
    .values({ kind: 'meeting', occurred_on: '2026-06-01', summary: 'اجتماع تنسيقي' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('interaction_participant').values({ interaction_id: meeting.id, contact_id: bodies.g3 }).execute();
  await db.insertInto('interaction_programme').values({ interaction_id: meeting.id, programme_id: programme.id }).execute();
  await db
    .insertInto('programme_participant')
    .values([
      { programme_id: programme.id, contact_id: people.h, role: 'beneficiary', starts_on: '2026-03-01' },
      { programme_id: programme.id, contact_id: people.a, role: 'participant', starts_on: '2026-01-01' },
    ])
    .execute();
  return { programmeId: programme.id, events, people, bodies, organisation };
}
