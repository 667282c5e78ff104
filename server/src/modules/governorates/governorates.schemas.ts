import { Type } from 'typebox';

export const GovernorateSchema = Type.Object({
  code: Type.String(),
  pcode: Type.Union([Type.String(), Type.Null()]),
  nameAr: Type.String(),
  nameEn: Type.String(),
  nameKu: Type.String(),
  kurdistanRegion: Type.Boolean(),
});

export const GovernorateListSchema = Type.Object({ items: Type.Array(GovernorateSchema) });
