/**
 * The governorate tile map: one equal square per governorate, placed on a grid roughly where its capital lies
 * (column = west → east by longitude, row = north → south by latitude), so neighbours stay neighbours:
 *
 *          col 0      col 1         col 2      col 3          col 4
 *   row 0             Duhok         Erbil
 *   row 1  Ninewa                   Kirkuk     Sulaymaniyah   Halabja
 *   row 2  Anbar      Salah al-Din             Diyala
 *   row 3             Karbala       Baghdad    Wasit
 *   row 4             Najaf         Babil                     Maysan
 *   row 5             Muthanna      Qadisiyah  Dhi Qar        Basrah
 *
 * Geography does not mirror with the language: west stays on the left in Arabic (RTL) as in English (LTR).
 * Only the labels and the legend follow the reading direction.
 */
export interface TilePosition {
  col: number;
  row: number;
}

export const TILE_COLUMNS = 5;
export const TILE_ROWS = 6;

export const GOVERNORATE_TILES: Readonly<Record<string, TilePosition>> = {
  'IQ-DA': { col: 1, row: 0 },
  'IQ-AR': { col: 2, row: 0 },
  'IQ-NI': { col: 0, row: 1 },
  'IQ-KI': { col: 2, row: 1 },
  'IQ-SU': { col: 3, row: 1 },
  HALABJA: { col: 4, row: 1 },
  'IQ-AN': { col: 0, row: 2 },
  'IQ-SD': { col: 1, row: 2 },
  'IQ-DI': { col: 3, row: 2 },
  'IQ-KA': { col: 1, row: 3 },
  'IQ-BG': { col: 2, row: 3 },
  'IQ-WA': { col: 3, row: 3 },
  'IQ-NA': { col: 1, row: 4 },
  'IQ-BB': { col: 2, row: 4 },
  'IQ-MA': { col: 4, row: 4 },
  'IQ-MU': { col: 1, row: 5 },
  'IQ-QA': { col: 2, row: 5 },
  'IQ-DQ': { col: 3, row: 5 },
  'IQ-BA': { col: 4, row: 5 },
};
