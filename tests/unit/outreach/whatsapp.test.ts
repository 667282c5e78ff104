import { describe, expect, it } from 'vitest';
import { baghdadDay, pickMobile, waUrl, whatsappDedupeKey } from '../../../server/src/domain/outreach/whatsapp.js';
import { vCards } from '../../../server/src/domain/outreach/vcard.js';
import { matchesOutreach } from '../../../server/src/domain/outreach/outreach-state.js';

describe('pickMobile', () => {
  it('takes the first Iraqi mobile, passing over landlines listed before it', () => {
    expect(pickMobile(['+96415551234', '+9647801112222', '+9647703334444'])).toBe('+9647801112222');
  });
  it('falls back to a foreign number, never to an Iraqi landline', () => {
    expect(pickMobile(['+96415551234', '+4915112345678'])).toBe('+4915112345678');
    expect(pickMobile(['+96415551234', '+96440123456'])).toBeNull();
    expect(pickMobile([])).toBeNull();
  });
});

describe('waUrl', () => {
  it('puts the digits without + and encodes Arabic, spaces and newlines', () => {
    const url = waUrl('+9647701234567', 'مرحبا زينب،\nالرابط: https://x.example/r/abc?x=1&y=2');
    expect(url.startsWith('https://wa.me/9647701234567?text=')).toBe(true);
    const text = url.slice(url.indexOf('?text=') + 6);
    expect(text).toMatch(/^[A-Za-z0-9%\-_.!~*'()]+$/);
    expect(text).toContain('%0A');
    expect(text).toContain('%26y%3D2');
    expect(decodeURIComponent(text)).toBe('مرحبا زينب،\nالرابط: https://x.example/r/abc?x=1&y=2');
  });
});

describe('baghdadDay and the dedupe key', () => {
  it("counts days in Baghdad time (UTC+3), not in the server's zone", () => {
    expect(baghdadDay(new Date('2026-12-02T20:59:00Z'))).toBe('2026-12-02');
    expect(baghdadDay(new Date('2026-12-02T21:00:00Z'))).toBe('2026-12-03');
    expect(whatsappDedupeKey('reminder', new Date('2026-12-02T21:00:00Z'))).toBe('reminder:2026-12-03');
  });
});

describe('vCards', () => {
  it('writes one vCard 3.0 per person with CRLF lines and escaped text', () => {
    expect(
      vCards([
        { name: 'زينب; علي', phone: '+9647701234567', note: 'ورشة, بغداد' },
        { name: 'Ali', phone: '+4915112345678' },
      ]),
    ).toBe(
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:زينب\\; علي\r\nN:زينب\\; علي;;;;\r\nTEL;TYPE=CELL:+9647701234567\r\nNOTE:ورشة\\, بغداد\r\nEND:VCARD\r\n' +
        'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ali\r\nN:Ali;;;;\r\nTEL;TYPE=CELL:+4915112345678\r\nEND:VCARD\r\n',
    );
    expect(vCards([])).toBe('');
  });
});

describe('matchesOutreach', () => {
  const none = { lastSentAt: null, repliedViaLinkAt: null };
  const sent = { lastSentAt: '2026-12-02T10:00:00Z', repliedViaLinkAt: null };
  const replied = { lastSentAt: '2026-12-02T10:00:00Z', repliedViaLinkAt: '2026-12-02T12:00:00Z' };
  it('sorts invitations into not contacted, contacted without an answer, and answered by link', () => {
    expect(matchesOutreach('not_contacted', none, 'proposed')).toBe(true);
    expect(matchesOutreach('not_contacted', sent, 'invited')).toBe(false);
    expect(matchesOutreach('contacted_no_reply', sent, 'invited')).toBe(true);
    expect(matchesOutreach('contacted_no_reply', sent, 'confirmed')).toBe(false);
    expect(matchesOutreach('contacted_no_reply', replied, 'invited')).toBe(false);
    expect(matchesOutreach('replied_via_link', replied, 'declined')).toBe(true);
    expect(matchesOutreach('replied_via_link', sent, 'confirmed')).toBe(false);
  });
});
