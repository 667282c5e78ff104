import { describe, expect, it } from 'vitest';
import { memoize } from '../../../server/src/domain/search/memo.js';

describe('memoize', () => {
  it('computes each key once, and starts afresh at its bound', () => {
    const calls: string[] = [];
    const upper = memoize((key: string) => {
      calls.push(key);
      return key.toUpperCase();
    }, 2);
    expect([upper('a'), upper('a'), upper('b'), upper('a')]).toEqual(['A', 'A', 'B', 'A']);
    expect(calls).toEqual(['a', 'b']);
    upper('c');
    upper('a');
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
