import { describe, expect, it } from 'vitest';
import { cleanTags, mayRunBulkAction, mayTrashRestricted, withTagsAdded, withTagsRemoved } from '../../server/src/domain/bulk-actions.js';
import { bulkActionsAr, bulkActionsEn } from '../../web/src/lib/i18n/features/bulk-actions.js';
import { formatMessage } from '../../web/src/lib/i18n/message-format.js';

/** Issue 13, item 3: the rules the server enforces and the web app uses to hide what it would refuse, and the counts' words. */
const ar = (key: keyof typeof bulkActionsAr, params: Record<string, number>) => formatMessage(bulkActionsAr[key], params, 'ar');
const en = (key: keyof typeof bulkActionsEn, params: Record<string, number>) => formatMessage(bulkActionsEn[key], params, 'en');

describe('bulk action rules', () => {
  it('lets each role run only its actions', () => {
    expect(mayRunBulkAction('viewer', 'export')).toBe(true);
    expect(mayRunBulkAction('viewer', 'addTags')).toBe(false);
    expect(mayRunBulkAction('staff', 'addTags')).toBe(true);
    expect(mayRunBulkAction('staff', 'setSensitivity')).toBe(false);
    expect(mayRunBulkAction('coordinator', 'setSensitivity')).toBe(true);
    expect(mayRunBulkAction('staff', 'addToEvent')).toBe(true);
    expect(mayTrashRestricted('staff')).toBe(false);
    expect(mayTrashRestricted('coordinator')).toBe(true);
  });

  it('adds and removes tags keeping the order, each once', () => {
    expect(cleanTags([' شباب ', '', 'شباب', 'نساء'])).toEqual(['شباب', 'نساء']);
    expect(withTagsAdded(['أ', 'ب'], ['ب', 'ج'])).toEqual(['أ', 'ب', 'ج']);
    expect(withTagsRemoved(['أ', 'ب', 'ج'], ['ب'])).toEqual(['أ', 'ج']);
  });
});

describe('bulk action messages', () => {
  it('agree with their number in Arabic and English', () => {
    expect([1, 2, 3, 60, 100].map((n) => ar('bulk.apply', { n }))).toEqual([
      'تنفيذ على جهة اتصال واحدة',
      'تنفيذ على جهتي اتصال',
      'تنفيذ على 3 جهات اتصال',
      'تنفيذ على 60 جهة اتصال',
      'تنفيذ على 100 جهة اتصال',
    ]);
    expect([1, 60].map((n) => en('bulk.apply', { n }))).toEqual(['Apply to one contact', 'Apply to 60 contacts']);
    expect(en('bulk.done.changed', { changed: 0, count: 5 })).toBe('No contact of 5 changed.');
    expect(ar('bulk.done.changed', { changed: 2, count: 5 })).toBe('تغيّرت جهتا اتصال من 5.');
  });

  it('has the same keys in both languages', () => {
    expect(Object.keys(bulkActionsEn).sort()).toEqual(Object.keys(bulkActionsAr).sort());
  });
});
