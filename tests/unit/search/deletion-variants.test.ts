import { describe, expect, it } from 'vitest';
import { deletionVariants } from '../../../server/src/domain/search/deletion-variants.js';

const shareVariant = (a: string, b: string) => deletionVariants(a).some((v) => deletionVariants(b).includes(v));

describe('deletionVariants', () => {
  it('is the word and each one-letter deletion, without repeats', () => {
    expect(deletionVariants('محمد').sort()).toEqual(['حمد', 'محد', 'محم', 'محمد', 'ممد'].sort());
    expect(deletionVariants('سعد')).toEqual(['سعد', 'عد', 'سد', 'سع']);
  });

  it('gives short words only themselves', () => {
    expect(deletionVariants('علي').length).toBe(4);
    expect(deletionVariants('عل')).toEqual(['عل']);
  });

  it.each([
    ['substitution', 'نهدي', 'مهدي'],
    ['deletion', 'فاس', 'فارس'],
    ['insertion', 'فاررس', 'فارس'],
    ['swap', 'دلعم', 'لدعم'],
  ])('lets a %s meet its word through a shared variant (%s, %s)', (_kind, typed, word) => {
    expect(shareVariant(typed, word)).toBe(true);
  });

  it('does not join short words two substitutions apart', () => {
    expect(shareVariant('كريم', 'كرار')).toBe(false);
  });

  it('joins words of eight letters or more up to two edits apart, as the scorer allows', () => {
    expect(shareVariant('jawahery', 'jawahiri')).toBe(true);
    expect(shareVariant('جواهري', 'الجواهري')).toBe(true);
    expect(shareVariant('الهيتب', 'الهيتي')).toBe(true);
    expect(deletionVariants('abdulmohsen').length).toBeLessThanOrEqual(1 + 11 + 55);
  });
});
