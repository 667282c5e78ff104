import { IMPORT_FIELDS, MULTI_VALUE_FIELDS, type ImportField } from '$domain/imports/import-fields';
import { isCustomMapping } from '$domain/imports/custom-cells';
import type { MappingField } from '$domain/imports/row-draft';

const NAME_PARTS: readonly ImportField[] = ['nameFirst', 'nameFather', 'nameGrandfather', 'nameFamily'];

export type MappingProblem = { code: 'nameRequired' } | { code: 'fieldTwice'; field: MappingField };

/** The server's rules, checked before the round trip: a name (or its parts), and single-valued fields once. */
export function mappingProblems(mapping: readonly MappingField[]): MappingProblem[] {
  const problems: MappingProblem[] = [];
  if (!mapping.includes('name') && !mapping.some((field) => NAME_PARTS.includes(field as ImportField)))
    problems.push({ code: 'nameRequired' });
  for (const field of new Set(mapping.filter(isCustomMapping))) {
    if (mapping.filter((mapped) => mapped === field).length > 1) problems.push({ code: 'fieldTwice', field });
  }
  for (const field of IMPORT_FIELDS) {
    if (field === 'ignore' || MULTI_VALUE_FIELDS.includes(field)) continue;
    if (mapping.filter((mapped) => mapped === field).length > 1) problems.push({ code: 'fieldTwice', field });
  }
  return problems;
}
