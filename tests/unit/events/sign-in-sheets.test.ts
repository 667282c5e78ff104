import { describe, expect, it } from 'vitest';
import { signInSheets, type SheetPerson } from '../../../server/src/domain/events/sign-in-sheets.js';

const groups = [
  { id: 'g1', name: 'الأولى' },
  { id: 'g2', name: 'الثانية' },
  { id: 'g3', name: 'الثالثة' },
];
const p = (name: string, status: SheetPerson['status'], groupId: string | null, role: SheetPerson['role'] = 'participant') => ({
  name,
  status,
  groupId,
  role,
});

const summary = (sheets: ReturnType<typeof signInSheets>) => sheets.map((s) => [s.key, s.rows.map((r) => r.name)]);

describe('sign-in sheets (issue 14, item 9)', () => {
  it('prints only confirmed and attending people; nobody unconfirmed makes a "no group" sheet', () => {
    const people = [
      p('زينب', 'confirmed', 'g1'),
      p('علي', 'attended', 'g2'),
      p('سارة', 'invited', null),
      p('حسن', 'proposed', null),
      p('مريم', 'declined', 'g3'),
      p('كريم', 'no_show', null),
      p('نور', 'cancelled', 'g1'),
    ];
    expect(summary(signInSheets(groups, people))).toEqual([
      ['g1', ['زينب']],
      ['g2', ['علي']],
      ['g3', []],
    ]);
  });

  it('puts guests and speakers on a page of their own, after the groups, even when they are in a group', () => {
    const people = [
      p('وزير', 'confirmed', null, 'government_guest'),
      p('محافظ', 'confirmed', 'g1', 'government_guest'),
      p('متحدثة', 'attended', null, 'speaker'),
      p('ميسّر حر', 'confirmed', null, 'facilitator'),
      p('ميسّرة الأولى', 'confirmed', 'g1', 'facilitator'),
      p('منظّم', 'confirmed', null, 'organiser'),
      p('مدعو ضيف', 'invited', null, 'government_guest'),
    ];
    expect(summary(signInSheets(groups, people))).toEqual([
      ['g1', ['ميسّرة الأولى']],
      ['g2', []],
      ['g3', []],
      ['guests', ['متحدثة', 'محافظ', 'ميسّر حر', 'وزير']],
    ]);
  });

  it('keeps the groups in the order given, a "no group" sheet only for confirmed participants without one, names sorted', () => {
    const reordered = [groups[2], groups[0], groups[1]];
    const people = [
      p('ياسر', 'confirmed', 'g3'),
      p('أحمد', 'confirmed', 'g3'),
      p('بلا', 'confirmed', null),
      p('ضائع', 'confirmed', 'gone'),
    ];
    const sheets = signInSheets(reordered, people);
    expect(summary(sheets)).toEqual([
      ['g3', ['أحمد', 'ياسر']],
      ['g1', []],
      ['g2', []],
      ['none', ['بلا', 'ضائع']],
    ]);
    expect(sheets.map((s) => s.kind)).toEqual(['group', 'group', 'group', 'unassigned']);
  });

  it('prints one sheet without a group name when the event has no groups', () => {
    const sheets = signInSheets([], [p('زينب', 'confirmed', null), p('سارة', 'invited', null)]);
    expect(sheets).toEqual([{ key: 'none', kind: 'unassigned', group: null, rows: [expect.objectContaining({ name: 'زينب' })] }]);
    expect(signInSheets([], [])).toHaveLength(1);
  });
});
