import { parse } from 'csv-parse/sync';
import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCoreTag, parseHxlTag } from '../../server/src/domain/hxl/hxl-tags.js';
import { readmeText } from '../../server/src/modules/full-export/readme.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { created, type Json } from '../helpers/api-requests.js';

/**
 * Issue 16, item 1: the files and pages the server writes for a reader take `lang=ku` like `ar` and `en`: Sorani
 * headers, sheet words and governorate names, Kurdish month names in a calendar's and a reply page's dates.
 */
let t: TestApp;
let event: Json;
let replyToken: string;
beforeAll(async () => {
  t = await createTestApp();
  await created(t, '/api/contacts', {
    kind: 'activist',
    name: 'شيرين أحمد',
    nameKu: 'شیرین ئەحمەد',
    gender: 'female',
    governorates: ['IQ-AR', 'HALABJA'],
  });
  await created(t, '/api/contacts', { kind: 'organization', subtype: 'local_ngo', name: 'منظمة دهوك للشباب', governorates: ['IQ-DA'] });
  event = await created(
    t,
    '/api/events',
    {
      title: 'ورشة العمل المدني',
      type: 'workshop',
      // Friday 15 January 2027, 10:00–12:00 in Baghdad.
      startsAt: '2027-01-15T07:00:00.000Z',
      endsAt: '2027-01-15T09:00:00.000Z',
      venue: 'هۆڵی شار',
      governorate: 'IQ-SU',
    },
    'admin',
  );
  const invitee = await created(t, '/api/contacts', { kind: 'activist', name: 'ئاری کەریم', governorates: ['IQ-SU'] }, 'admin');
  const added = await created(t, `/api/events/${event.id}/invitations`, { contactIds: [invitee.id] }, 'admin');
  const links = await t.request('staff', {
    method: 'POST',
    url: `/api/events/${event.id}/invitations/links`,
    payload: { invitationIds: [added.added[0].id] },
  });
  replyToken = (links.json().items[0].url as string).split('/r/')[1];
});
afterAll(() => t.close());

const get = (url: string) => t.request('staff', { method: 'GET', url });
const readCsv = (body: string) => parse(body.replace(/^\uFEFF/, '')) as string[][];

describe('files in Kurdish', () => {
  it('exports the directory with Sorani headers, labels and governorate names', async () => {
    const res = await get('/api/contacts/export?format=csv&lang=ku&kind=activist&columns=name,nameKu,kind,gender,governorates');
    expect(res.statusCode, res.body).toBe(200);
    const [header, ...rows] = readCsv(res.body);
    expect(header).toEqual(['ناو', 'ناو بە کوردی', 'جۆر', 'ڕەگەز', 'پارێزگاکان']);
    expect(rows).toContainEqual(['شيرين أحمد', 'شیرین ئەحمەد', 'چالاکوان', 'مێ', 'هەڵەبجە، هەولێر']);
  });

  it('tags the Kurdish HXL column as Sorani (+i_ckb), with core hashtags only', async () => {
    const res = await get('/api/exports/hxl?dataset=organisations&lang=ku');
    expect(res.statusCode, res.body).toBe(200);
    const [header, tags, ...rows] = readCsv(res.body);
    expect(header[0]).toBe('ڕێکخراو');
    expect(tags).toContain('#adm1+name+i_ckb');
    for (const tag of tags) expect(isCoreTag(parseHxlTag(tag)!), tag).toBe(true);
    expect(rows.find((r) => r[0] === 'منظمة دهوك للشباب')).toContain('دهۆک');
  });

  it('writes an event’s participants and a calendar file in Kurdish', async () => {
    const list = await t.request('admin', { method: 'GET', url: `/api/events/${event.id}/export?format=csv&lang=ku` });
    expect(list.statusCode, list.body).toBe(200);
    expect(readCsv(list.body)[0].slice(0, 3)).toEqual(['ناو', 'لایەن', 'پارێزگا']);
    expect(readCsv(list.body)[1]).toContain('سلێمانی');
    const calendar = await get(`/api/events/${event.id}/calendar.ics?lang=ku`);
    expect(calendar.statusCode, calendar.body).toBe(200);
    const vevent = Object.values(ical.sync.parseICS(calendar.body)).find((c) => c?.type === 'VEVENT') as VEvent;
    expect(vevent.location).toBe('هۆڵی شار، سلێمانی');
  });

  it('gives the reply page the event’s date, time and governorate in Kurdish too', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/rsvp/${replyToken}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().event).toMatchObject({
      date: { ku: 'هەینی، 15ی کانوونی دووەمی 2027' },
      time: { ku: '10:00 – 12:00' },
      governorate: { ar: 'السليمانية', en: 'Sulaymaniyah', ku: 'سلێمانی' },
    });
  });

  it('explains the full export in Kurdish after the Arabic and the English', () => {
    const readme = readmeText(new Date('2027-01-15T07:00:00Z'), { contacts: 3 });
    const kurdish = readme.slice(readme.indexOf('ڕێبەری هاوبەشان — هەناردەی تەواو'));
    expect(readme.indexOf('Stakeholder directory')).toBeLessThan(readme.indexOf('ڕێبەری هاوبەشان'));
    expect(kurdish).toContain('contacts.csv (3 ڕیز)\r\n  پەیوەندیکاران (کەس، ڕێکخراو، تیم)');
    expect(kurdish).toContain('consent_files');
  });

  it('refuses a language it does not know', async () => {
    expect((await get('/api/contacts/export?format=csv&lang=ckb')).statusCode).toBe(400);
  });
});
