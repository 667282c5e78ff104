import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOVERNORATES, HALABJA_CODE, findGovernorate } from '../../server/src/domain/governorates.js';

describe('governorates', () => {
  it('has the 18 ISO governorates plus Halabja under a key of its own', () => {
    expect(GOVERNORATES).toHaveLength(19);
    expect(new Set(GOVERNORATES.map((g) => g.code)).size).toBe(19);
    expect(findGovernorate(HALABJA_CODE)).toMatchObject({ nameEn: 'Halabja', pcode: null, kurdistanRegion: true });
  });

  it('does not swap Basrah (IQ-BA) and Baghdad (IQ-BG)', () => {
    expect(findGovernorate('IQ-BA')?.nameEn).toBe('Basrah');
    expect(findGovernorate('IQ-BG')?.nameEn).toBe('Baghdad');
  });

  it('matches the rows of the reference CSV kept in seeds/', () => {
    const csv = readFileSync(path.resolve(__dirname, '../../seeds/governorates.csv'), 'utf8').trim().split('\n').slice(1);
    const rows = csv.map((line) => {
      const [iso, pcode, nameEn, nameAr, nameKu, kr] = line.split(',');
      return { code: iso || HALABJA_CODE, pcode: pcode || null, nameEn, nameAr, nameKu, kurdistanRegion: kr === 'true' };
    });
    expect(rows).toEqual(GOVERNORATES);
  });
});
