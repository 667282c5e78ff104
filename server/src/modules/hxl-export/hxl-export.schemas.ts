import { Type, type Static } from 'typebox';
import { literalUnion } from '../../http/common.schemas.js';
import { LANGUAGES } from '../../domain/language.js';

/** The datasets with an HXL hashtag row. Programme activities and the 3W come with programmes (issue 16, item 2). */
export const HXL_DATASETS = ['organisations', 'partnerships'] as const;
export type HxlDataset = (typeof HXL_DATASETS)[number];

export const HxlExportQuery = Type.Object(
  {
    dataset: literalUnion(HXL_DATASETS),
    format: Type.Optional(literalUnion(['csv', 'xlsx'] as const)),
    lang: Type.Optional(literalUnion(LANGUAGES)),
  },
  { additionalProperties: false },
);
export type HxlExportFilter = Static<typeof HxlExportQuery>;
