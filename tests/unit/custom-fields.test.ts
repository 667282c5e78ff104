import { describe, expect, it } from 'vitest';
import {
  formatCustomValue,
  mergeCustomValues,
  parseCustomFilter,
  validateCustomValues,
  type CustomFieldDef,
} from '../../server/src/domain/custom-fields.js';
import { readCustomCells } from '../../server/src/domain/imports/custom-cells.js';

const sector: CustomFieldDef = {
  key: 'sector',
  type: 'choices',
  kinds: ['organization'],
  restricted: false,
  labelAr: 'القطاع',
  labelEn: 'Sector',
  options: [
    { value: 'health', labelAr: 'الصحة', labelEn: 'Health' },
    { value: 'water', labelAr: 'المياه', labelEn: 'Water' },
  ],
};
const staff: CustomFieldDef = { ...sector, key: 'staff', type: 'number', options: [] };
const founded: CustomFieldDef = { ...sector, key: 'founded', type: 'date', options: [] };

describe('custom field values', () => {
  it('names each bad value by its key, and cleans the good ones', () => {
    const { errors, cleaned } = validateCustomValues([sector, staff, founded], 'organization', {
      sector: ['health', 'health'],
      staff: Number.NaN,
      founded: '2024-02-29',
      other: 'x',
    });
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['customValues.sector', 'option'],
      ['customValues.staff', 'type'],
      ['customValues.other', 'unknown'],
    ]);
    expect(cleaned).toEqual({ founded: '2024-02-29' });
    expect(validateCustomValues([sector], 'activist', { sector: ['health'] }).errors[0].code).toBe('not_allowed');
    expect(validateCustomValues([sector], 'organization', { sector: [] }).cleaned).toEqual({ sector: null });
  });

  it('merges a write over the stored values, null removing one and other keys kept', () => {
    expect(mergeCustomValues({ a: 1, archived: 'kept' }, { a: null, b: true })).toEqual({ archived: 'kept', b: true });
  });

  it('reads filters against the fields', () => {
    expect(parseCustomFilter([sector], 'sector:any:health|water')).toMatchObject({ condition: { op: 'any', values: ['health', 'water'] } });
    expect(parseCustomFilter([staff], 'staff:min:1.5')).toMatchObject({ condition: { op: 'min', value: 1.5 } });
    expect(parseCustomFilter([staff], 'staff:min:')).toHaveProperty('error');
    expect(parseCustomFilter([staff], 'staff:is:true')).toHaveProperty('error');
    expect(parseCustomFilter([founded], 'founded:max:2024-13-01')).toHaveProperty('error');
  });

  it('formats options by their label in the asked language', () => {
    expect(formatCustomValue(sector, ['health', 'water'], 'ar')).toBe('الصحة، المياه');
    expect(formatCustomValue(sector, ['water'], 'en')).toBe('Water');
  });

  it('reads spreadsheet cells by type: labels, Arabic-Indic digits, day-first dates', () => {
    const cells = new Map([
      ['cf:sector', 'الصحه، water'],
      ['cf:staff', '١٢٫٥'],
      ['cf:founded', '1/2/2020'],
    ] as const);
    expect(readCustomCells([sector, staff, founded], 'organization', cells)).toEqual({
      values: { sector: ['health', 'water'], staff: 12.5, founded: '2020-02-01' },
      errors: [],
    });
    const bad = readCustomCells([staff], 'activist', new Map([['cf:staff', '3']] as const));
    expect(bad.errors).toEqual([expect.objectContaining({ field: 'cf:staff', code: 'not_allowed' })]);
  });
});
