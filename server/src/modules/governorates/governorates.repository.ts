import type { Db } from '../../db/database.js';

export function listGovernorates(db: Db) {
  return db
    .selectFrom('governorate')
    .select(['code', 'pcode', 'name_en', 'name_ar', 'name_ku', 'kurdistan_region'])
    .orderBy('sort_order')
    .execute();
}
