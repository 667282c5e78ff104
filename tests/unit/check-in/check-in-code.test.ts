import { describe, expect, it } from 'vitest';
import {
  CHECK_IN_CODE_ALPHABET,
  formatCheckInCode,
  isWellFormedCheckInCode,
  normaliseCheckInCode,
} from '../../../server/src/domain/events/check-in-code.js';

describe('check-in codes', () => {
  it('reads a code however it was typed: case, spaces, dashes, Arabic-Indic and Eastern digits, bidi marks', () => {
    expect(normaliseCheckInCode('k7mp-4xq2')).toBe('K7MP4XQ2');
    expect(normaliseCheckInCode('  K7MP 4XQ2 ')).toBe('K7MP4XQ2');
    expect(normaliseCheckInCode('k٧mp–٤xq٢')).toBe('K7MP4XQ2');
    expect(normaliseCheckInCode('K۷MP—۴XQ۲')).toBe('K7MP4XQ2');
    expect(normaliseCheckInCode('\u200eK7MP_4XQ2\u200f')).toBe('K7MP4XQ2');
    expect(normaliseCheckInCode('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
  });

  it('accepts only 8 characters of the unambiguous alphabet', () => {
    expect(CHECK_IN_CODE_ALPHABET).toHaveLength(31);
    expect(CHECK_IN_CODE_ALPHABET).not.toMatch(/[01ILO]/);
    expect(isWellFormedCheckInCode('K7MP4XQ2')).toBe(true);
    expect(isWellFormedCheckInCode('K7MP4XQ')).toBe(false);
    expect(isWellFormedCheckInCode('K7MP4XQ22')).toBe(false);
    expect(isWellFormedCheckInCode('K0MP4XQ2')).toBe(false);
    expect(isWellFormedCheckInCode('k7mp4xq2')).toBe(false);
  });

  it('shows a code as two groups of four', () => {
    expect(formatCheckInCode('K7MP4XQ2')).toBe('K7MP-4XQ2');
    expect(normaliseCheckInCode(formatCheckInCode('K7MP4XQ2'))).toBe('K7MP4XQ2');
  });
});
