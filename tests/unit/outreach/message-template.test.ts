import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TEMPLATES,
  TEMPLATE_PLACEHOLDERS,
  renderTemplate,
  unknownPlaceholders,
  type TemplateValues,
} from '../../../server/src/domain/outreach/message-template.js';
import { eventDate, eventTime } from '../../../server/src/domain/outreach/event-when.js';

const values: TemplateValues = {
  name: 'زينب علي',
  event: 'الجلسة الختامية',
  date: 'الأحد، 20 كانون الأول 2026',
  time: '10:00 ص – 4:00 م',
  venue: 'فندق بابل',
  governorate: 'بغداد',
  link: 'https://example.org/r/abc',
  phone: '+9647701234567',
};

describe('message templates', () => {
  it('fills every placeholder, repeated ones too', () => {
    expect(renderTemplate('{name} – {name}: {link}', values)).toBe('زينب علي – زينب علي: https://example.org/r/abc');
  });

  it('names unknown placeholders once each, in order of use', () => {
    expect(unknownPlaceholders('مرحبا {nmae} في {event} {venu} {nmae}')).toEqual(['nmae', 'venu']);
    expect(unknownPlaceholders('{} {الاسم}')).toEqual(['', 'الاسم']);
    expect(unknownPlaceholders('no braces, { spaced } braces')).toEqual([]);
  });

  it('ships default texts that use only known placeholders and always carry the reply link', () => {
    for (const purpose of Object.values(DEFAULT_TEMPLATES)) {
      for (const text of Object.values(purpose)) {
        expect(unknownPlaceholders(text.body + text.subject)).toEqual([]);
        expect(text.body).toContain('{link}');
      }
    }
    expect(TEMPLATE_PLACEHOLDERS).toContain('link');
  });
});

describe('event date and time as an invitee reads them', () => {
  const starts = new Date('2026-12-20T07:00:00Z');
  const ends = new Date('2026-12-20T13:00:00Z');
  it('uses Iraqi month names, Baghdad time and Western digits in Arabic', () => {
    expect(eventDate(starts, 'ar')).toBe('الأحد، 20 كانون الأول 2026');
    expect(eventTime(starts, ends, 'ar')).toMatch(/^10:00 ص – 4:00 م$/);
  });
  it('reads naturally in English', () => {
    expect(eventDate(starts, 'en')).toBe('Sunday, 20 December 2026');
    expect(eventTime(starts, ends, 'en')).toMatch(/^10:00\s?am – 4:00\s?pm$/i);
  });
});
