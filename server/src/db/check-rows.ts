import { Type, type Static, type TSchema } from 'typebox';
import { Compile, type Validator } from 'typebox/compile';

/**
 * Rows of raw `sql<Row>` are typed by assertion only: a renamed column, a dropped `::int` (count(*) comes back as a
 * string) or a new NULL would pass the compiler and surface far away, or never. The repositories check them here, at
 * the boundary, against a schema whose Static type is the row type, so a drift is an error naming the query.
 *
 * Cost: every row in development and tests; with NODE_ENV=production only the first row. A drift in names or types is
 * a property of the statement, the same on every row, so the first row shows it; what only some rows can show (a value
 * NULL on a few) is left to the tests, which check all rows. This keeps a 1,000-row page to one check.
 */
const EVERY_ROW = process.env.NODE_ENV !== 'production';

/** A timestamp or timestamptz column, which the driver returns as a Date (TypeBox has no Date type of its own). */
export const DateColumn = Type.Refine(
  Type.Unsafe<Date>({}),
  (value) => value instanceof Date,
  () => 'must be a Date',
);

export const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** A text column constrained to one of the domain's `as const` lists. */
export const oneOf = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] });

const validators = new WeakMap<TSchema, Validator>();

function validatorOf(schema: TSchema): Validator {
  let validator = validators.get(schema);
  if (!validator) {
    validator = Compile(schema);
    validators.set(schema, validator);
  }
  return validator;
}

/** The rows, typed by `schema`; throws naming `query`, the row and the first mismatch when one does not fit. */
export function checkRows<S extends TSchema>(query: string, schema: S, rows: readonly unknown[]): Static<S>[] {
  const validator = validatorOf(schema);
  const checked = EVERY_ROW ? rows.length : Math.min(rows.length, 1);
  for (let i = 0; i < checked; i += 1) {
    if (validator.Check(rows[i])) continue;
    const [first] = validator.Errors(rows[i]);
    throw new Error(`${query}: row ${i} does not match its row type: ${first ? `${first.instancePath || '/'} ${first.message}` : ''}`);
  }
  return rows as Static<S>[];
}
