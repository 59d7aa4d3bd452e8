import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { ChecklistItemSource, EndEmploymentBody } from '../../../contracts/workforce';
import type { Database } from '../../db/schema';
import { appendAuditEvent, SYSTEM_CONTEXT, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import type { Db } from '../../platform/db/types';
import { AppError } from '../../platform/errors';
import { findTimeZone } from '../../platform/org-calendar-repository';
import { activeGrantsOf } from '../access-reviews/grants';
import { allAssets } from '../assets/service';
import {
  cutOffIn,
  endAccessAtIn,
  restoreAccessIn,
} from '../organizations/service/employment-access';
import { securityOfficialIn } from '../organizations/service/profile';
import { personRowIn, setEndDateIn } from '../people/service';
import { closeTaskIn } from '../tasks/service';
import { taskStates } from '../tasks/summaries';
import { createSystemTaskIn } from '../tasks/system-tasks';
import { dueDayIn, endOfDayIn } from './end-of-day';
import { GRANT_ITEM } from './grant-ends';
import {
  deleteChecklistItems,
  findChecklist,
  findChecklistById,
  insertChecklist,
  insertChecklistItem,
  listChecklistItems,
  updateChecklist,
} from './repository';
import { settingsOrDefault, templateItemsFor } from './templates';

/** The job that cuts a leaver's Custos access off at the end of their last day. */
export const CUT_OFF_JOB = 'workforce.cut_off';

// Kinds of asset people hold accounts on; devices (workstations, phones, media) are collected.
const ACCOUNT_KINDS = new Set(['application', 'server', 'cloud_service', 'medical_device']);

interface PlannedItem {
  key: string;
  source: ChecklistItemSource;
  title: string;
  assetId: string | null;
  /** Who should do it, when that person may (else the Security Official). */
  ownerHint: string | null;
}

export async function personOrThrow(trx: Db, orgId: string, id: string) {
  const person = await personRowIn(trx, orgId, id);
  if (!person) throw new AppError('not_found', 'No such person on the roster.');
  return person;
}

/**
 * What ending this person's employment asks: 164.308(a)(3)(ii)(C) "terminating access to
 * electronic protected health information when the employment of ... a workforce member ends".
 */
async function plannedItems(
  trx: Transaction<Database>,
  orgId: string,
  person: NonNullable<Awaited<ReturnType<typeof personRowIn>>>,
): Promise<PlannedItem[]> {
  const leaver = person.user_id;
  const managerAccount = person.manager_id
    ? ((await personRowIn(trx, orgId, person.manager_id))?.user_id ?? null)
    : null;
  const assets = await allAssets(trx, orgId);
  const byId = new Map(assets.map((a) => [a.id, a]));
  const notLeaver = (id: string | null) => (id !== null && id !== leaver ? id : null);
  // The recorded grants first (164.308(a)(4)(ii)(B)): one task per account, naming its level.
  const grants = await activeGrantsOf(trx, orgId, { personId: person.id });
  const granted = new Set(grants.map((g) => g.asset_id));
  const systems = assets.filter(
    (a) =>
      a.holdsEphi &&
      ACCOUNT_KINDS.has(a.kind) &&
      a.lifecycle !== 'retired' &&
      a.lifecycle !== 'disposed' &&
      !granted.has(a.id),
  );
  return [
    ...grants.map((grant) => {
      const asset = byId.get(grant.asset_id);
      return {
        key: `${GRANT_ITEM}${grant.id}`,
        source: 'account' as const,
        title: `Disable ${person.name}'s account on ${asset?.name ?? 'a removed system'} (${grant.access_level})`,
        assetId: grant.asset_id,
        ownerHint: notLeaver(asset?.owner?.id ?? null),
      };
    }),
    ...systems.map((asset) => ({
      key: `account:${asset.id}`,
      source: 'account' as const,
      title: `Disable ${person.name}'s account on ${asset.name}`,
      assetId: asset.id,
      ownerHint: notLeaver(asset.owner?.id ?? null),
    })),
    {
      key: 'devices',
      source: 'devices',
      title: `Collect ${person.name}'s devices, badge and keys`,
      assetId: null,
      ownerHint: notLeaver(managerAccount),
    },
    {
      key: 'remote_access',
      source: 'remote_access',
      title: `Revoke ${person.name}'s remote access (VPN, remote desktop, email on phones)`,
      assetId: null,
      ownerHint: null,
    },
    ...(await templateItemsFor(trx, orgId, 'termination', person)).map((title) => ({
      key: `template:${title.toLowerCase()}`,
      source: 'template' as const,
      title: `${title} (${person.name})`,
      assetId: null,
      ownerHint: null,
    })),
  ];
}

/**
 * Ends a person's employment: their end date, a termination checklist (one task per item, due the
 * organization's number of hours after the end of the last day, or after now when that is past),
 * and the end of their Custos access at the end of that day. Ending again adds only items that
 * are missing (a new system since) and moves the end date; no task is created twice.
 */
export async function endEmployment(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  personId: string,
  body: EndEmploymentBody,
  /** When the end was recorded, if not now (the demo's leaver, recorded on her last day). */
  recordedAt?: Date,
): Promise<void> {
  await deps.database.db.transaction().execute(async (trx) => {
    const person = await personOrThrow(trx, orgId, personId);
    const now = deps.clock.now();
    const recorded = recordedAt ?? now;
    const timeZone = (await findTimeZone(trx, orgId)) ?? 'UTC';
    const endsAt = endOfDayIn(timeZone, body.endDate);
    const settings = await settingsOrDefault(trx, orgId, now.toISOString());
    const from = Math.max(endsAt.getTime(), recorded.getTime());
    const dueAt = new Date(from + settings.termination_deadline_hours * 3_600_000);
    let checklist = await findChecklist(trx, orgId, personId, 'termination');
    const previousEndDate =
      checklist?.status === 'open' ? checklist.previous_end_date : person.end_date;
    await setEndDateIn(trx, deps, context, orgId, personId, body.endDate);
    const access = person.user_id
      ? await endAccessAtIn(trx, orgId, person.user_id, endsAt.toISOString())
      : null;
    const row = {
      status: 'open' as const,
      end_date: body.endDate,
      reason: body.reason,
      note: body.note ?? '',
      previous_end_date: previousEndDate,
      // Ending again keeps what the access was before the first end (an undo restores that).
      previous_access_expires_at:
        checklist?.status === 'open'
          ? checklist.previous_access_expires_at
          : (access?.accessExpiresAt ?? null),
      membership_id: access?.membershipId ?? null,
      access_ends_at: access ? endsAt.toISOString() : null,
      updated_at: now.toISOString(),
    };
    const before = checklist;
    if (!checklist) {
      checklist = {
        id: uuidv7(),
        org_id: orgId,
        person_id: personId,
        kind: 'termination',
        started_at: now.toISOString(),
        started_by: context.actor.type === 'user' ? context.actor.id : null,
        ...row,
      };
      await insertChecklist(trx, checklist);
    } else {
      await updateChecklist(trx, orgId, checklist.id, row);
    }
    const had = await listChecklistItems(trx, orgId, [checklist.id]);
    const existing = new Set(had.map((i) => i.item_key));
    // A system already asked for (a grant recorded since the first end) is not asked for twice.
    const covered = new Set(had.flatMap((i) => (i.asset_id ? [i.asset_id] : [])));
    const official = await securityOfficialIn(trx, orgId);
    let added = 0;
    for (const item of await plannedItems(trx, orgId, person)) {
      if (existing.has(item.key)) continue;
      if (item.key.startsWith('account:') && item.assetId && covered.has(item.assetId)) continue;
      const taskId = await createSystemTaskIn(
        trx,
        deps,
        context,
        orgId,
        {
          title: item.title,
          description:
            '164.308(a)(3)(ii)(C): access ends when employment ends. Part of the termination checklist on the person’s page.',
          dueOn: dueDayIn(timeZone, dueAt),
          priority: 'high',
        },
        { recordOwnerId: item.ownerHint ?? official },
      );
      await insertChecklistItem(trx, {
        id: uuidv7(),
        org_id: orgId,
        checklist_id: checklist.id,
        item_key: item.key,
        source: item.source,
        title: item.title,
        asset_id: item.assetId,
        task_id: taskId,
        due_at: dueAt.toISOString(),
        created_at: now.toISOString(),
      });
      added += 1;
    }
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'employment.ended',
      entity: { type: 'person', id: personId },
      changes: {
        endDate: {
          before: before?.status === 'open' ? before.end_date : null,
          after: body.endDate,
        },
        reason: { before: before?.status === 'open' ? before.reason : null, after: body.reason },
        tasksAdded: { after: added },
      },
    });
    if (person.user_id && access) {
      if (endsAt.getTime() <= now.getTime()) {
        await cutOffIn(trx, deps, context, orgId, person.user_id);
      } else {
        await deps.jobs.enqueueIn(
          trx,
          CUT_OFF_JOB,
          { orgId, checklistId: checklist.id, at: endsAt.toISOString() },
          { startAfter: endsAt, key: `cut-off:${checklist.id}:${endsAt.toISOString()}` },
        );
      }
    }
  });
}

