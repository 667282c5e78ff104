import { describe, expect, it } from 'vitest';
import { alignedMatchScore, nameSlots } from '../../../server/src/domain/search/name-alignment.js';
import { nameMatchScore, prepareQuery } from '../../../server/src/domain/search/name-match.js';
import { nameWordForms } from '../../../server/src/domain/search/search-key.js';
import { generateContacts } from '../../../seeds/synthetic/generate.js';

const aligned = (query: string, name: string) => alignedMatchScore(prepareQuery(query), nameSlots(name));

/** The names in the order a query ranks them (best first). */
const ranked = (query: string, names: string[]) => [...names].sort((a, b) => aligned(query, b) - aligned(query, a));

describe('nameSlots', () => {
  it('keeps the name words in order, each with the forms it can be typed in', () => {
    expect(nameSlots('هديل عبد الحسين الشمري')).toEqual([['هديل'], ['عبدالحسين', 'عبد', 'الحسين'], ['الشمري']]);
    expect(nameSlots('نور الهدى كاظم')).toEqual([['نور', 'نورالهدي'], ['الهدي'], ['كاظم']]);
    expect(nameSlots('')).toEqual([]);
  });

  it('has, over all its words, exactly the forms the word-by-word scorer uses', () => {
    const contacts = generateContacts(600, 5);
    const names = contacts.flatMap((c) => [c.name, ...(c.nameLatin ? [c.nameLatin] : [])]);
    const differing = names.filter((name) => {
      const forms = [...new Set(nameSlots(name).flat())].sort();
      return JSON.stringify(forms) !== JSON.stringify([...nameWordForms(name)].sort());
    });
    expect(differing).toEqual([]);
  });
});

describe('alignedMatchScore', () => {
  it('is 0 exactly where the word-by-word score is 0', () => {
    const name = 'محمد جمال عبد المحسن الجواهري';
    for (const query of ['محمد علي', 'محمد الجوا ', 'Zainab al-Jawahiri', '', 'al-']) expect(aligned(query, name)).toBe(0);
    for (const query of ['محمد الجوا', 'الجواهري محمد', 'Mohammed al-Jawahiri', 'عبد المحسن']) {
      expect(aligned(query, name)).toBeGreaterThanOrEqual(nameMatchScore(query, name));
    }
  });

  it('puts the person whose given name the first word is above one whose father it is', () => {
    expect(ranked('قاسم الهي', ['بيداء قاسم الهيتي', 'قاسم فراس صباح الهيتي'])[0]).toBe('قاسم فراس صباح الهيتي');
    expect(ranked('قاسم', ['بيداء قاسم الهيتي', 'قاسم فراس صباح الهيتي'])[0]).toBe('قاسم فراس صباح الهيتي');
  });

  it('puts the family name on the last word: first name + family name, middle names left out', () => {
    expect(ranked('علي الربيعي', ['حسن علي الربيعي', 'علي الربيعي كاظم', 'علي كاظم جبار الربيعي'])[0]).toBe('علي كاظم جبار الربيعي');
  });

  it('prefers a typed prefix on the family name to the same prefix on a middle name', () => {
    expect(ranked('زينب الحس', ['زينب الحسن كاظم', 'زينب كاظم الحسيني'])[0]).toBe('زينب كاظم الحسيني');
  });

  it('prefers the words in the name’s order', () => {
    expect(aligned('علي حسن', 'علي حسن كاظم')).toBeGreaterThan(aligned('علي حسن', 'علي كاظم حسن جبار'));
    expect(aligned('حسن علي', 'علي كاظم حسن')).toBeLessThan(aligned('علي حسن', 'علي كاظم حسن'));
  });

  it('still ranks a name spelled right above one a typo away, wherever the word is', () => {
    expect(aligned('قاسم الهيتي', 'بيداء قاسم الهيتي')).toBeGreaterThan(aligned('قاسم الهيتي', 'قاسن فراس الهيتي'));
    // سعاد محمد is the whole of a name, but محمد is only a typo's worth of احمد.
    expect(aligned('سعاد احمد', 'سعاد احمد مرتضى الخفاجي')).toBeGreaterThan(aligned('سعاد احمد', 'سعاد محمد'));
  });

  it('prefers the name the query names whole, a compound typed glued covering both its words', () => {
    expect(aligned('علي حسين محمد', 'علي حسين محمد')).toBeGreaterThan(aligned('علي حسين محمد', 'علي حسين محمد كاظم'));
    expect(aligned('نورالهدى محمود', 'نور الهدى محمود')).toBeGreaterThan(aligned('نورالهدى محمود', 'نور الهدى محمود كاظم'));
  });

  it('reads one word as the given name or the family name, as spelled', () => {
    expect(ranked('الحكيم', ['حكيم حسن', 'عمران علي الحكيم'])[0]).toBe('عمران علي الحكيم');
    expect(ranked('حسن', ['علي حسن كاظم', 'حسن علي كاظم'])[0]).toBe('حسن علي كاظم');
  });

  it('reads the family name typed first, then the given name', () => {
    expect(ranked('الهيتي قاسم', ['بيداء قاسم الهيتي', 'قاسم فراس الهيتي'])[0]).toBe('قاسم فراس الهيتي');
  });
});
