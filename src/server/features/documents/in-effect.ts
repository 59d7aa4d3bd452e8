import type { Db } from '../../platform/db/types';
import { findInEffectWithBody, findVersionDocument, listInEffect } from './in-effect-repository';
import { reference } from './presenter';

/** A policy's version in effect, as other features see it (attestations). */
export interface VersionInEffect {
  documentId: string;
  reference: string;
  versionId: string;
  versionNumber: number;
  title: string;
  sha256: string;
  effectiveOn: string | null;
}

function present(row: Awaited<ReturnType<typeof listInEffect>>[number]): VersionInEffect {
  return {
    documentId: row.document_id,
    reference: reference(row.document_number),
    versionId: row.version_id,
    versionNumber: row.version_number,
    title: row.title,
    sha256: row.sha256,
    effectiveOn: row.effective_on,
  };
}

/** The versions in effect of the organization's documents (all, or those named), by reference. */
export async function versionsInEffect(
  db: Db,
  orgId: string,
  documentIds?: readonly string[],
): Promise<VersionInEffect[]> {
  return (await listInEffect(db, orgId, documentIds)).map(present);
}

/** A version with its Markdown text, when it is in effect; otherwise undefined. */
export async function versionInEffectWithBody(
  db: Db,
  orgId: string,
  versionId: string,
): Promise<(VersionInEffect & { body: string }) | undefined> {
  const row = await findInEffectWithBody(db, orgId, versionId);
  return row ? { ...present(row), body: row.body } : undefined;
}

/** Which document a version (of any status) belongs to, and its number; undefined if none. */
export async function documentOfVersion(
  db: Db,
  orgId: string,
  versionId: string,
): Promise<{ documentId: string; versionNumber: number } | undefined> {
  const row = await findVersionDocument(db, orgId, versionId);
  return row ? { documentId: row.document_id, versionNumber: row.number } : undefined;
}
