import { z } from 'zod';
import { appendAuditEvent, SYSTEM_CONTEXT } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import type { JobKind, JobSchedule } from '../../platform/jobs/types';
import { organizationCalendarsUnscoped } from '../../platform/org-calendar';
import { IntegrityError } from '../../platform/storage/sealed-stream';
import { notifyEachOnceIn, type NotifyInput } from '../notifications/notify';
import { reference } from './presenter';
import { listFilesDueForCheck, updateEvidenceItem } from './repository';

// 164.312(c)(1), 164.316(b)(2)(i): files are kept six years and more, and a download of an
// unchanged blob starts before its end-to-end check (file-vault.ts). This sweep reads every stored
// file end to end at least every CHECK_EVERY_DAYS, so damage is found while a backup still has the
// file, not on the day an auditor asks for it.
export const CHECK_EVERY_DAYS = 30;
/** Files read per run (hourly): 1,200 a day, every file of a large clinic within the month. */
export const FILES_PER_RUN = 50;
/** Recorded as the stamp of a damaged file: it never equals a blob's, so downloads check first. */
const DAMAGED = 'damaged';

/** Checks the files due, oldest check first, across organizations; returns what it found. */
export async function scrubEvidenceFiles(
  deps: AppDeps,
  limit = FILES_PER_RUN,
): Promise<{ checked: number; damaged: number }> {
  const db = deps.database.db;
  const now = deps.clock.now();
  const before = new Date(now.getTime() - CHECK_EVERY_DAYS * 86_400_000).toISOString();
  let checked = 0;
  let damaged = 0;
  for (const org of await organizationCalendarsUnscoped(db, deps.clock)) {
    if (checked >= limit) break;
    for (const row of await listFilesDueForCheck(db, org.orgId, before, limit - checked)) {
      checked += 1;
      if (row.blob_key === null || row.sealed_key === null || row.file_sha256 === null) continue;
      let stamp: string;
      let failure: IntegrityError | null = null;
      try {
        stamp = await deps.files.verify({
          blobKey: row.blob_key,
          sealedKey: row.sealed_key,
          sha256: row.file_sha256,
        });
      } catch (error) {
        if (!(error instanceof IntegrityError)) throw error;
        failure = error;
        stamp = DAMAGED;
        damaged += 1;
      }
      const at = deps.clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        await updateEvidenceItem(trx, org.orgId, row.id, {
          file_checked_stamp: stamp,
          file_checked_at: at,
        });
        if (!failure) return;
        await appendAuditEvent(trx, deps, SYSTEM_CONTEXT, {
          orgId: org.orgId,
          action: 'evidence_item.integrity_failed',
          entity: { type: 'evidence_item', id: row.id },
          outcome: 'failure',
          changes: {
            reference: { after: reference(row.number) },
            reason: { after: failure.message },
            found: { after: 'by the periodic check of stored files' },
          },
        });
        const told = new Set([row.owner_id, org.securityOfficialId].filter((u) => u !== null));
        const notices: NotifyInput[] = [...told].map((userId) => ({
          orgId: org.orgId,
          userId,
          kind: 'evidence.damaged',
          record: { type: 'evidence', id: row.id },
          title: `${reference(row.number)} ${row.title}`,
          key: `evidence.damaged:${row.id}:${at.slice(0, 10)}`,
        }));
        await notifyEachOnceIn(trx, deps, org.orgId, notices);
      });
    }
  }
  return { checked, damaged };
}

const Scheduled = z.object({ dueAt: z.string(), schedule: z.string() });
const NAME = 'evidence.scrub';

export const evidenceScrub: { kind: (deps: AppDeps) => JobKind; schedule: JobSchedule } = {
  kind: (deps) => ({
    name: NAME,
    label: 'Integrity check of stored evidence files',
    parse: (data) => Scheduled.parse(data),
    run: async () => {
      await scrubEvidenceFiles(deps);
    },
  }),
  schedule: { name: NAME, cron: '41 * * * *', job: NAME },
};
