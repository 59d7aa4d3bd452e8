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

type Writer = (data: unknown) => string;

// One writer per zod schema, whatever the route or app (tests build many apps from the same
// contracts); null when the schema needs zod.
const writers = new WeakMap<z.core.$ZodType, Writer | null>();

function fastWriterOf(schema: z.core.$ZodType): Writer | null {
  let writer = writers.get(schema);
  if (writer === undefined) {
    const jsonSchema = serializationSchemaOf(schema);
    writer = jsonSchema ? build(jsonSchema) : null;
    writers.set(schema, writer);
  }
  return writer;
}

/**
 * Fastify's response serializer: each route's zod response schema is converted to JSON Schema and
 * compiled with fast-json-stringify, which writes the declared fields only, so a field a presenter
 * did not declare never reaches the client. Schemas only zod can write (transforms, codecs) keep
 * zod's encode and JSON.stringify. Compiled on a route's first answer (some 5 ms a schema; at
 * start-up it cost 0.4 s, and as much for every app a test builds).
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
    const viaZod: Writer = (data) => JSON.stringify(encode(data));
    let writer: Writer | undefined;
    const write: Writer = (data) => {
      writer ??= fastWriterOf(schema) ?? viaZod;
      return writer(data);
    };
    if (!options.check) {
      return write;
    }
    return (data: unknown) => {
      const expected = viaZod(data);
      const json = write(data);
      if (!isDeepStrictEqual(JSON.parse(json), JSON.parse(expected))) {
        throw new Error(
          `The compiled serializer of ${method} ${url} disagrees with its zod schema`,
        );
      }
      return json;
    };
  };
}