/**
 * Takes back an end of employment (a rehire, or an end recorded by mistake): the person's end date
 * and Custos access return to what they were, open termination tasks are cancelled (done ones stay
 * done, as the record of what was done), and the checklist is emptied, so ending again later
 * raises every task afresh.
 */
export async function undoEndOfEmployment(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  personId: string,
): Promise<void> {
  await deps.database.db.transaction().execute(async (trx) => {
    await personOrThrow(trx, orgId, personId);
    const checklist = await findChecklist(trx, orgId, personId, 'termination');
    if (checklist?.status !== 'open') {
      throw new AppError('conflict', 'This person’s employment has not been ended here.');
    }
    const items = await listChecklistItems(trx, orgId, [checklist.id]);
    const states = await taskStates(
      trx,
      orgId,
      items.map((i) => i.task_id),
    );
    let cancelled = 0;
    for (const item of items) {
      const status = states.get(item.task_id)?.status;
      if (status !== 'open' && status !== 'in_progress') continue;
      await closeTaskIn(trx, deps, context, orgId, item.task_id, { status: 'cancelled' });
      cancelled += 1;
    }
    await deleteChecklistItems(trx, orgId, checklist.id);
    await setEndDateIn(trx, deps, context, orgId, personId, checklist.previous_end_date);
    if (checklist.membership_id) {
      await restoreAccessIn(
        trx,
        orgId,
        checklist.membership_id,
        checklist.previous_access_expires_at,
      );
    }
    await updateChecklist(trx, orgId, checklist.id, {
      status: 'undone',
      access_ends_at: null,
      updated_at: deps.clock.now().toISOString(),
    });
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'employment.end_undone',
      entity: { type: 'person', id: personId },
      changes: {
        endDate: { before: checklist.end_date, after: checklist.previous_end_date },
        tasksCancelled: { after: cancelled },
      },
    });
  });
}

/** The job: at the end of the last day, if the checklist still ends access then, cut it off. */
export async function runCutOff(
  deps: AppDeps,
  payload: { orgId: string; checklistId: string; at: string },
): Promise<void> {
  await deps.database.db.transaction().execute(async (trx) => {
    const { orgId } = payload;
    const checklist = await findChecklistById(trx, orgId, payload.checklistId);
    if (checklist?.status !== 'open' || checklist.access_ends_at !== payload.at) return;
    const person = await personRowIn(trx, orgId, checklist.person_id);
    if (!person?.user_id) return;
    await cutOffIn(trx, deps, SYSTEM_CONTEXT, orgId, person.user_id);
  });
}
