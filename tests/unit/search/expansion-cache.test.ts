import { describe, expect, it } from 'vitest';
import { ExpansionCache } from '../../../server/src/modules/search/expansion-cache.js';

describe('ExpansionCache', () => {
  it('keeps a word’s expansions for a minute, apart for a word being typed', () => {
    let now = 0;
    const cache = new ExpansionCache(() => now);
    cache.set('محمد', false, ['محمد', 'محمود']);
    expect(cache.get('محمد', false)).toEqual(['محمد', 'محمود']);
    expect(cache.get('محمد', true)).toBeUndefined();
    now = 59_999;
    expect(cache.get('محمد', false)).toEqual(['محمد', 'محمود']);
    now = 60_000;
    expect(cache.get('محمد', false)).toBeUndefined();
  });
});
