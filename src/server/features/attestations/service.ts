import { v7 as uuidv7 } from 'uuid';
import type {
  AudienceBody,
  MyPolicy,
  PersonCompletion,
  PolicyCompletion,
} from '../../../contracts/attestations';
import { DEFAULT_ACKNOWLEDGE_DAYS } from '../../../contracts/attestations';
import { ROLE_LABELS, roleOf } from '../../../contracts/roles';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import { requireActiveMember } from '../../platform/auth/members';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import {
  documentOfVersion,
  versionInEffectWithBody,
  versionsInEffect,
} from '../documents/in-effect';
import { requireDocument } from '../documents/service';
import { publishedPolicies, type Obligation, type Published } from './obligations';
import {
  insertAcknowledgement,
  listAudience,
  listPublications,
  savePublication,
} from './repository';

function policyRef(p: Published, reference: string, title: string) {
  return { id: p.documentId, reference, title };
}

function summaryOf(
  p: Published,
  policy: { reference: string; title: string },
): Omit<PolicyCompletion, 'people'> {
  return {
    policy: policyRef(p, policy.reference, policy.title),
    version: p.version
      ? {
          id: p.version.versionId,
          number: p.version.versionNumber,
          sha256: p.version.sha256,
          effectiveOn: p.version.effectiveOn,
        }
      : null,
    audience: p.audience,
    required: p.obligations.length,
    acknowledged: p.obligations.filter((o) => o.status === 'acknowledged').length,
    overdue: p.obligations.filter((o) => o.status === 'overdue').length,
  };
}

function completionOf(
  p: Published,
  policy: { reference: string; title: string },
): PolicyCompletion {
  return {
    ...summaryOf(p, policy),
    people: p.obligations.map((o) => ({
      person: { id: o.userId, name: o.name },
      status: o.status,
      dueOn: o.dueOn,
      acknowledgedAt: o.acknowledgedAt,
    })),
  };
}

/** The title and reference of each document, from its version in effect or its record. */
async function policyNames(deps: AppDeps, orgId: string, published: readonly Published[]) {
  const names = new Map<string, { reference: string; title: string }>();
  for (const p of published) {
    if (p.version) {
      names.set(p.documentId, { reference: p.version.reference, title: p.version.title });
    } else {
      const document = await requireDocument(deps.database.db, orgId, p.documentId);
      names.set(p.documentId, { reference: `POL-${document.number}`, title: document.title });
    }
  }
  return names;
}

/** Completion per policy in effect and per person (164.316(b)(2)(ii)). */
export async function getCompletion(deps: AppDeps, orgId: string) {
  const published = (await publishedPolicies(deps.database.db, orgId, deps.clock.now())).filter(
    (p) => p.version !== null,
  );
  const names = await policyNames(deps, orgId, published);
  const policies = published
    .map((p) => {
      const named = names.get(p.documentId) ?? { reference: '', title: '' };
      return summaryOf(p, named);
    })
    .sort((a, b) => a.policy.reference.localeCompare(b.policy.reference, 'en', { numeric: true }));
  const people = new Map<string, PersonCompletion>();
  for (const o of published.flatMap((p) => p.obligations)) {
    const row = people.get(o.userId) ?? {
      person: { id: o.userId, name: o.name },
      required: 0,
      acknowledged: 0,
      overdue: 0,
    };
    row.required += 1;
    if (o.status === 'acknowledged') row.acknowledged += 1;
    if (o.status === 'overdue') row.overdue += 1;
    people.set(o.userId, row);
  }
  return {
    policies,
    people: [...people.values()].sort((a, b) => a.person.name.localeCompare(b.person.name)),
  };
}

export async function getPolicyCompletion(
  deps: AppDeps,
  orgId: string,
  documentId: string,
): Promise<PolicyCompletion> {
  const db = deps.database.db;
  const document = await requireDocument(db, orgId, documentId);
  const [published] = await publishedPolicies(db, orgId, deps.clock.now(), [documentId]);
  const names = { reference: `POL-${document.number}`, title: document.title };
  if (published) return completionOf(published, names);
  const [version] = await versionsInEffect(db, orgId, [documentId]);
  return completionOf(
    {
      documentId,
      audience: {
        roles: [],
        people: [],
        dueDays: DEFAULT_ACKNOWLEDGE_DAYS,
        publishedAt: null,
        publishedBy: null,
      },
      version: version ?? null,
      askedOn: null,
      dueOn: null,
      obligations: [],
    },
    names,
  );
}

/**
 * Chooses who must acknowledge a policy (roles, named people) and by how many days; the version in
 * effect is asked at once, and each later one when it takes effect.
 */
