import { z } from 'zod';
import type { FieldIssue } from '../../../contracts/errors';

/** What a person reads for fields a request does not take (also errors.ts, for zod's own). */
export function unknownFieldsMessage(keys: readonly string[]): string {
  const names = keys.map((k) => `"${k}"`).join(', ');
  return `has ${keys.length === 1 ? 'a field' : 'fields'} this request does not take: ${names}`;
}

/** The keys an object schema (or each object of a union) names, or null when it is no object. */
function namedKeys(schema: z.core.$ZodType): Set<string> | null {
  if (schema instanceof z.core.$ZodObject) return new Set(Object.keys(schema._zod.def.shape));
  if (schema instanceof z.core.$ZodUnion) {
    const sets = schema._zod.def.options.map(namedKeys);
    return sets.every((s) => s !== null) ? new Set(sets.flatMap((s) => [...s])) : null;
  }
  return null;
}

/**
 * The fields of `value` its schema does not name, at any depth (objects, arrays of objects,
 * optional, nullable and union fields), each as a field issue: a client must learn that a field
 * was not used, not read a 200 as agreement. Zod would otherwise drop them silently.
 */
export function unknownFields(schema: z.core.$ZodType, value: unknown, path: string): FieldIssue[] {
  if (value === null || value === undefined || typeof value !== 'object') return [];
  if (
    schema instanceof z.core.$ZodOptional ||
    schema instanceof z.core.$ZodNullable ||
    schema instanceof z.core.$ZodDefault
  ) {
    return unknownFields(schema._zod.def.innerType, value, path);
  }
  if (schema instanceof z.core.$ZodArray) {
    if (!Array.isArray(value)) return [];
    const element = schema._zod.def.element;
    return value.flatMap((item: unknown, i) => unknownFields(element, item, `${path}.${i}`));
  }
  if (Array.isArray(value)) return [];
  const named = namedKeys(schema);
  if (named === null) return [];
  const entries = Object.entries(value);
  const extra = entries.map(([key]) => key).filter((key) => !named.has(key));
  const issues: FieldIssue[] =
    extra.length > 0 ? [{ path, message: unknownFieldsMessage(extra) }] : [];
  for (const [key, child] of entries) {
    if (!named.has(key)) continue;
    const fieldSchemas =
      schema instanceof z.core.$ZodObject
        ? [schema._zod.def.shape[key]]
        : schema instanceof z.core.$ZodUnion
          ? schema._zod.def.options.flatMap((o) =>
              o instanceof z.core.$ZodObject ? [o._zod.def.shape[key]] : [],
            )
          : [];
    // In a union, a nested field is checked against the first option that names it.
    const fieldSchema = fieldSchemas.find((s) => s !== undefined);
    if (fieldSchema) issues.push(...unknownFields(fieldSchema, child, `${path}.${key}`));
  }
  return issues;
}
