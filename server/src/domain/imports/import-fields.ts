/** The contact fields a spreadsheet column can be mapped to, shared by the server and the web app's mapping form. */
export const IMPORT_FIELDS = [
  'ignore',
  'name',
  'nameLatin',
  'nameKu',
  'nameFirst',
  'nameFather',
  'nameGrandfather',
  'nameFamily',
  'kind',
  'subtype',
  'gender',
  'governorates',
  'phones',
  'emails',
  'organization',
  'title',
  'tags',
  'notes',
  'source',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Fields whose values several columns may feed (Phone 1, Phone 2 …): their values are united. */
export const MULTI_VALUE_FIELDS: readonly ImportField[] = ['governorates', 'phones', 'emails', 'tags'];

export const IMPORT_OUTCOMES = ['create', 'update', 'duplicate', 'invalid'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

export const IMPORT_DECISIONS = ['create', 'merge', 'skip'] as const;
export type ImportDecision = (typeof IMPORT_DECISIONS)[number];
