import { sql, type Expression, type SqlBool } from 'kysely';
import { parseCustomFilter, type CustomCondition, type CustomFieldDef } from '../../domain/custom-fields.js';
import { invalid } from '../../errors.js';

/** A custom-field condition of the list filter, read against the field definitions. */
export interface ResolvedCustomCondition {
  condition: CustomCondition;
  /** A restricted field's value is withheld like phones, so a caller who may not see it must not match on it either. */
  restricted: boolean;
}

/**
 * Reads the `custom` filter strings against every field, archived ones included (their values are kept until a purge,
 * so a saved segment keeps working). An unknown key or a value that does not fit the field is a 400 naming `custom.<i>`.
 */
export function resolveCustomConditions(fields: readonly CustomFieldDef[], texts: readonly string[]): ResolvedCustomCondition[] {
  const parsed = texts.map((text) => parseCustomFilter(fields, text));
  const errors = parsed.flatMap((p, i) => ('error' in p ? [{ field: `custom.${i}`, code: 'invalid', message: p.error }] : []));
  if (errors.length) throw invalid(errors);
  return parsed as ResolvedCustomCondition[];
}

const containing = (key: string, value: unknown) => sql<SqlBool>`contact.custom_values @> ${JSON.stringify({ [key]: value })}::jsonb`;

/**
 * The SQL of one condition. Yes/no and choice(s) are containment (`@>`), which the GIN index on custom_values serves;
 * number and date bounds compare the value read out (dates are stored as YYYY-MM-DD, so text order is date order).
 */
function conditionSql(c: CustomCondition): Expression<SqlBool> {
  const text = sql`(contact.custom_values ->> ${c.key})`;
  switch (c.op) {
    case 'is':
      return containing(c.key, c.value);
    case 'any': {
      const each = c.values.map((v) => containing(c.key, c.type === 'choices' ? [v] : v));
      return sql<SqlBool>`(${sql.join(each, sql` OR `)})`;
    }
    case 'has':
      return sql<SqlBool>`strpos(lower(${text}), lower(${c.value})) > 0`;
    case 'min':
    case 'max': {
      const cmp = sql.raw(c.op === 'min' ? '>=' : '<=');
      if (c.type === 'date') return sql<SqlBool>`${text} ${cmp} ${c.value}`;
      // The CASE keeps the cast from ever seeing a non-number (the planner may evaluate an AND in any order).
      return sql<SqlBool>`(CASE WHEN jsonb_typeof(contact.custom_values -> ${c.key}) = 'number'
        THEN ${text}::numeric ${cmp} ${c.value} ELSE false END)`;
    }
  }
}

export function customConditionsSql(conditions: readonly ResolvedCustomCondition[], seesRestrictedDetails: boolean): Expression<SqlBool>[] {
  return conditions.map(({ condition, restricted }) =>
    restricted && !seesRestrictedDetails
      ? sql<SqlBool>`(${conditionSql(condition)} AND contact.sensitivity <> 'restricted')`
      : conditionSql(condition),
  );
}
