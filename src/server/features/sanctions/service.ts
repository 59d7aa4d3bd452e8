import { v7 as uuidv7 } from 'uuid';
import type { Sanction, SanctionBody } from '../../../contracts/sanctions';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import type { Db } from '../../platform/db/types';
import { AppError } from '../../platform/errors';
import { nextReferenceNumber } from '../../platform/references-repository';
import { policyVersionLabels } from '../documents/version-labels';
import { peopleNames, personRowIn } from '../people/service';
import { readJson } from '../../platform/db/json-columns';
import { taskSummaries } from '../tasks/summaries';
import { createSystemTaskIn } from '../tasks/system-tasks';
import { assignTrainingIn } from '../training/assignments';
import { daysBetween } from '../notifications/sweep';
import { organizationToday } from '../../platform/org-calendar';
import { incidentLink } from '../incidents/link';
import { presentSanction, reference } from './presenter';
import {
  findSanction,
  insertSanction,
  listSanctions,
  updateSanction,
  type SanctionRow,
} from './repository';
import { nextTier, tiersOf } from './tiers';

// What an audit event says of a sanction: that it was recorded or changed, and by whom, never the
// person, the violation or the decision. The audit trail is read by auditors and admins who may not
// read sanctions (164.308(a)(1)(ii)(C) records stay with the four roles that keep them).
export const WITHHELD = '[recorded on the sanctions page]';

async function present(db: Db, orgId: string, rows: readonly SanctionRow[]): Promise<Sanction[]> {
  const taskIds = rows.flatMap((r) => readJson('sanctions.task_ids', r.task_ids));
  const people = await peopleNames(
    db,
    orgId,
    rows.map((r) => r.person_id),
  );
  const tasks = await taskSummaries(db, orgId, taskIds);
  const versions = await policyVersionLabels(
    db,
    orgId,
    rows.flatMap((r) => (r.document_version_id ? [r.document_version_id] : [])),
  );
  const incidents = await incidentLink.labels(
    db,
    orgId,
    rows.flatMap((r) => (r.incident_id ? [r.incident_id] : [])),
  );
  return rows.map((row) => presentSanction(row, { tasks, versions, people, incidents }));
}

export async function found(db: Db, orgId: string, id: string) {
  const row = await findSanction(db, orgId, id);
  if (!row) throw new AppError('not_found', 'No such sanction record.');
  return row;
}

/**
 * The records, newest first; with a person, theirs and the tier progressive discipline suggests
 * next: one above the highest they received, the last tier at most, the first when none.
 */
export async function listSanctionPage(deps: AppDeps, orgId: string, personId?: string) {
  const db = deps.database.db;
  const rows = await listSanctions(db, orgId, personId);
  const suggestion = personId ? nextTier((await tiersOf(db, orgId)).data, rows) : null;
  return { data: await present(db, orgId, rows), suggestion };
}

export async function getSanction(deps: AppDeps, orgId: string, id: string) {
  const db = deps.database.db;
  const [one] = await present(db, orgId, [await found(db, orgId, id)]);
  if (!one) throw new Error('a found record presents');
  return one;
}

/**
 * The person a sanction is about takes no part in it (164.308(a)(1)(ii)(C): applied by the
 * organization, not by its subject): they neither decide it, sign it off nor write its notes.
 */
export async function refuseOwnSanction(
  trx: Db,
  orgId: string,
  personId: string,
  context: AuditContext,
  act: string,
): Promise<void> {
  const person = await personRowIn(trx, orgId, personId);
  if (person?.user_id && context.actor.type === 'user' && person.user_id === context.actor.id) {
    throw new AppError('conflict', `This sanction is about you: another member ${act}.`);
  }
}

