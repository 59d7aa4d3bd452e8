import type { Kysely } from 'kysely';
import { defineAppJobs } from '../server/app-jobs';
import type { Database } from '../server/db/schema';
import { FEATURES } from '../server/features';
import type { AuditListener } from '../server/platform/audit/append';
import { createBackground } from '../server/platform/background';
import { systemClock } from '../server/platform/clock';
import type { Config } from '../server/platform/config';
import { secretBox } from '../server/platform/crypto/secret-box';
import { fileVault } from '../server/platform/storage/file-vault';
import { localBlobStore } from '../server/platform/storage/local-blob-store';
import path from 'node:path';
import type { AppDeps } from '../server/platform/deps';
import { featureAuditListeners, featureDeps } from '../server/platform/feature-deps';
import { createJobs, type JobRunner } from '../server/platform/jobs';
import { createMailer } from '../server/platform/mail/mailer';
import { defaultOutboundPolicy } from '../server/platform/net/outbound';
import { cliAuditDeps } from './database';
import { oneLine, type Io } from './io';

/**
 * The app's dependencies for an operator command, with every job kind defined on a runner that
 * is never started: what a command enqueues runs in the server. Stop `jobs` when done.
 */
export async function cliAppDeps(
  db: Kysely<Database>,
  config: Config,
  io: Io,
  options: { sendMail: boolean } = { sendMail: true },
): Promise<{ deps: AppDeps; jobs: JobRunner }> {
  const audit = cliAuditDeps(config);
  const database = { db, kind: config.database.kind, destroy: () => Promise.resolve() };
  const jobs = createJobs({
    database,
    clock: systemClock,
    onError: (error) => io.err(`custos: ${oneLine(error)}`),
  });
  const auditListeners: AuditListener[] = [];
  const deps: AppDeps = {
    database,
    clock: systemClock,
    jobs,
    auditKeys: audit.auditKeys,
    secrets: secretBox(audit.masterKey),
    files: fileVault(
      localBlobStore(path.join(config.dataDir, 'blobs')),
      secretBox(audit.masterKey),
      config.maxUploadBytes,
    ),
    mailer: createMailer(
      options.sendMail ? config.smtpUrl : null,
      config.smtpFrom,
      secretBox(audit.masterKey),
    ),
    baseUrl: config.baseUrl,
    ...featureDeps(FEATURES),
    auditListeners,
    outbound: defaultOutboundPolicy(config.webhooksAllowPrivate),
    background: createBackground((error) => io.err(`custos: ${oneLine(error)}`)),
  };
  // As in the app: a change a command makes reaches the webhooks that want it.
  auditListeners.push(...featureAuditListeners(FEATURES, deps));
  await defineAppJobs(jobs, deps);
  return { deps, jobs };
}
