import { z } from 'zod';

export const DATABASE_KINDS = ['sqlite', 'postgres'] as const;
export type DatabaseKind = (typeof DATABASE_KINDS)[number];

export const HealthSchema = z.object({ status: z.literal('ok') });

export const ReadinessSchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({
    database: z.enum(['ok', 'unreachable']),
    migrations: z.enum(['current', 'pending', 'unknown']),
  }),
});
export type Readiness = z.infer<typeof ReadinessSchema>;

export const MigrationStateSchema = z.object({
  applied: z.number().int().nonnegative(),
  pending: z.number().int().nonnegative(),
  latest: z.string().nullable().describe('Name of the newest applied migration'),
  current: z.boolean().describe('True when every migration this version ships is applied'),
});

export const SystemStatusSchema = z.object({
  product: z.literal('Custos'),
  version: z.string(),
  database: z.object({ kind: z.enum(DATABASE_KINDS) }),
  migrations: MigrationStateSchema,
  instance: z.object({
    id: z.string().describe('Identifier of this installation, created on first start'),
    createdAt: z.iso.datetime(),
  }),
});
export type SystemStatus = z.infer<typeof SystemStatusSchema>;
