import { Readable } from 'node:stream';
import type { Transaction } from 'kysely';
import type { PersonTraining } from '../../../contracts/training';
import type { Database } from '../../db/schema';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { addDays } from '../../platform/time';
import { organizationToday } from '../../platform/org-calendar';
import { findPeopleNames } from '../../platform/people-repository';
import type { StoredFile } from '../../platform/storage/file-vault';
import { dateWord } from '../../platform/words';
import { newEvidenceRowIn } from '../evidence/service';
import { getProfile } from '../organizations/service/profile';
import { renderCertificate } from './certificate';
import { presentTraining } from './presenter';
import { completeTrainingRow, findTraining, type TrainingRow } from './repository';

/** The reference printed on a certificate: stable, from the person's training record. */
export const certificateReference = (trainingId: string) =>
  `TRN-${trainingId.replace(/-/g, '').slice(-10).toUpperCase()}`;

export async function requireTraining(deps: AppDeps, orgId: string, id: string) {
  const row = await findTraining(deps.database.db, orgId, id);
  if (!row) throw new AppError('not_found', 'No such training record.');
  return row;
}

/** A certificate drawn and stored encrypted in the vault, before any transaction opens. */
export interface IssuedCertificate {
  readonly stored: StoredFile;
  readonly fileName: string;
  readonly title: string;
}

export async function issueCertificate(
  deps: AppDeps,
  orgId: string,
  row: TrainingRow,
  result: {
    completedOn: string;
    score: number | null;
    passMark: number | null;
    recordedBy: string | null;
  },
): Promise<IssuedCertificate> {
  const organization = (await getProfile(deps, orgId)).name;
  const pdf = await renderCertificate(
    {
      organization,
      person: row.person_name,
      course: row.course_title,
      courseKind: row.course_kind,
      completedOn: result.completedOn,
      completedOnWords: dateWord(result.completedOn),
      score: result.score,
      passMark: result.passMark,
      reference: certificateReference(row.id),
      recordedBy: result.recordedBy,
    },
    deps.clock.now(),
  );
  const stored = await deps.files.store(Readable.from([pdf]), []);
  const slug = row.person_name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'person';
  return {
    stored,
    fileName: `certificate-${row.course_key.slice(0, 40)}-${slug}.pdf`,
    title: `Training certificate: ${row.course_title}, ${row.person_name}`.slice(0, 200),
  };
}

/**
 * Completes a person's training in the caller's transaction: the certificate becomes an evidence
 * item (kept six years, 164.316(b)(2)(i)) linked from the training record. Refused (409) when the
 * record was completed meanwhile; the caller then removes the stored file.
 */
export async function completeTrainingIn(
  trx: Transaction<Database>,
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  row: TrainingRow,
  certificate: IssuedCertificate,
  result: { completedOn: string; score: number | null; completedBy: string | null },
): Promise<void> {
  const now = deps.clock.now().toISOString();
  const evidence = await newEvidenceRowIn(trx, deps, context, orgId, {
    kind: 'file',
    title: certificate.title,
    url: null,
    description: `Certificate ${certificateReference(row.id)} of security awareness training (164.308(a)(5)).`,
    file_name: certificate.fileName,
    file_size: certificate.stored.size,
    file_type: 'application/pdf',
    file_sha256: certificate.stored.sha256,
    blob_key: certificate.stored.blobKey,
    sealed_key: certificate.stored.sealedKey,
    file_checked_stamp: certificate.stored.checkedStamp,
    file_checked_at: now,
    collected_on: result.completedOn,
  });
  const completed = await completeTrainingRow(trx, orgId, row.id, {
    completed_at: now,
    completed_on: result.completedOn,
    score: result.score,
    completed_by: result.completedBy,
    certificate_evidence_id: evidence.id,
  });
  if (!completed) {
    throw new AppError('conflict', `${row.person_name} has already completed ${row.course_title}.`);
  }
  await appendAuditEvent(trx, deps, context, {
    orgId,
    action: 'training.completed',
    entity: { type: 'training', id: row.id },
    changes: {
      person: { after: row.person_name },
      course: { after: row.course_title },
      completedOn: { after: result.completedOn },
      score: { after: result.score },
      certificate: { after: evidence.id },
    },
  });
}

/** Runs `write` with a stored certificate; the file is removed again if the write fails. */
export async function withCertificate<T>(
  deps: AppDeps,
  certificate: IssuedCertificate,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    await deps.files.remove(certificate.stored.blobKey);
    throw error;
  }
}

/**
 * A manager or official records that someone completed an external course (issue 15: "completion
 * recorded by the manager"); the recorder is the acting person, never a token (design.md §6.2).
 */
export async function recordExternalCompletion(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
  body: { completedOn: string; score?: number | null | undefined },
): Promise<PersonTraining> {
  const row = await requireTraining(deps, orgId, id);
  // A module is passed in Custos by whoever can sign in; someone without an account takes it on
  // paper or in a session, and an official records it like an external course.
  if (row.course_kind === 'module' && row.user_id !== null) {
    throw new AppError(
      'conflict',
      `${row.course_title} is a built-in module: ${row.person_name} completes it by passing its quiz.`,
    );
  }
  if (row.completed_at !== null) {
    throw new AppError('conflict', `${row.person_name} has already completed ${row.course_title}.`);
  }
  const today = await organizationToday(deps.database.db, deps.clock, orgId);
  if (body.completedOn > today) {
    throw AppError.field('body.completedOn', 'must not be after today');
  }
  // A course taken shortly before it was asked counts; one from years before does not.
  const earliest = addDays(row.assigned_on, -365);
  if (body.completedOn < earliest) {
    throw AppError.field(
      'body.completedOn',
      `must be within a year before the training was asked (${row.assigned_on})`,
    );
  }
  const recorder = context.actor.type === 'user' ? context.actor.id : null;
  // Who approved is who acted: a completion is recorded by someone other than who completed it.
  if (recorder !== null && row.user_id === recorder) {
    throw new AppError(
      'conflict',
      'You cannot record your own completion: another official records it.',
    );
  }
  const names = await findPeopleNames(deps.database.db, orgId, recorder ? [recorder] : []);
  const score = body.score ?? null;
  const certificate = await issueCertificate(deps, orgId, row, {
    completedOn: body.completedOn,
    score,
    passMark: null,
    recordedBy: recorder ? (names.get(recorder) ?? null) : null,
  });
  await withCertificate(deps, certificate, () =>
    deps.database.db.transaction().execute((trx) =>
      completeTrainingIn(trx, deps, context, orgId, row, certificate, {
        completedOn: body.completedOn,
        score,
        completedBy: recorder,
      }),
    ),
  );
  return presentTraining(await requireTraining(deps, orgId, id), today);
}
