import { randomBytes, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { FEATURES } from './features';
import { featureAuditListeners, featureDeps } from './platform/feature-deps';
import { auditKeysFrom } from './platform/audit/keys';
import { registerAuth } from './platform/auth/hooks';
import { createBackground, type Background } from './platform/background';
import { systemClock, type Clock } from './platform/clock';
import type { Config } from './platform/config';
import { secretBox } from './platform/crypto/secret-box';
import type { BlobStore } from './platform/storage/blob-store';
import { fileVault } from './platform/storage/file-vault';
import { localBlobStore } from './platform/storage/local-blob-store';
import { createMailer, type Mailer } from './platform/mail/mailer';
import { createJobs, type JobRunner } from './platform/jobs';
import { defineAppJobs } from './app-jobs';
import type { DatabaseHandle } from './platform/db/connection';
import type { AuditListener } from './platform/audit/append';
import type { AppDeps } from './platform/deps';
import { defaultOutboundPolicy, type OutboundPolicy } from './platform/net/outbound';
import type { App } from './platform/http/app';
import { registerErrorHandling } from './platform/http/errors';
import { registerOpenApi } from './platform/http/openapi';
import {
  errorSerializer,
  registerRequestLog,
  requestLogOptions,
} from './platform/http/request-log';
import { requireRoutePermissions } from './platform/http/route-permissions';
import { registerSecurityHeaders } from './platform/http/security-headers';
import { responseSerializerCompiler } from './platform/http/serializer';
import { registerJsonBody } from './platform/http/json-body';
import { registerTextInputCheck } from './platform/http/text-input';
import { registerWebApp } from './platform/http/web';
import { packageRoot } from './platform/package-info';
import { prettyLogStream } from './platform/pretty-log';

export interface AppOptions {
  config: Pick<Config, 'logLevel' | 'trustProxy'> & Partial<Pick<Config, 'logFormat'>>;
  database: DatabaseHandle;
  /** Outgoing mail; by default kept in the in-app outbox. */
  mailer?: Mailer;
  /**
   * Background work; by default a runner over `database` that is never started (the server starts
   * it after listening; tests drain it). The app defines every job kind on it and stops it on close.
   */
  jobs?: JobRunner;
  /** Work done after the answer; tests pass one they can drain. */
  background?: Background;
  /** Address for links in emails; http://localhost:8080 by default. */
  baseUrl?: string;
  /**
   * Where stored files go and the largest upload; by default a new folder under the system's
   * temporary directory (tests) and 50 MB. The server passes `<CUSTOS_DATA_DIR>/blobs`.
   */
  storage?: { blobs: BlobStore; maxUploadBytes: number };
  /** Key for secrets at rest; tests may omit it and get a random one. */
  masterKey?: Buffer;
  /** What the audit trail's keys derive from after a rotation (crypto/audit-root.ts); the master key by default. */
  auditRoot?: Buffer;
  /** Source of "now" (tests pass one they can move); the system clock by default. */
  clock?: Clock;
  /** Folder of the built web app; defaults to dist/web of the package. */
  webRoot?: string;
  /** Where log lines go (default stdout); tests read them to check what is logged. */
  logStream?: NodeJS.WritableStream;
  /**
   * Also check every answer against its zod schema before writing it (a wrong shape answers 500).
   * On by default under tests (NODE_ENV=test, set by Vitest); production skips the cost.
   */
  checkResponses?: boolean;
  /** Where webhooks may go: by default public https addresses only, resolved by the system. */
  outbound?: OutboundPolicy;
  /** Extra routes, registered before the app is sealed (tests use it). */
  extraRoutes?: (app: App) => void | Promise<void>;
}

/**
 * Fastify's trustProxy for the configured proxies: a count of hops trusts exactly that many
 * entries from the right of X-Forwarded-For, so a client cannot choose its own address by sending
 * one (164.312(b): the address in the audit trail and the per-address sign-in throttle).
 */
function trustProxyOption(
  trust: Config['trustProxy'],
): boolean | string | ((address: string, hop: number) => boolean) {
  if (trust === false) {
    return false;
  }
  if (typeof trust === 'number') {
    return (_address, hop) => hop < trust;
  }
  return trust.join(',');
}

export type { App };

export const CONNECTION_IDLE_MS = 60_000;
export const HEADERS_MS = 30_000;
export const REQUEST_MS = 600_000;

/** Builds the HTTP application: platform plugins first, then every feature's routes. */
export async function buildApp(options: AppOptions): Promise<App> {
  const app = Fastify({
    logger: {
      level: options.config.logLevel,
      ...(options.logStream
        ? { stream: options.logStream }
        : options.config.logFormat === 'pretty'
          ? { stream: await prettyLogStream() }
          : {}),
      serializers: { err: errorSerializer },
    },
    trustProxy: trustProxyOption(options.config.trustProxy),
    forceCloseConnections: 'idle',
    // A client that trickles a request (slow-loris) may not hold a connection for ever
    // (availability, 164.306(a)(1)): idle 60 s, headers 30 s, a whole request 10 minutes (a 50 MB
    // upload at under 1 Mbit/s fits).
    connectionTimeout: CONNECTION_IDLE_MS,
    requestTimeout: REQUEST_MS,
    ...requestLogOptions,
  }).withTypeProvider<ZodTypeProvider>();
  app.server.headersTimeout = HEADERS_MS;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(
    responseSerializerCompiler({
      check: options.checkResponses ?? process.env.NODE_ENV === 'test',
    }),
  );
  requireRoutePermissions(app);
  registerErrorHandling(app);
  registerSecurityHeaders(app);
  registerJsonBody(app);
  registerRequestLog(app);
  await registerOpenApi(app);

  const masterKey = options.masterKey ?? randomBytes(32);
  const clock = options.clock ?? systemClock;
  const jobs =
    options.jobs ??
    createJobs({
      database: options.database,
      clock,
      onError: (error, job) => app.log.error({ err: error, job }, 'background job failed'),
    });
  const auditListeners: AuditListener[] = [];
  const secrets = secretBox(masterKey);
  const deps: AppDeps = {
    database: options.database,
    clock,
    jobs,
    auditKeys: auditKeysFrom(options.auditRoot ?? masterKey),
    secrets,
    files: fileVault(
      options.storage?.blobs ?? localBlobStore(path.join(tmpdir(), `custos-blobs-${randomUUID()}`)),
      secrets,
      options.storage?.maxUploadBytes ?? 50 * 1024 * 1024,
    ),
    mailer: options.mailer ?? createMailer(null, 'Custos <custos@localhost>', secrets),
    baseUrl: options.baseUrl ?? 'http://localhost:8080',
    ...featureDeps(FEATURES),
    auditListeners,
    outbound: options.outbound ?? defaultOutboundPolicy(),
    background:
      options.background ??
      createBackground((error) => app.log.error({ err: error }, 'background task failed')),
  };
  // Built from the deps they are part of: a listener enqueues jobs through them.
  auditListeners.push(...featureAuditListeners(FEATURES, deps));
  await defineAppJobs(jobs, deps);
  // Queued work finishes before the database closes.
  app.addHook('onClose', async () => {
    await deps.background.idle();
    await jobs.stop();
  });
  // Content errors stop the start, naming the file and field.
  for (const feature of FEATURES) {
    feature.checkContent?.();
  }
  await registerAuth(app, deps);
  registerTextInputCheck(app);
  for (const feature of FEATURES) {
    feature.routes?.(app, deps);
  }
  if (options.extraRoutes) {
    await options.extraRoutes(app);
  }
  await registerWebApp(app, options.webRoot ?? path.join(packageRoot(), 'dist', 'web'));
  return app;
}
