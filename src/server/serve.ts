import path from 'node:path';
import { localBlobStore } from './platform/storage/local-blob-store';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { ensureInstance } from './features/system/service';
import { loadConfig, type Config } from './platform/config';
import { describeDatabaseError, openDatabase, pingDatabase } from './platform/db/connection';
import { migrateToLatest } from './platform/db/migrator';
import { systemClock } from './platform/clock';
import { auditKeysFrom } from './platform/audit/keys';
import { loadAuditRoot } from './platform/crypto/audit-root';
import { sealAuditChains } from './platform/audit/trail';
import { loadMasterKey } from './platform/crypto/master-key';
import { secretBox } from './platform/crypto/secret-box';
import { createMailer } from './platform/mail/mailer';
import { createJobs } from './platform/jobs';
import { defaultOutboundPolicy } from './platform/net/outbound';
import { productVersion } from './platform/package-info';

/** A start-up failure whose message is the one line an operator needs. */
export class StartupError extends Error {
  override name = 'StartupError';
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  /** Stops taking requests, lets running ones finish, closes the database. */
  stop(): Promise<void>;
}

/** Opens the database, applies migrations, builds the app and listens. */
export async function startServer(config: Config): Promise<RunningServer> {
  const database = openDatabase(config.database);
  try {
    await pingDatabase(database.db);
  } catch (error) {
    await database.destroy().catch(() => undefined);
    throw new StartupError(
      `Cannot reach the ${database.kind} database: ${describeDatabaseError(error)}`,
    );
  }
  let app: FastifyInstance | undefined;
  try {
    await migrateToLatest(database.db);
    await ensureInstance({ database });
    const masterKey = loadMasterKey(config.masterKey, config.dataDir);
    // Chains written before they were keyed get their cut-over now (164.312(c)(1)).
    const auditRoot = loadAuditRoot(masterKey.key, config.dataDir);
    await sealAuditChains(database.db, auditKeysFrom(auditRoot));
    const jobs = createJobs({
      database,
      clock: systemClock,
      onError: (error, job) => app?.log.warn({ err: error, job }, 'background job failed'),
    });
    app = await buildApp({
      config,
      database,
      masterKey: masterKey.key,
      auditRoot,
      storage: {
        blobs: localBlobStore(path.join(config.dataDir, 'blobs')),
        maxUploadBytes: config.maxUploadBytes,
      },
      mailer: createMailer(config.smtpUrl, config.smtpFrom, secretBox(masterKey.key)),
      jobs,
      baseUrl: config.baseUrl,
      outbound: defaultOutboundPolicy(config.webhooksAllowPrivate),
    });
    if (masterKey.created) {
      app.log.warn(
        { file: masterKey.source },
        'created a new master key: back it up with the database, or encrypted secrets are lost',
      );
    }
    await app.listen({ port: config.port, host: config.host });
    // Reminders, mail and upkeep run from now on, including what was queued while no process ran.
    await jobs.start();
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.destroy().catch(() => undefined);
    throw startupError(error, config);
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  const running = app;
  return {
    app: running,
    url,
    stop: async () => {
      await running.close();
      await database.destroy();
    },
  };
}

function startupError(error: unknown, config: Config): Error {
  const code = (error as { code?: unknown }).code;
  if (code === 'EADDRINUSE') {
    return new StartupError(
      `Port ${config.port} on ${config.host} is already in use (set PORT to another port)`,
    );
  }
  if (code === 'EACCES') {
    return new StartupError(
      `Not allowed to listen on port ${config.port} (choose a PORT above 1023)`,
    );
  }
  if (code === 'EADDRNOTAVAIL') {
    return new StartupError(`HOST ${config.host} is not an address of this machine`);
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** Stops gracefully on SIGTERM and SIGINT; a second signal or 10 s without finishing forces exit. */
export function stopOnSignals(server: RunningServer): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.exit(1);
    }
    stopping = true;
    server.app.log.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), 10_000).unref();
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        server.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

/**
 * Reads the configuration, starts the server and returns 0 once it listens (the process then
 * lives on), or 1 after writing one line naming what is wrong.
 */
export async function runServe(
  env: NodeJS.ProcessEnv,
  err: (line: string) => void,
): Promise<number> {
  try {
    const config = loadConfig(env);
    const server = await startServer(config);
    stopOnSignals(server);
    const where = config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL';
    err(`Custos ${productVersion()} is running at ${server.url} (database: ${where})`);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    err(`custos: ${message.split('\n')[0] ?? 'unknown error'}`);
    return 1;
  }
}
