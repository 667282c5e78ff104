import { describe, expect, it } from 'vitest';
import { attendanceTable, type CubeRow } from '../../../server/src/domain/programmes/attendance-table.js';
import { resolveReportPeriod } from '../../../server/src/domain/programmes/report-period.js';
import { peopleLink } from '../../../server/src/domain/programmes/report-links.js';

const row = (over: Partial<CubeRow>): CubeRow => ({
  governorate: null,
  kind: null,
  gender: null,
  allGovernorates: false,
  allKinds: false,
  allGenders: false,
  people: 0,
  attendances: 0,
  ...over,
});

describe('donor report period', () => {
  it('runs from the programme start to today unless asked otherwise, and refuses a reversed period', () => {
    expect(resolveReportPeriod({ startsOn: '2026-01-01' }, {}, '2026-12-05')).toEqual({ from: '2026-01-01', to: '2026-12-05' });
    expect(resolveReportPeriod({ startsOn: '2026-01-01' }, { from: '2026-10-01', to: '2026-12-31' }, '2026-12-05')).toEqual({
      from: '2026-10-01',
      to: '2026-12-31',
    });
    expect(resolveReportPeriod({ startsOn: '2026-01-01' }, { from: '2026-12-06' }, '2026-12-05')).toBe('from_after_to');
  });
});

describe('attendance table', () => {
  it('arranges cube counts into gender columns with unknown gender apart, and keeps the database totals (not sums)', () => {
    const cube: CubeRow[] = [
      row({ governorate: 'IQ-BG', kind: 'activist', gender: 'female', people: 2, attendances: 4 }),
      row({ governorate: 'IQ-BG', kind: 'activist', gender: null, people: 1, attendances: 1 }),
      row({ governorate: 'IQ-BG', kind: 'activist', allGenders: true, people: 3, attendances: 5 }),
      row({ governorate: 'HALABJA', kind: 'activist', gender: 'female', people: 1, attendances: 1 }),
      row({ governorate: 'HALABJA', kind: 'activist', allGenders: true, people: 1, attendances: 1 }),
      row({ governorate: null, kind: 'government_focal_point', gender: 'male', people: 1, attendances: 1 }),
      row({ governorate: null, kind: 'government_focal_point', allGenders: true, people: 1, attendances: 1 }),
      row({ governorate: 'IQ-BG', allKinds: true, gender: 'female', people: 2, attendances: 4 }),
      row({ governorate: 'IQ-BG', allKinds: true, allGenders: true, people: 3, attendances: 5 }),
      row({ allGovernorates: true, kind: 'activist', gender: 'female', people: 2, attendances: 5 }),
      row({ allGovernorates: true, kind: 'activist', allGenders: true, people: 3, attendances: 6 }),
      // The same woman attended in Baghdad and in Halabja: two cells, one person in the total.
      row({ allGovernorates: true, allKinds: true, gender: 'female', people: 2, attendances: 5 }),
      row({ allGovernorates: true, allKinds: true, gender: 'male', people: 1, attendances: 1 }),
      row({ allGovernorates: true, allKinds: true, gender: null, people: 1, attendances: 1 }),
      row({ allGovernorates: true, allKinds: true, allGenders: true, people: 4, attendances: 7 }),
    ];
    const table = attendanceTable(cube);
    expect(table.rows.map((r) => [r.governorate, r.kind])).toEqual([
      ['IQ-BG', 'activist'],
      ['HALABJA', 'activist'],
      [null, 'government_focal_point'],
    ]);
    expect(table.rows[0]).toEqual({
      governorate: 'IQ-BG',
      kind: 'activist',
      people: { female: 2, male: 0, unknown: 1, total: 3 },
      attendances: 5,
    });
    expect(table.byGovernorate).toEqual([{ governorate: 'IQ-BG', people: { female: 2, male: 0, unknown: 0, total: 3 }, attendances: 5 }]);
    expect(table.byKind[0]).toMatchObject({ kind: 'activist', people: { female: 2, total: 3 } });
    expect(table.total).toEqual({ people: { female: 2, male: 1, unknown: 1, total: 4 }, attendances: 7 });
  });

  it('is all zeros for a period with no check-ins', () => {
    expect(attendanceTable([]).total).toEqual({ people: { female: 0, male: 0, unknown: 0, total: 0 }, attendances: 0 });
  });
});

describe('report links', () => {
  it('names the cell behind a figure, with "none" and "unknown" for missing governorate and gender', () => {
    const period = { from: '2026-10-01', to: '2026-12-31' };
    expect(peopleLink('p1', period, { governorate: null, kind: 'activist', gender: null })).toBe(
      '/programmes/p1/report/people?from=2026-10-01&to=2026-12-31&governorate=none&kind=activist&gender=unknown',
    );
    expect(peopleLink('p1', period, { newActivists: true })).toBe(
      '/programmes/p1/report/people?from=2026-10-01&to=2026-12-31&newActivists=true',
    );
  });
});
