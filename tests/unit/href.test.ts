import { describe, expect, it } from 'vitest';
import { hrefWithQuery } from '../../web/src/lib/href.js';

describe('hrefWithQuery', () => {
  it('keeps the path bare when nothing is set', () => {
    expect(hrefWithQuery('/tasks', { state: '', scope: false, overdue: undefined, governorate: null })).toBe('/tasks');
  });

  it('sends true as 1, numbers as digits, lists as the key repeated, in the order given', () => {
    expect(hrefWithQuery('/api/contacts', { q: 'علي', overdue: true, offset: 50, tags: ['a', 'b'] })).toBe(
      `/api/contacts?q=${encodeURIComponent('علي')}&overdue=1&offset=50&tags=a&tags=b`,
    );
  });

  it('leaves out a zero given as false by a condition, but keeps a real 0', () => {
    expect(hrefWithQuery('/activity', { days: false, offset: 0 })).toBe('/activity?offset=0');
  });
});
