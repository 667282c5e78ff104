import { describe, expect, it } from 'vitest';
import { currentConsent, refusesScope, sniffConsentFileType, type ConsentFact } from '../../server/src/domain/consent.js';

let n = 0;
const record = (
  kind: ConsentFact['kind'],
  scopes: ConsentFact['scopes'],
  recordedOn: string,
  createdAt = '2026-12-01T10:00:00.000Z',
): ConsentFact => ({
  id: `r${++n}`,
  kind,
  basis: 'spoken',
  scopes,
  recordedOn,
  createdAt,
});

describe('currentConsent', () => {
  it('is unknown for every scope without records', () => {
    const state = currentConsent([]);
    expect(Object.values(state).map((s) => s.answer)).toEqual(['unknown', 'unknown', 'unknown', 'unknown', 'unknown']);
    expect(state.whatsapp).toEqual({ answer: 'unknown', recordId: null, recordedOn: null, basis: null });
  });

  it('takes each scope from the newest record that names it, whatever order they come in', () => {
    const given = record('given', ['phone', 'whatsapp', 'photos'], '2026-01-10');
    const withdrawn = record('withdrawn', ['whatsapp'], '2026-05-01');
    const state = currentConsent([withdrawn, given]);
    expect(state.whatsapp).toMatchObject({ answer: 'no', recordId: withdrawn.id, recordedOn: '2026-05-01' });
    expect(state.phone).toMatchObject({ answer: 'yes', recordId: given.id });
    expect(state.email.answer).toBe('unknown');
  });

  it('lets a later consent give back what was withdrawn', () => {
    const state = currentConsent([record('withdrawn', ['email'], '2026-02-01'), record('given', ['email'], '2026-03-01')]);
    expect(state.email.answer).toBe('yes');
  });

  it('breaks a tie on the same day by when the record was entered', () => {
    const morning = record('given', ['photos'], '2026-04-04', '2026-04-04T08:00:00.000Z');
    const evening = record('withdrawn', ['photos'], '2026-04-04', '2026-04-04T18:00:00.000Z');
    expect(currentConsent([evening, morning]).photos.answer).toBe('no');
    expect(currentConsent([morning, evening]).photos.answer).toBe('no');
  });

  it('refuses a channel only on a no; unknown keeps outreach going', () => {
    expect(refusesScope([], 'whatsapp')).toBe(false);
    expect(refusesScope([record('withdrawn', ['whatsapp'], '2026-01-01')], 'whatsapp')).toBe(true);
    expect(refusesScope([record('withdrawn', ['whatsapp'], '2026-01-01')], 'email')).toBe(false);
  });
});

describe('sniffConsentFileType', () => {
  it('knows PDF, JPEG and PNG by their first bytes', () => {
    expect(sniffConsentFileType(Buffer.from('%PDF-1.7\n...'))).toBe('application/pdf');
    expect(sniffConsentFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(sniffConsentFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
  });

  it('refuses anything else, however it is named', () => {
    expect(sniffConsentFileType(Buffer.from('<html><script>'))).toBeNull();
    expect(sniffConsentFileType(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffConsentFileType(Buffer.from([0x89, 0x50, 0x4e]))).toBeNull();
    expect(sniffConsentFileType(Buffer.alloc(0))).toBeNull();
  });
});
