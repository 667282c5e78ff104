import type { Ajv } from 'ajv';

type SchemaNode = Record<string | symbol, unknown>;

const isNullSchema = (schema: unknown) => typeof schema === 'object' && schema !== null && (schema as SchemaNode).type === 'null';

/**
 * With type coercion on, Ajv tries anyOf branches in order and coerces on the way: in
 * Union([String, Null]) a null becomes '' and in Union([Integer, Null]) it becomes 0, so "clear this
 * field" would store an empty string or a zero. Trying the null branch first keeps null as null.
 */
export function nullFirst<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map(nullFirst) as T;
  if (typeof schema !== 'object' || schema === null) return schema;
  const copy: SchemaNode = { ...(schema as SchemaNode) };
  for (const key of Object.keys(copy)) copy[key] = nullFirst(copy[key]);
  if (Array.isArray(copy.anyOf)) {
    const branches = copy.anyOf as unknown[];
    copy.anyOf = [...branches.filter(isNullSchema), ...branches.filter((branch) => !isNullSchema(branch))];
  }
  return copy as T;
}

/** Ajv plugin for Fastify's validator: every request schema is compiled with its null branches first. */
export function nullFirstPlugin(ajv: Ajv): Ajv {
  const compile = ajv.compile.bind(ajv);
  ajv.compile = ((schema: object, meta?: boolean) => compile(nullFirst(schema), meta)) as typeof ajv.compile;
  return ajv;
}
