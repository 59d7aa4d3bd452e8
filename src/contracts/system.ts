import { z } from 'zod';
import { ErrorBodySchema } from './errors';
import { route } from './route';
import { ADMINS, type Grant } from './grants';

/** Names this feature's folders under src/server/features and src/web/features. */
export const feature = 'system';

/** Who may use what this feature offers (assembled into PERMISSIONS, contracts/permissions.ts). */
export const permissions = {
  'system.health': 'public',
  // Version, database and installation id help an attacker more than a load balancer, which has
  // /healthz and /readyz: installation-wide facts for owners and admins only.
  'system.status.read': { anyOrganization: ADMINS },
  'system.openapi.read': 'public',
} as const satisfies Record<string, Grant>;

/** The audit actions this feature writes (assembled into AUDIT_ACTIONS, contracts/audit-actions.ts). */
export const auditActions = [] as const;
// No actions: a label map typed by them once there are some (test/labels.test.ts checks).
export const auditActionLabels: Readonly<Record<string, never>> = {};

export const DATABASE_KINDS = ['sqlite', 'postgres'] as const;
export type DatabaseKind = (typeof DATABASE_KINDS)[number];
export const DATABASE_KIND_LABELS: Record<DatabaseKind, string> = {
  sqlite: 'SQLite (embedded)',
  postgres: 'PostgreSQL',
};

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

// ---------- routes ----------

const tags = ['system'];

/** The installation's probes and status, and the API's own description. */
export const systemRoutes = {
  health: route({
    method: 'GET',
    path: '/healthz',
    tags,
    summary: 'Liveness: the process answers',
    permission: 'system.health',
    response: HealthSchema,
  }),
  ready: route({
    method: 'GET',
    path: '/readyz',
    tags,
    summary: 'Readiness: database reachable and migrations current',
    permission: 'system.health',
    response: ReadinessSchema,
    responses: { 503: ReadinessSchema },
  }),
  status: route({
    method: 'GET',
    path: '/api/status',
    tags,
    summary: 'Version, database kind and migration state',
    permission: 'system.status.read',
    response: SystemStatusSchema,
    responses: { 503: ErrorBodySchema },
  }),
  openapi: route({
    method: 'GET',
    path: '/api/openapi.json',
    tags,
    summary: 'This OpenAPI document',
    permission: 'system.openapi.read',
    hidden: true,
  }),
};
