import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { baghdadWallTime, buildCalendarFile, organizerOf } from '../../../server/src/modules/outreach/calendar-file.js';

/** node-ical gives a property as its text, or as {val, params} when it carries parameters. */
const textOf = (value: string | { val: string } | undefined) => (typeof value === 'string' ? value : (value?.val ?? ''));

const input = {
  uid: 'event-1@directory.example.org',
  sequence: 3,
  title: 'الجلسة الختامية; "مهم", أيضًا',
  startsAt: new Date('2027-03-10T06:00:00.000Z'),
  endsAt: new Date('2027-03-10T12:30:00.000Z'),
  location: 'فندق بابل، بغداد',
  description: 'للرد على الدعوة: https://directory.example.org/r/abc',
  replyUrl: 'https://directory.example.org/r/abc',
  organizer: { name: 'Organisation', email: 'events@example.org' },
  now: new Date('2026-12-03T08:00:00.000Z'),
};

describe('calendar file', () => {
  it('writes the times in Asia/Baghdad with its VTIMEZONE, DTSTAMP in UTC, METHOD:PUBLISH, UID and SEQUENCE', () => {
    const text = buildCalendarFile(input);
    expect(text).toContain('METHOD:PUBLISH\r\n');
    expect(text).toContain('DTSTART;TZID=Asia/Baghdad:20270310T090000\r\n');
    expect(text).toContain('DTEND;TZID=Asia/Baghdad:20270310T153000\r\n');
    expect(text).toContain('DTSTAMP:20261203T080000Z\r\n');
    expect(text).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Asia\/Baghdad\r\nBEGIN:STANDARD\r\n[\s\S]*TZOFFSETTO:\+0300\r\n/);
    expect(text).not.toContain('BEGIN:DAYLIGHT');
    const vevent = Object.values(ical.sync.parseICS(text)).find((c) => c?.type === 'VEVENT') as VEvent;
    expect(vevent.uid).toBe(input.uid);
    expect(String(vevent.sequence)).toBe('3');
    expect(vevent.start.getTime()).toBe(input.startsAt.getTime());
    expect(vevent.end?.getTime()).toBe(input.endsAt.getTime());
    expect(vevent.summary).toBe(input.title);
    expect(vevent.location).toBe(input.location);
    expect(textOf(vevent.description)).toContain(input.replyUrl);
  });

  it('converts to Baghdad wall-clock time whatever the date (no summer time since 2008)', () => {
    expect(baghdadWallTime(new Date('2027-07-01T21:30:00.000Z'))).toBe('2027-07-02T00:30:00');
    expect(baghdadWallTime(new Date('2027-01-01T00:00:00.000Z'))).toBe('2027-01-01T03:00:00');
  });

  it('omits the organiser without MAIL_FROM and reads "Name <address>" when set', () => {
    expect(buildCalendarFile({ ...input, organizer: null })).not.toContain('ORGANIZER');
    expect(organizerOf(null)).toBeNull();
    expect(organizerOf('"Organisation" <events@example.org>')).toEqual({ name: 'Organisation', email: 'events@example.org' });
    expect(organizerOf('events@example.org')).toEqual({ name: 'events@example.org', email: 'events@example.org' });
  });
});
