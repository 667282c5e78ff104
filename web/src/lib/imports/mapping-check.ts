import { IMPORT_FIELDS, MULTI_VALUE_FIELDS, type ImportField } from '$domain/imports/import-fields';

const NAME_PARTS: readonly ImportField[] = ['nameFirst', 'nameFather', 'nameGrandfather', 'nameFamily'];

export type MappingProblem = { code: 'nameRequired' } | { code: 'fieldTwice'; field: ImportField };

/** The server's rules, checked before the round trip: a name (or its parts), and single-valued fields once. */
export function mappingProblems(mapping: readonly ImportField[]): MappingProblem[] {
  const problems: MappingProblem[] = [];
  if (!mapping.includes('name') && !mapping.some((field) => NAME_PARTS.includes(field))) problems.push({ code: 'nameRequired' });
  for (const field of IMPORT_FIELDS) {
    if (field === 'ignore' || MULTI_VALUE_FIELDS.includes(field)) continue;
    if (mapping.filter((mapped) => mapped === field).length > 1) problems.push({ code: 'fieldTwice', field });
  }
  return problems;
}
