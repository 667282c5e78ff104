import { describe, expect, it } from 'vitest';
import { fieldChanges } from '../../../server/src/domain/history/field-changes.js';

describe('fieldChanges', () => {
  it('keeps only the fields whose value differs, with old and new', () => {
    expect(
      fieldChanges({ title: 'مدير', note: null, phones: ['+9647701'] }, { title: 'معاون مدير', note: null, phones: ['+9647701'] }),
    ).toEqual({
      title: { old: 'مدير', new: 'معاون مدير' },
    });
  });

  it('treats null, an empty string and an empty list as the same nothing', () => {
    expect(fieldChanges({ tags: [], note: '' }, { tags: null, note: null })).toEqual({});
  });

  it('limits itself to the fields asked for, and writes dates as ISO text', () => {
    const at = new Date('2027-03-10T06:00:00.000Z');
    expect(fieldChanges({ starts_at: at, title: 'a' }, { starts_at: '2027-03-10T07:00:00.000Z', title: 'b' }, ['starts_at'])).toEqual({
      starts_at: { old: '2027-03-10T06:00:00.000Z', new: '2027-03-10T07:00:00.000Z' },
    });
    expect(fieldChanges({ starts_at: at }, { starts_at: '2027-03-10T06:00:00.000Z' })).toEqual({});
  });

  it('describes a creation as every filled field from null', () => {
    expect(fieldChanges(null, { name: 'سارة', tags: [], gender: 'female' })).toEqual({
      name: { old: null, new: 'سارة' },
      gender: { old: null, new: 'female' },
    });
  });
});