/** Records a sanction decided by the caller; corrective actions (and retraining) become tasks. */
export async function recordSanction(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  body: SanctionBody,
) {
  if (context.actor.type !== 'user' || !context.actor.id) {
    throw new AppError('forbidden', 'A sanction is decided by a person.');
  }
  const decider = context.actor.id;
  const id = uuidv7();
  await deps.database.db.transaction().execute(async (trx) => {
    const person = await personRowIn(trx, orgId, body.personId);
    if (!person) throw AppError.field('body.personId', 'must be a person of the roster');
    await refuseOwnSanction(trx, orgId, body.personId, context, 'decides it');
    const tier = (await tiersOf(trx, orgId)).data.find(
      (t) => t.name.toLowerCase() === body.decision.trim().toLowerCase(),
    );
    if (!tier) throw AppError.field('body.decision', 'must be one of the sanction tiers');
    if (body.policyVersionId) {
      const versions = await policyVersionLabels(trx, orgId, [body.policyVersionId]);
      if (!versions.has(body.policyVersionId)) {
        throw AppError.field('body.policyVersionId', 'must be a version of a policy');
      }
    }
    await checkIncident(trx, orgId, body.incidentId);
    const retraining = tier.name.toLowerCase() === 'retraining';
    if (body.retraining && !retraining) {
      throw AppError.field('body.retraining', 'is only for the tier Retraining');
    }
    let trainingAssignmentId: string | null = null;
    if (retraining && body.retraining) {
      // 164.308(a)(1)(ii)(C) with (a)(5): the corrective action is the course itself, assigned
      // to the person once, with this sanction, due on the date chosen.
      const today = await organizationToday(trx, deps.clock, orgId);
      const dueDays = daysBetween(today, body.retraining.dueOn);
      if (dueDays < 1 || dueDays > 365) {
        throw AppError.field('body.retraining.dueOn', 'must be within a year after today');
      }
      trainingAssignmentId = (
        await assignTrainingIn(
          trx,
          deps,
          context,
          orgId,
          {
            courseId: body.retraining.courseId,
            frequency: 'once',
            dueDays,
            roles: [],
            departmentIds: [],
            personIds: [body.personId],
          },
          'body.retraining.courseId',
        )
      ).id;
    }
    const actions = [
      ...(body.correctiveActions ?? []).map((a, index) => ({ ...a, field: index })),
      // Retraining without a course chosen: a task to arrange it.
      ...(retraining && !body.retraining
        ? [
            {
              // Worded as any training task: tasks are read by roles that may not read sanctions.
              title: `Arrange a training course for ${person.name}`,
              dueOn: body.decidedOn,
              ownerId: undefined,
              field: null,
            },
          ]
        : []),
    ];
    const taskIds: string[] = [];
    for (const action of actions) {
      taskIds.push(
        await createSystemTaskIn(
          trx,
          deps,
          context,
          orgId,
          {
            title: action.title,
            dueOn: action.dueOn,
            ...(action.ownerId ? { ownerId: action.ownerId } : {}),
          },
          { recordOwnerId: decider },
        ),
      );
    }
    const now = deps.clock.now().toISOString();
    const number = await nextReferenceNumber(trx, orgId, 'sanction');
    await insertSanction(trx, {
      id,
      org_id: orgId,
      number,
      person_id: body.personId,
      violation: body.violation,
      document_version_id: body.policyVersionId ?? null,
      incident_id: body.incidentId ?? null,
      severity: body.severity,
      intent: body.intent,
      investigation_notes: body.investigationNotes ?? '',
      decision_rank: tier.rank,
      decision_name: tier.name,
      decided_by: decider,
      decided_on: body.decidedOn,
      hr_signed_off_by: null,
      hr_signed_off_at: null,
      acknowledged_on: null,
      acknowledged_way: null,
      acknowledged_by: null,
      acknowledged_at: null,
      task_ids: JSON.stringify(taskIds),
      training_assignment_id: trainingAssignmentId,
      created_at: now,
      updated_at: now,
    });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'sanction.recorded',
      entity: { type: 'sanction', id },
      changes: { reference: { after: reference(number) }, record: { after: WITHHELD } },
    });
  });
  return getSanction(deps, orgId, id);
}

/** The incident a record links to must be one of the organization's. */
async function checkIncident(db: Db, orgId: string, incidentId: string | null | undefined) {
  if (!incidentId) return;
  if (!(await incidentLink.exists(db, orgId, [incidentId])).has(incidentId)) {
    throw AppError.field('body.incidentId', 'must be an incident of the organization');
  }
}

export async function changeSanction(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
  body: { investigationNotes?: string | undefined; incidentId?: string | null | undefined },
) {
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await found(trx, orgId, id);
    await refuseOwnSanction(trx, orgId, before.person_id, context, 'records its notes and links');
    const values: { investigation_notes?: string; incident_id?: string | null } = {};
    const changes: Record<string, { after: string }> = {};
    if (
      body.investigationNotes !== undefined &&
      body.investigationNotes !== before.investigation_notes
    ) {
      values.investigation_notes = body.investigationNotes;
      changes.investigationNotes = { after: WITHHELD };
    }
    if (body.incidentId !== undefined && body.incidentId !== before.incident_id) {
      await checkIncident(trx, orgId, body.incidentId);
      values.incident_id = body.incidentId;
      changes.incident = { after: WITHHELD };
    }
    if (Object.keys(values).length === 0) return;
    await updateSanction(trx, orgId, id, { ...values, updated_at: deps.clock.now().toISOString() });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'sanction.changed',
      entity: { type: 'sanction', id },
      changes,
    });
  });
  return getSanction(deps, orgId, id);
}

/** The HR sign-off, by the caller themselves, who is not who decided (who approved is who acted). */
export async function signOffSanction(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  id: string,
) {
  if (context.actor.type !== 'user' || !context.actor.id) {
    throw new AppError('forbidden', 'Only a person signs off.');
  }
  const signer = context.actor.id;
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await found(trx, orgId, id);
    if (before.hr_signed_off_by !== null) {
      throw new AppError('conflict', `${reference(before.number)} is signed off already.`);
    }
    await refuseOwnSanction(trx, orgId, before.person_id, context, 'signs it off for HR');
    if (before.decided_by === signer) {
      throw new AppError(
        'conflict',
        'You decided this sanction: another member signs it off for HR.',
      );
    }
    const now = deps.clock.now().toISOString();
    await updateSanction(trx, orgId, id, {
      hr_signed_off_by: signer,
      hr_signed_off_at: now,
      updated_at: now,
    });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'sanction.signed_off',
      entity: { type: 'sanction', id },
      changes: { reference: { after: reference(before.number) } },
    });
  });
  return getSanction(deps, orgId, id);
}
