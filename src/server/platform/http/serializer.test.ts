import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import build from 'fast-json-stringify';
import { isResponseSerializationError } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { serializationSchemaOf } from './response-schema';
import { responseSerializerCompiler } from './serializer';

const compile = (schema: z.ZodType, check = false) =>
  responseSerializerCompiler({ check })({ schema, method: 'GET', url: '/test' });
const both = (schema: z.ZodType) => [compile(schema, false), compile(schema, true)] as const;
const written = (schema: z.ZodType, data: unknown): unknown => JSON.parse(compile(schema)(data));

const Person = z.object({ id: z.string(), name: z.string() });

describe('response serializer', () => {
  it('leaves out every field the schema does not declare, at any depth', () => {
    const schema = z.object({
      person: Person,
      people: z.array(Person),
      maybe: Person.nullable(),
      optional: Person.optional(),
      either: z.union([Person, z.object({ kind: z.literal('team'), size: z.number() })]),
    });
    const leaky = { id: 'u1', name: 'Ann', passwordHash: 'argon2id$secret', ssn: '123-45-6789' };
    for (const serialize of both(schema)) {
      const json = serialize({
        person: leaky,
        people: [leaky, leaky],
        maybe: leaky,
        optional: leaky,
        either: leaky,
        totpSecret: 'JBSWY3DPEHPK3PXP',
      });
      expect(json).not.toMatch(/argon2id|secret|123-45-6789|JBSWY3DP|ssn|totp/i);
      const person = { id: 'u1', name: 'Ann' };
      expect(JSON.parse(json)).toEqual({
        person,
        people: [person, person],
        maybe: person,
        optional: person,
        either: person,
      });
    }
  });

  it('writes nullable values, optional fields, enums and integers as zod did', () => {
    const schema = z.object({
      text: z.string().nullable(),
      owner: Person.nullable(),
      status: z.enum(['open', 'closed']).nullable(),
      count: z.number().int(),
      note: z.string().optional(),
    });
    expect(written(schema, { text: null, owner: null, status: null, count: 3 })).toEqual({
      text: null,
      owner: null,
      status: null,
      count: 3,
    });
    const full = { text: 'a "quoted"\n\u2028 line', owner: { id: 'u', name: 'N' }, status: 'open' };
    expect(written(schema, { ...full, count: 0, note: 'x' })).toEqual({
      ...full,
      count: 0,
      note: 'x',
    });
  });

  it('writes dates as ISO strings, records of any JSON, and refined objects', () => {
    const Cell = z.object({ level: z.number() });
    const schema = z.object({
      at: z.date(),
      changes: z.record(
        z.string(),
        z.object({ before: z.unknown(), after: z.unknown() }).partial(),
      ),
      matrix: z.object({ cells: z.array(Cell) }).superRefine(() => undefined),
    });
    const changes = {
      title: { before: 'A', after: { nested: [1, null, 'x'] } },
      status: { after: 2 },
    };
    expect(
      written(schema, {
        at: new Date('2026-03-01T10:00:00.000Z'),
        changes,
        matrix: { cells: [{ level: 1, color: 'red' }] },
      }),
    ).toEqual({ at: '2026-03-01T10:00:00.000Z', changes, matrix: { cells: [{ level: 1 }] } });
  });

  it('keeps zod for what only zod can write: a codec encodes its value', () => {
    const schema = z.object({
      at: z.codec(z.iso.datetime(), z.date(), {
        decode: (text) => new Date(text),
        encode: (date) => date.toISOString(),
      }),
      tag: z.string(),
    });
    expect(written(schema, { at: new Date(Date.UTC(2026, 0, 2)), tag: 't', extra: 1 })).toEqual({
      at: '2026-01-02T00:00:00.000Z',
      tag: 't',
    });
  });

  it('under check, refuses a value of the wrong shape as zod did (a 500), unchecked writes it', () => {
    const schema = z.object({ id: z.string(), email: z.email() });
    const wrong = { id: 'u1', email: 'not an address' };
    const thrown = (() => {
      try {
        compile(schema, true)(wrong);
      } catch (error) {
        return error;
      }
      return null;
    })();
    // The error handler logs the zod issues of this error and answers a generic 500.
    expect(thrown instanceof Error && isResponseSerializationError(thrown)).toBe(true);
    expect(JSON.parse(compile(schema, false)(wrong))).toEqual(wrong);
  });

  it('always refuses an answer that lacks a required field', () => {
    for (const serialize of both(Person)) {
      expect(() => serialize({ id: 'u1' })).toThrow();
    }
  });

  it('writes exactly the text zod and JSON.stringify wrote, for any strings and JSON values', () => {
    const schema = z.object({
      title: z.string(),
      owner: Person.nullable(),
      tags: z.array(z.string()),
      changes: z.record(z.string(), z.object({ after: z.unknown() }).partial()),
    });
    const serialize = compile(schema, true);
    const text = fc.string({ unit: 'binary' });
    fc.assert(
      fc.property(
        text,
        fc.option(fc.record({ id: text, name: text })),
        fc.array(text),
        // A record key "__proto__" is the one difference: zod's copy set the prototype and
        // dropped it; the data's own key is written, as JSON.stringify writes it (test below).
        fc.dictionary(
          text.filter((key) => key !== '__proto__'),
          fc.record({ after: fc.jsonValue() }),
        ),
        (title, owner, tags, changes) => {
          const value = { title, owner, tags, changes };
          expect(serialize(value)).toBe(JSON.stringify(z.encode(schema, value)));
        },
      ),
    );
    // A hundred random documents: seconds on a loaded machine, and what is checked is the text.
  }, 60_000);

  it('writes a record key named __proto__ as the data holds it', () => {
    const schema = z.object({ changes: z.record(z.string(), z.number()) });
    const changes = z.record(z.string(), z.number()).parse(JSON.parse('{"a": 2}'));
    Object.defineProperty(changes, '__proto__', { value: 1, enumerable: true });
    expect(compile(schema)({ changes })).toBe('{"changes":{"a":2,"__proto__":1}}');
  });

  it('compiles every schema of the contracts (serializers compile on first use, not at start)', async () => {
    const folder = path.resolve(import.meta.dirname, '../../../contracts');
    const files = readdirSync(folder).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    let compiled = 0;
    for (const file of files) {
      const exported: unknown = await import(path.join(folder, file));
      for (const name of Object.keys(exported ?? {})) {
        const value: unknown = Reflect.get(exported ?? {}, name);
        if (value instanceof z.core.$ZodType) {
          const jsonSchema = serializationSchemaOf(value);
          expect(() => jsonSchema && build(jsonSchema), `${file} ${name}`).not.toThrow();
          compiled += jsonSchema ? 1 : 0;
        }
      }
    }
    expect(compiled).toBeGreaterThan(50);
    // Every contract's schemas compiled in one go: seconds on a loaded 2-core machine.
  }, 30_000);
});
