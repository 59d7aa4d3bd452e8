import type { AckStatus, Audience } from '../../../contracts/attestations';
import { roleOf } from '../../../contracts/roles';
import type { Db } from '../../platform/db/types';
import { findTimeZone } from '../../platform/org-calendar-repository';
import { findPeopleNames, listLiveMembers } from '../../platform/people-repository';
import { addDays, todayIn } from '../../platform/time';
import { versionsInEffect, type VersionInEffect } from '../documents/in-effect';
import { listAcknowledgements, listAudience, listPublications } from './repository';
import type { PolicyAudienceTable, PolicyPublicationsTable } from './tables';

/** One person asked to acknowledge one policy's version in effect, and where they stand. */
export interface Obligation {
  readonly version: VersionInEffect;
  readonly userId: string;
  readonly name: string;
  readonly role: string;
  readonly dueOn: string;
  readonly acknowledgedAt: string | null;
  readonly status: AckStatus;
}

/** A published policy: its audience, its version in effect (if any) and who owes what. */
export interface Published {
  readonly documentId: string;
  readonly audience: Audience;
  readonly version: VersionInEffect | null;
  readonly askedOn: string | null;
  readonly dueOn: string | null;
  readonly obligations: readonly Obligation[];
}

function audienceOf(
  publication: PolicyPublicationsTable,
  rows: readonly PolicyAudienceTable[],
  names: ReadonlyMap<string, string>,
): Audience {
  const person = (id: string) => ({ id, name: names.get(id) ?? 'Former member' });
  return {
    roles: rows.flatMap((r) => (r.role === null ? [] : [roleOf(r.role)])),
    people: rows.flatMap((r) => (r.user_id === null ? [] : [person(r.user_id)])),
    dueDays: publication.due_days,
    publishedAt: publication.published_at,
    publishedBy: publication.published_by ? person(publication.published_by) : null,
  };
}

/**
 * Who must acknowledge which version in effect (164.316(b)(2)(ii)): each live member whose role is
 * in a policy's audience or who is named in it. A version is asked from the later of its effective
 * date and its publication; a new version in effect asks everyone again (its acknowledgements are
 * its own: they carry its hash).
 */
export async function publishedPolicies(
  db: Db,
  orgId: string,
  now: Date,
  documentIds?: readonly string[],
): Promise<Published[]> {
  const publications = await listPublications(db, orgId, documentIds);
  if (publications.length === 0) return [];
  const ids = publications.map((p) => p.document_id);
  const versions = await versionsInEffect(db, orgId, ids);
  const audience = await listAudience(db, orgId, ids);
  const members = await listLiveMembers(db, orgId, now.toISOString());
  const acks = await listAcknowledgements(
    db,
    orgId,
    versions.map((v) => v.versionId),
  );
  const acked = new Map(acks.map((a) => [`${a.version_id}:${a.user_id}`, a.acknowledged_at]));
  const names = await findPeopleNames(db, orgId, [
    ...new Set([
      ...audience.flatMap((a) => (a.user_id ? [a.user_id] : [])),
      ...publications.flatMap((p) => (p.published_by ? [p.published_by] : [])),
    ]),
  ]);
  const zone = (await findTimeZone(db, orgId)) ?? 'UTC';
  const today = todayIn(zone, now);
  const byDocument = new Map(versions.map((v) => [v.documentId, v]));
  return publications.map((publication) => {
    const rows = audience.filter((a) => a.document_id === publication.document_id);
    const roles = new Set(rows.map((r) => r.role));
    const named = new Set(rows.map((r) => r.user_id));
    const version = byDocument.get(publication.document_id) ?? null;
    if (!version) {
      return {
        documentId: publication.document_id,
        audience: audienceOf(publication, rows, names),
        version: null,
        askedOn: null,
        dueOn: null,
        obligations: [],
      };
    }
    const publishedOn = todayIn(zone, new Date(publication.published_at));
    const effectiveOn = version.effectiveOn ?? publishedOn;
    const askedOn = effectiveOn > publishedOn ? effectiveOn : publishedOn;
    const dueOn = addDays(askedOn, publication.due_days);
    const obligations = members
      // Auditors read and sign nothing (README): never asked, even when named.
      .filter((m) => m.role !== 'auditor' && (roles.has(m.role) || named.has(m.userId)))
      .map((m): Obligation => {
        const acknowledgedAt = acked.get(`${version.versionId}:${m.userId}`) ?? null;
        return {
          version,
          userId: m.userId,
          name: m.name,
          role: m.role,
          dueOn,
          acknowledgedAt,
          status: acknowledgedAt ? 'acknowledged' : today > dueOn ? 'overdue' : 'due',
        };
      });
    return {
      documentId: publication.document_id,
      audience: audienceOf(publication, rows, names),
      version,
      askedOn,
      dueOn,
      obligations,
    };
  });
}
