import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../../web/src/lib/i18n/message-format.js';

const followUpsAr = '{n, plural, zero {لا متابعات} one {متابعة واحدة} two {متابعتان} few {# متابعات} many {# متابعةً} other {# متابعة}}';
const followUpsEn = '{n, plural, =0 {no follow-ups} one {# follow-up} other {# follow-ups}}';

describe('messages with counts', () => {
  it('agrees with the number in Arabic: zero, one, two, few (3–10), many (11–99), other (100+)', () => {
    const say = (n: number) => formatMessage(followUpsAr, { n }, 'ar');
    expect([0, 1, 2, 3, 10, 11, 99, 100, 102].map(say)).toEqual([
      'لا متابعات',
      'متابعة واحدة',
      'متابعتان',
      '3 متابعات',
      '10 متابعات',
      '11 متابعةً',
      '99 متابعةً',
      '100 متابعة',
      '102 متابعة',
    ]);
    expect(say(103)).toBe('103 متابعات');
  });

  it('agrees in English, with an exact =0 case before the category', () => {
    expect([0, 1, 2, 21].map((n) => formatMessage(followUpsEn, { n }, 'en'))).toEqual([
      'no follow-ups',
      '1 follow-up',
      '2 follow-ups',
      '21 follow-ups',
    ]);
  });

  it('fills plain placeholders, inside plural cases too, and leaves unknown ones as they are', () => {
    expect(formatMessage('{name}: {n, plural, one {# row} other {# rows}} {missing}', { name: 'ملف', n: 4 }, 'en')).toBe(
      '\u2068ملف\u2069: 4 rows {missing}',
    );
    expect(formatMessage('{n, plural, one {{name} alone} other {{name} and # more}}', { name: 'Zainab', n: 1 }, 'en')).toBe('Zainab alone');
  });

  it('formats the number with the given function', () => {
    expect(formatMessage(followUpsEn, { n: 1200 }, 'en', (n) => n.toLocaleString('en-GB'))).toBe('1,200 follow-ups');
  });

  it('leaves a message without params untouched, and survives an unbalanced brace', () => {
    expect(formatMessage('{n} left', undefined, 'en')).toBe('{n} left');
    expect(formatMessage('broken {n, plural, one {x}', { n: 1 }, 'en')).toBe('broken {n, plural, one {x}');
  });

  describe('isolates a value written in the other direction, and only such a value', () => {
    it('a Latin name in an Arabic message keeps its quotation marks and leaves the number to the message', () => {
      expect(formatMessage('«{name}»: {rows} صفًا', { name: 'contacts.csv', rows: 12 }, 'ar')).toBe('«\u2068contacts.csv\u2069»: 12 صفًا');
    });
    it('an Arabic title in an English message', () => {
      expect(formatMessage('Delete “{title}”?', { title: 'الجلسة الختامية 2' }, 'en')).toBe('Delete “\u2068الجلسة الختامية 2\u2069”?');
    });
    it('but not a value in the message’s own direction, nor a number', () => {
      expect(formatMessage('حُفظت «{name}» ({n})', { name: 'المجموعة الأولى', n: 3 }, 'ar')).toBe('حُفظت «المجموعة الأولى» (3)');
      expect(formatMessage('Saved “{name}”', { name: 'Group A' }, 'en')).toBe('Saved “Group A”');
    });
  });
});
