import type { Db } from '../../db/database.js';
import { listGovernorates as listRows } from './governorates.repository.js';

/** Reference data every signed-in role may read. */
export async function listGovernorates(db: Db) {
  const rows = await listRows(db);
  return rows.map((r) => ({
    code: r.code,
    pcode: r.pcode,
    nameAr: r.name_ar,
    nameEn: r.name_en,
    nameKu: r.name_ku,
    kurdistanRegion: r.kurdistan_region,
  }));
}
