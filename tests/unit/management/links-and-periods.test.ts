import { describe, expect, it } from 'vitest';
import { GOVERNORATES } from '../../../server/src/domain/governorates.js';
import { fillLink } from '../../../web/src/lib/management/link-template.js';
import { clipToPeriod, matchingPreset, monthPeriod, presetPeriod } from '../../../web/src/lib/management/period-presets.js';
import { GOVERNORATE_TILES, TILE_COLUMNS, TILE_ROWS } from '../../../web/src/lib/management/tile-layout.js';

describe('fillLink', () => {
  it('fills placeholders and drops the parameters left empty', () => {
    const template = '/contacts?kind={kind}&governorate={governorate}';
    expect(fillLink(template, { kind: 'activist', governorate: 'IQ-BG' })).toBe('/contacts?kind=activist&governorate=IQ-BG');
    expect(fillLink(template, { kind: 'activist', governorate: '' })).toBe('/contacts?kind=activist');
    expect(fillLink(template, {})).toBe('/contacts');
    expect(fillLink('/follow-ups?all=1', {})).toBe('/follow-ups?all=1');
    expect(fillLink('/contacts/{id}', { id: 'abc' })).toBe('/contacts/abc');
  });
});

describe('periods', () => {
  it('makes presets of whole months ending today, like the API default', () => {
    expect(presetPeriod('2026-11-29', 12)).toEqual({ from: '2025-12-01', to: '2026-11-29' });
    expect(presetPeriod('2026-11-29', 3)).toEqual({ from: '2026-09-01', to: '2026-11-29' });
    expect(presetPeriod('2026-02-10', 6)).toEqual({ from: '2025-09-01', to: '2026-02-10' });
    expect(matchingPreset({ from: '2026-06-01', to: '2026-11-29' }, '2026-11-29')).toBe(6);
    expect(matchingPreset({ from: '2026-06-02', to: '2026-11-29' }, '2026-11-29')).toBeNull();
  });

  it('gives a month its first and last day, clipped to the period', () => {
    expect(monthPeriod('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthPeriod('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(clipToPeriod(monthPeriod('2026-11'), { from: '2025-12-01', to: '2026-11-29' })).toEqual({
      from: '2026-11-01',
      to: '2026-11-29',
    });
  });
});

describe('governorate tile layout', () => {
  it('places all 19 governorates on distinct tiles inside the grid', () => {
    const codes = GOVERNORATES.map((g) => g.code).sort();
    expect(Object.keys(GOVERNORATE_TILES).sort()).toEqual(codes);
    const cells = Object.values(GOVERNORATE_TILES).map(({ col, row }) => `${col},${row}`);
    expect(new Set(cells).size).toBe(19);
    for (const { col, row } of Object.values(GOVERNORATE_TILES)) {
      expect(col).toBeGreaterThanOrEqual(0);
      expect(col).toBeLessThan(TILE_COLUMNS);
      expect(row).toBeGreaterThanOrEqual(0);
      expect(row).toBeLessThan(TILE_ROWS);
    }
  });

  it('keeps the rough geography: Duhok north of Basrah, Anbar west of Diyala', () => {
    expect(GOVERNORATE_TILES['IQ-DA'].row).toBeLessThan(GOVERNORATE_TILES['IQ-BA'].row);
    expect(GOVERNORATE_TILES['IQ-AN'].col).toBeLessThan(GOVERNORATE_TILES['IQ-DI'].col);
  });
});
