import { describe, expect, it } from 'vitest';
import { formatPhone, normalizePhone, phoneSearchDigits } from '../../server/src/domain/phone.js';

describe('normalizePhone', () => {
  it.each([
    ['07701234567', '+9647701234567'],
    ['0770 123 4567', '+9647701234567'],
    ['0770-123-4567', '+9647701234567'],
    ['(0770) 123.4567', '+9647701234567'],
    ['+964 770 123 4567', '+9647701234567'],
    ['+964 0770 123 4567', '+9647701234567'],
    ['00964 770 123 4567', '+9647701234567'],
    ['9647701234567', '+9647701234567'],
    ['7701234567', '+9647701234567'],
    ['٠٧٧٠١٢٣٤٥٦٧', '+9647701234567'],
    ['٠٧٧٠ ١٢٣ ٤٥٦٧', '+9647701234567'],
    ['۰۷۷۰۱۲۳۴۵۶۷', '+9647701234567'],
    ['\u200e+964 780 000 0001', '+9647800000001'],
    ['01 717 1234', '+96417171234'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizePhone(raw)).toEqual({ ok: true, e164: expected });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['0770123456', 'invalid'],
    ['077012345678', 'invalid'],
    ['07201234567', 'invalid'],
    ['0770abc4567', 'invalid'],
    ['+964+7701234567', 'invalid'],
    ['+12', 'invalid'],
  ])('rejects %j as %s', (raw, reason) => {
    expect(normalizePhone(raw)).toEqual({ ok: false, reason });
  });
});

describe('formatPhone', () => {
  it('groups Iraqi mobiles for reading and leaves others as stored', () => {
    expect(formatPhone('+9647701234567')).toBe('+964 770 123 4567');
    expect(formatPhone('+442079460958')).toBe('+442079460958');
  });
});

describe('phoneSearchDigits', () => {
  it.each([
    ['07701234567', '7701234567'],
    ['+964 770 123 4567', '9647701234567'],
    ['00964-770-123-4567', '9647701234567'],
    ['٠٧٧٠ ١٢٣', '770123'],
    ['4567', '4567'],
  ])('%s → %s', (query, digits) => {
    expect(phoneSearchDigits(query)).toBe(digits);
  });

  it.each(['جمال', '077', 'ali 0770', ''])('%j is not a phone search', (query) => {
    expect(phoneSearchDigits(query)).toBeNull();
  });
});
