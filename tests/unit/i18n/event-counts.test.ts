import { describe, expect, it } from 'vitest';
import { eventsAr, eventsEn } from '../../../web/src/lib/i18n/features/events.js';
import { eventDayAr, eventDayEn } from '../../../web/src/lib/i18n/features/event-day.js';
import { eventQuotasAr, eventQuotasEn } from '../../../web/src/lib/i18n/features/event-quotas.js';
import { formatMessage } from '../../../web/src/lib/i18n/message-format.js';

const allAr = { ...eventsAr, ...eventDayAr, ...eventQuotasAr };
const allEn = { ...eventsEn, ...eventDayEn, ...eventQuotasEn };

/** Issue 14, item 14: the events pages' counts agree with their number in Arabic and English. */
const ar = (key: keyof typeof allAr, params: Record<string, number>) => formatMessage(allAr[key], params, 'ar');
const en = (key: keyof typeof allEn, params: Record<string, number>) => formatMessage(allEn[key], params, 'en');

describe('event counts', () => {
  it('says people, events and places with the Arabic number forms', () => {
    expect([1, 2, 3, 11, 100].map((n) => ar('events.groups.count', { n }))).toEqual(['شخص واحد', 'شخصان', '3 أشخاص', '11 شخصًا', '100 شخص']);
    expect([0, 1, 2, 6, 24].map((n) => ar('events.count', { n }))).toEqual([
      'لا فعاليات',
      'فعالية واحدة',
      'فعاليتان',
      '6 فعاليات',
      '24 فعاليةً',
    ]);
    expect(ar('events.capacity.figures', { active: 47, capacity: 50 })).toBe('47 من 50 مقعدًا');
    expect(ar('events.groups.splitResult', { assigned: 45, unassigned: 2 })).toBe('وُزّع 45 مشاركًا، وبقي مشاركان بلا مجموعة.');
    expect(ar('events.groups.splitResult', { assigned: 45, unassigned: 0 })).toBe('وُزّع 45 مشاركًا، ولم يبقَ أحد بلا مجموعة.');
    expect(ar('events.reason.notInvitedRecently', { months: 6 })).toBe('لم يُدعَ منذ 6 أشهر');
  });

  it('says one and many in English', () => {
    expect([1, 15].map((n) => en('events.groups.count', { n }))).toEqual(['1 person', '15 people']);
    expect(en('events.list.bulkDone', { n: 1 })).toBe('1 invitation changed');
    expect(en('events.reason.newFace', { n: 0 })).toBe('New face (never attended)');
    expect(en('events.reason.newFace', { n: 3 })).toBe('New face (attended 3 times)');
    expect(en('events.capacity.figures', { active: 1, capacity: 1 })).toBe('1 of 1 place');
    expect(en('events.groups.splitResult', { assigned: 45, unassigned: 0 })).toBe('45 participants split; nobody is left without a group.');
  });
});
