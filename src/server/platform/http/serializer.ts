import { isDeepStrictEqual } from 'node:util';
import type { FastifySerializerCompiler } from 'fastify';
import build from 'fast-json-stringify';
import { InvalidSchemaError, ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { serializationSchemaOf } from './response-schema';

export interface SerializerOptions {
  /**
   * Also check every answer with its zod schema (a wrong shape is a 500, as before), and that the
   * compiled serializer writes what zod would. For tests; production skips it.
   */
  check: boolean;
}

type ResponseSchema = z.core.$ZodType | { properties: z.core.$ZodType };

function zodSchemaOf(schema: unknown): z.core.$ZodType {
  if (schema instanceof z.core.$ZodType) {
    return schema;
  }
  if (
    typeof schema === 'object' &&
    schema !== null &&
    'properties' in schema &&
    schema.properties instanceof z.core.$ZodType
  ) {
    return schema.properties;
  }
  throw new InvalidSchemaError(JSON.stringify(schema));
}

/**
 * Fastify's response serializer: each route's zod response schema is converted to JSON Schema and
 * compiled once with fast-json-stringify, which writes the declared fields only, so a field a
 * presenter did not declare never reaches the client. Schemas only zod can write (transforms,
 * codecs) keep zod's encode and JSON.stringify.
 */
export function responseSerializerCompiler(
  options: SerializerOptions,
): FastifySerializerCompiler<ResponseSchema> {
  return ({ schema: routeSchema, method, url }) => {
    const schema = zodSchemaOf(routeSchema);
    const encode = (data: unknown): unknown => {
      const result = z.safeEncode(schema, data);
      if (!result.success) {
        throw new ResponseSerializationError(method, url, { cause: result.error });
      }
      return result.data;
    };
    const jsonSchema = serializationSchemaOf(schema);
    if (!jsonSchema) {
      return (data: unknown) => JSON.stringify(encode(data));
    }
    const fast: (data: unknown) => string = build(jsonSchema);
    if (!options.check) {
      return fast;
    }
    return (data: unknown) => {
      const expected = JSON.stringify(encode(data));
      const json = fast(data);
      if (!isDeepStrictEqual(JSON.parse(json), JSON.parse(expected))) {
        throw new Error(
          `The compiled serializer of ${method} ${url} disagrees with its zod schema`,
        );
      }
      return json;
    };
  };
}
