import type { z } from 'zod';
import type { AuditContext } from './audit/append';
import type { AppDeps } from './deps';

/**
 * The demo clinic as it is being seeded (features/demo/seed.ts creates the organization and its
 * people, then runs every feature's demo steps in order).
 */
export interface DemoClinic {
  readonly deps: AppDeps;
  readonly context: AuditContext;
  readonly orgId: string;
  /** Today in the clinic's time zone (YYYY-MM-DD): the data file's dates are relative to it. */
  readonly today: string;
  readonly timeZone: string;
  /** The whole data file (content/demo/riverside-clinic.json); each step reads its own part. */
  readonly data: unknown;
  /** The user id of a demo person by key (`priya`); an unknown key throws. */
  readonly person: (key: string) => string;
  /** Keeps the id of a record a later step names (`remember('asset', name, id)`). */
  readonly remember: (kind: string, name: string, id: string) => void;
  /** The id a step kept; throws naming the record when none did. */
  readonly recall: (kind: string, name: string) => string;
}

/** A feature's part of the demo: run by `order` (lower first) among every feature's steps. */
export interface DemoStep {
  readonly order: number;
  /** Validates the step's part of the data file before anything is written; throws if wrong. */
  check(data: unknown): void;
  seed(clinic: DemoClinic): Promise<void>;
}

/** A demo step reading its part of the data file through `schema` (checked before any write). */
export function demoStep<T>(
  order: number,
  schema: z.ZodType<T>,
  seed: (clinic: DemoClinic, data: T) => Promise<void>,
): DemoStep {
  return {
    order,
    check: (data) => {
      schema.parse(data);
    },
    seed: (clinic) => seed(clinic, schema.parse(clinic.data)),
  };
}

/** The demo's context acting as one of its people: the trail and the record name them. */
export const actingAs = (context: AuditContext, userId: string): AuditContext => ({
  ...context,
  actor: { type: 'user', id: userId, label: 'demo' },
});
