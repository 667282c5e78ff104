import { Type, type Static } from 'typebox';
import { Uuid, literalUnion } from '../../http/common.schemas.js';
import { LANGUAGES } from '../../domain/language.js';
import { DateOnly } from '../../http/dates.js';

/** The datasets with an HXL hashtag row; `activities` is one programme's events and needs `programme`. */
export const HXL_DATASETS = ['organisations', 'partnerships', 'contacts', 'activities'] as const;
export type HxlDataset = (typeof HXL_DATASETS)[number];

const Period = {
  from: Type.Optional(Type.String({ ...DateOnly, description: 'first day (default: the programme start)' })),
  to: Type.Optional(Type.String({ ...DateOnly, description: 'last day, inclusive (default: today)' })),
};
const File = {
  format: Type.Optional(literalUnion(['csv', 'xlsx'] as const)),
  lang: Type.Optional(literalUnion(LANGUAGES)),
};

export const HxlExportQuery = Type.Object(
  {
    dataset: literalUnion(HXL_DATASETS),
    programme: Type.Optional(Type.String({ format: 'uuid', description: 'the programme, for dataset=activities' })),
    ...Period,
    ...File,
  },
  { additionalProperties: false },
);
export type HxlExportFilter = Static<typeof HxlExportQuery>;

export const ThreeWQuery = Type.Object({ programme: Uuid, ...Period, ...File }, { additionalProperties: false });
export type ThreeWFilter = Static<typeof ThreeWQuery>;
