import { z } from 'zod';
import { OrgParamsSchema } from './common';
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
  // The organization's background work (its mail, its webhook deliveries) and failures.
  'jobs.read': ADMINS,
  'jobs.retry': ADMINS,
} as const satisfies Record<string, Grant>;

/** The audit actions this feature writes (assembled into AUDIT_ACTIONS, contracts/audit-actions.ts). */
export const auditActions = ['jobs.retried'] as const;
/** What a person reads for each of this feature's audit actions (the audit log, its export). */
export const auditActionLabels: Record<(typeof auditActions)[number], string> = {
  'jobs.retried': 'Failed background jobs retried',
};

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

export const JOB_STATES = ['waiting', 'running', 'retrying', 'done', 'dead', 'cancelled'] as const;
export const JOB_STATE_LABELS: Record<(typeof JOB_STATES)[number], string> = {
  waiting: 'Waiting',
  running: 'Running',
  retrying: 'Will retry',
  done: 'Done',
  dead: 'Gave up',
  cancelled: 'Cancelled',
};

export const JobQueueSchema = z.object({
  queue: z.string(),
  label: z.string(),
  waiting: z.number().int().nonnegative(),
  running: z.number().int().nonnegative(),
  retrying: z.number().int().nonnegative(),
  dead: z.number().int().nonnegative().describe('Jobs that failed every retry'),
});

export const FailedJobSchema = z.object({
  id: z.string(),
  queue: z.string(),
  label: z.string(),
  state: z.enum(JOB_STATES),
  attempts: z.number().int().nonnegative(),
  createdAt: z.iso.datetime(),
  runAfter: z.iso.datetime().nullable().describe('When it is tried next'),
  lastError: z.string().nullable(),
});
export type FailedJob = z.infer<typeof FailedJobSchema>;

export const JobsOverviewSchema = z.object({
  queues: z.array(JobQueueSchema).describe("The organization's jobs per queue"),
  failed: z.array(FailedJobSchema).describe('Jobs that failed, latest first (up to 50)'),
});
export type JobsOverview = z.infer<typeof JobsOverviewSchema>;

export const JobsRetriedSchema = z.object({ retried: z.number().int().nonnegative() });

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
  jobs: route({
    method: 'GET',
    path: '/api/orgs/:orgId/jobs',
    tags,
    summary: "The organization's background jobs: per queue, and those that failed",
    permission: 'jobs.read',
    params: OrgParamsSchema,
    response: JobsOverviewSchema,
  }),
  retryJobs: route({
    method: 'POST',
    path: '/api/orgs/:orgId/jobs/retry',
    tags,
    summary: "Put the organization's jobs that gave up back in their queues",
    permission: 'jobs.retry',
    params: OrgParamsSchema,
    response: JobsRetriedSchema,
    audits: ['jobs.retried'],
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
