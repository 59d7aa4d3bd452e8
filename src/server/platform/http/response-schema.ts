import { z } from 'zod';

/** A JSON Schema as fast-json-stringify reads it. */
export type JsonSchema = Record<string, unknown>;

// Keywords whose value is one schema, a list of schemas, or a map of named schemas.
const ONE = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'propertyNames'];
const LIST = ['anyOf', 'oneOf', 'allOf', 'prefixItems', 'items'];
const MAP = ['properties', 'patternProperties', 'definitions', '$defs'];

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `anyOf: [X, { type: 'null' }]`, zod's nullable, as `X` with `nullable: true`: fast-json-stringify
 * then writes `null` or X directly, where an anyOf would validate every value against each branch.
 */
function nullableOf(schema: JsonSchema): JsonSchema | null {
  const branches = schema.anyOf;
  if (!Array.isArray(branches) || branches.length !== 2) {
    return null;
  }
  const first: unknown = branches[0];
  const second: unknown = branches[1];
  const isNull = (s: unknown) => isSchema(s) && s.type === 'null' && Object.keys(s).length === 1;
  const other = isNull(second) ? first : isNull(first) ? second : undefined;
  if (!isSchema(other) || typeof other.type !== 'string' || other.$ref !== undefined) {
    return null;
  }
  const siblings = Object.fromEntries(Object.entries(schema).filter(([key]) => key !== 'anyOf'));
  return { ...siblings, ...other, nullable: true };
}

/**
 * The schema fast-json-stringify compiles: nullable branches folded, and no
 * `additionalProperties: false` (undeclared fields are left out either way; without it a union
 * branch matches an object carrying extra fields, as zod's stripping objects do).
 */
function forSerializer(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(forSerializer);
  }
  if (!isSchema(value)) {
    return value;
  }
  const schema = nullableOf(value) ?? value;
  const result: JsonSchema = {};
  for (const [key, child] of Object.entries(schema)) {
    if (key === '$schema' || (key === 'additionalProperties' && child === false)) {
      continue;
    }
    if (MAP.includes(key) && isSchema(child)) {
      result[key] = Object.fromEntries(
        Object.entries(child).map(([name, sub]) => [name, forSerializer(sub)]),
      );
    } else if (
      (ONE.includes(key) && isSchema(child)) ||
      (LIST.includes(key) && Array.isArray(child))
    ) {
      result[key] = forSerializer(child);
    } else {
      result[key] = child;
    }
  }
  return result;
}

/**
 * The JSON Schema of what a zod response schema outputs, for fast-json-stringify; null when the
 * schema holds something only zod writes faithfully (a transform, codec or pipe, or a type JSON
 * Schema cannot describe). Dates are ISO strings, as JSON.stringify writes them.
 */
export function serializationSchemaOf(schema: z.core.$ZodType): JsonSchema | null {
  const found = { unfaithful: false };
  const json = z.toJSONSchema(schema, {
    target: 'draft-07',
    io: 'output',
    cycles: 'ref',
    reused: 'inline',
    unrepresentable: (ctx) => {
      if (ctx.zodSchema._zod.def.type === 'date') {
        return { type: 'string', format: 'date-time' };
      }
      found.unfaithful = true;
      return 'any';
    },
    override: (ctx) => {
      if (ctx.zodSchema._zod.def.type === 'pipe') {
        found.unfaithful = true;
      }
    },
  });
  const result = forSerializer(json);
  return !found.unfaithful && isSchema(result) ? result : null;
}
