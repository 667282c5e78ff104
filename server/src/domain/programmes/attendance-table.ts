import { CONTACT_KINDS, type ContactKind, type Gender } from '../contact-kinds.js';
import { GOVERNORATES } from '../governorates.js';

/**
 * The donor report's attendance table: people who checked in, by governorate × kind, with a column per gender and one
 * for "gender not recorded". The database counts distinct people for every cell AND every total (GROUP BY CUBE), so
 * a total is never a sum of cells: a person counted in two governorates is still one person in the grand total.
 * This module only arranges those counts. Pure: server and tests use it.
 */

export interface GenderCounts {
  female: number;
  male: number;
  unknown: number;
  total: number;
}

/** One row of `GROUP BY CUBE (governorate, kind, gender)`: a null with its grouping flag set means "all". */
export interface CubeRow {
  governorate: string | null;
  kind: ContactKind | null;
  gender: Gender | null;
  allGovernorates: boolean;
  allKinds: boolean;
  allGenders: boolean;
  people: number;
  attendances: number;
}

export interface AttendanceRow {
  /** null: the invitation counts for no governorate (none chosen, the contact has none). */
  governorate: string | null;
  kind: ContactKind;
  people: GenderCounts;
  /** Check-ins (a person at three events is three attendances). */
  attendances: number;
}

export interface AttendanceTable {
  rows: AttendanceRow[];
  byGovernorate: { governorate: string | null; people: GenderCounts; attendances: number }[];
  byKind: { kind: ContactKind; people: GenderCounts; attendances: number }[];
  total: { people: GenderCounts; attendances: number };
}

const emptyCounts = (): GenderCounts => ({ female: 0, male: 0, unknown: 0, total: 0 });

const GOVERNORATE_ORDER = new Map(GOVERNORATES.map((g, i) => [g.code, i]));
/** The list's order; a code not in it after the known ones, and "no governorate" last. */
const governorateRank = (code: string | null) =>
  code === null ? GOVERNORATES.length + 1 : (GOVERNORATE_ORDER.get(code) ?? GOVERNORATES.length);
const kindRank = (kind: ContactKind) => CONTACT_KINDS.indexOf(kind);

/** Groups of cube rows sharing the same non-gender key, as gender counts plus the attendances of the "all genders" row. */
function collect<K>(rows: CubeRow[], keyOf: (r: CubeRow) => K, keyText: (k: K) => string) {
  const groups = new Map<string, { key: K; people: GenderCounts; attendances: number }>();
  for (const row of rows) {
    const key = keyOf(row);
    const text = keyText(key);
    const group = groups.get(text) ?? { key, people: emptyCounts(), attendances: 0 };
    groups.set(text, group);
    if (row.allGenders) {
      group.people.total = row.people;
      group.attendances = row.attendances;
    } else group.people[row.gender ?? 'unknown'] = row.people;
  }
  return [...groups.values()];
}

export function attendanceTable(cube: CubeRow[]): AttendanceTable {
  const cells = cube.filter((r) => !r.allGovernorates && !r.allKinds);
  const governorates = cube.filter((r) => !r.allGovernorates && r.allKinds);
  const kinds = cube.filter((r) => r.allGovernorates && !r.allKinds);
  const totals = cube.filter((r) => r.allGovernorates && r.allKinds);
  const rows = collect(
    cells,
    (r) => ({ governorate: r.governorate, kind: r.kind! }),
    (k) => `${k.governorate}|${k.kind}`,
  )
    .map((g) => ({ ...g.key, people: g.people, attendances: g.attendances }))
    .sort((a, b) => governorateRank(a.governorate) - governorateRank(b.governorate) || kindRank(a.kind) - kindRank(b.kind));
  const byGovernorate = collect(governorates, (r) => r.governorate, String)
    .map((g) => ({ governorate: g.key, people: g.people, attendances: g.attendances }))
    .sort((a, b) => governorateRank(a.governorate) - governorateRank(b.governorate));
  const byKind = collect(kinds, (r) => r.kind!, String)
    .map((g) => ({ kind: g.key, people: g.people, attendances: g.attendances }))
    .sort((a, b) => kindRank(a.kind) - kindRank(b.kind));
  const [total] = collect(totals, () => 'all', String);
  return {
    rows,
    byGovernorate,
    byKind,
    total: total ? { people: total.people, attendances: total.attendances } : { people: emptyCounts(), attendances: 0 },
  };
}