export async function publishPolicy(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  documentId: string,
  body: AudienceBody,
): Promise<PolicyCompletion> {
  const now = deps.clock.now().toISOString();
  await deps.database.db.transaction().execute(async (trx) => {
    const document = await requireDocument(trx, orgId, documentId);
    const [inEffect] = await versionsInEffect(trx, orgId, [documentId]);
    if (!inEffect) {
      throw new AppError(
        'conflict',
        `POL-${document.number} has no version in effect: put one in effect before asking people to acknowledge it.`,
      );
    }
    const userIds = [...new Set(body.userIds)];
    const names: string[] = [];
    for (const [index, userId] of userIds.entries()) {
      names.push(await requireActiveMember(trx, orgId, userId, `body.userIds.${index}`, now));
    }
    const roles = [...new Set(body.roles)];
    if (roles.length === 0 && userIds.length === 0) {
      throw AppError.field('body.roles', 'must name at least one role or person');
    }
    const [before] = await listPublications(trx, orgId, [documentId]);
    const beforeAudience = await listAudience(trx, orgId, [documentId]);
    const dueDays = body.dueDays ?? before?.due_days ?? DEFAULT_ACKNOWLEDGE_DAYS;
    await savePublication(
      trx,
      {
        document_id: documentId,
        org_id: orgId,
        due_days: dueDays,
        // A changed audience keeps the date it was first published: due dates do not move.
        published_at: before?.published_at ?? now,
        published_by: context.actor.type === 'user' ? context.actor.id : null,
      },
      [
        ...roles.map((role) => ({
          id: uuidv7(),
          org_id: orgId,
          document_id: documentId,
          role,
          user_id: null,
        })),
        ...userIds.map((userId) => ({
          id: uuidv7(),
          org_id: orgId,
          document_id: documentId,
          role: null,
          user_id: userId,
        })),
      ],
    );
    const roleWords = (list: readonly (string | null)[]) =>
      list.flatMap((r) => (r === null ? [] : [ROLE_LABELS[roleOf(r)]])).join(', ');
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'policy.published',
      entity: { type: 'document', id: documentId },
      changes: {
        roles: {
          before: before ? roleWords(beforeAudience.map((a) => a.role)) : null,
          after: roleWords(roles),
        },
        people: { after: names.join(', ') },
        dueDays: { before: before?.due_days ?? null, after: dueDays },
      },
    });
  });
  return getPolicyCompletion(deps, orgId, documentId);
}

function myPolicyOf(o: Obligation): MyPolicy {
  return {
    policy: { id: o.version.documentId, reference: o.version.reference, title: o.version.title },
    version: {
      id: o.version.versionId,
      number: o.version.versionNumber,
      sha256: o.version.sha256,
      effectiveOn: o.version.effectiveOn,
    },
    status: o.status,
    dueOn: o.dueOn,
    acknowledgedAt: o.acknowledgedAt,
  };
}

function personOf(context: AuditContext): string {
  if (context.actor.type !== 'user' || context.actor.id === null) {
    throw new AppError('forbidden', 'A person acknowledges a policy, not a token.');
  }
  return context.actor.id;
}

async function myObligations(deps: AppDeps, orgId: string, userId: string) {
  const published = await publishedPolicies(deps.database.db, orgId, deps.clock.now());
  return published.flatMap((p) => p.obligations.filter((o) => o.userId === userId));
}

/** 164.316(b)(2)(ii): the policies in effect that apply to me, those still to acknowledge first. */
export async function listMyPolicies(deps: AppDeps, context: AuditContext, orgId: string) {
  const order = { overdue: 0, due: 1, acknowledged: 2 };
  const mine = await myObligations(deps, orgId, personOf(context));
  return {
    data: mine
      .map(myPolicyOf)
      .sort(
        (a, b) =>
          order[a.status] - order[b.status] ||
          a.policy.reference.localeCompare(b.policy.reference, 'en', { numeric: true }),
      ),
  };
}

async function myObligation(deps: AppDeps, orgId: string, userId: string, versionId: string) {
  const found = (await myObligations(deps, orgId, userId)).find(
    (o) => o.version.versionId === versionId,
  );
  if (!found) throw new AppError('not_found', 'No such policy to read.');
  return found;
}

/**
 * A version that applies to me, with its text. An older version's address (a reminder sent before
 * a newer version took effect) answers the version in effect now, saying which it replaces.
 */
export async function getMyPolicy(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  versionId: string,
) {
  const db = deps.database.db;
  const mine = await myObligations(deps, orgId, personOf(context));
  let obligation = mine.find((o) => o.version.versionId === versionId);
  let replaces: { id: string; number: number } | null = null;
  if (!obligation) {
    const older = await documentOfVersion(db, orgId, versionId);
    obligation = mine.find(
      (o) =>
        o.version.documentId === older?.documentId && o.version.versionNumber > older.versionNumber,
    );
    if (older) replaces = { id: versionId, number: older.versionNumber };
  }
  if (!obligation) throw new AppError('not_found', 'No such policy to read.');
  const version = await versionInEffectWithBody(db, orgId, obligation.version.versionId);
  if (!version) throw new AppError('not_found', 'No such policy to read.');
  return { ...myPolicyOf(obligation), title: version.title, body: version.body, replaces };
}

/** Records that the person read this exact version (its hash) and will follow it. */
export async function acknowledgePolicy(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  versionId: string,
  sha256: string,
): Promise<MyPolicy> {
  const userId = personOf(context);
  const obligation = await myObligation(deps, orgId, userId, versionId);
  if (obligation.version.sha256 !== sha256) {
    throw new AppError(
      'conflict',
      `${obligation.version.reference} is not the text you read: open version ${obligation.version.versionNumber} again and acknowledge that.`,
    );
  }
  if (obligation.acknowledgedAt) return myPolicyOf(obligation);
  const now = deps.clock.now().toISOString();
  await deps.database.db.transaction().execute(async (trx) => {
    // Still in effect when written: a newer version asks again, with its own hash.
    const current = await versionsInEffect(trx, orgId, [obligation.version.documentId]);
    if (current[0]?.versionId !== versionId) {
      throw new AppError(
        'conflict',
        `${obligation.version.reference} has a newer version in effect: read that one.`,
      );
    }
    const inserted = await insertAcknowledgement(trx, {
      id: uuidv7(),
      org_id: orgId,
      document_id: obligation.version.documentId,
      version_id: versionId,
      version_sha256: sha256,
      user_id: userId,
      acknowledged_at: now,
    });
    if (!inserted) return;
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'policy.acknowledged',
      entity: { type: 'document', id: obligation.version.documentId },
      changes: {
        version: { after: `${obligation.version.reference} v${obligation.version.versionNumber}` },
        sha256: { after: sha256 },
      },
    });
  });
  return myPolicyOf({ ...obligation, acknowledgedAt: now, status: 'acknowledged' });
}
