import { v7 as uuidv7 } from 'uuid';
import { appendAuditEvent, type AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { findTimeZone } from '../../platform/org-calendar-repository';
import { todayIn } from '../../platform/time';
import { securityOfficialIn } from '../organizations/service/profile';
import { createSystemTaskIn } from '../tasks/system-tasks';
import { endOfDayIn } from './end-of-day';
import { findChecklist, insertChecklist, insertChecklistItem } from './repository';
import { personOrThrow } from './termination';
import { templateItemsFor } from './templates';

/**
 * Starts a person's onboarding: a task per item of the onboarding template that applies to their
 * department and job role, due on `dueOn` (their start date by default, else today). Once per
 * person: starting again changes nothing. Started by a person on purpose, not by an import of a
 * roster of thousands (164.308(a)(3)(ii)(A)–(B): authorized and cleared before access).
 */
export async function startOnboarding(
  deps: AppDeps,
  context: AuditContext,
  orgId: string,
  personId: string,
  body: { dueOn?: string | undefined },
): Promise<void> {
  await deps.database.db.transaction().execute(async (trx) => {
    const person = await personOrThrow(trx, orgId, personId);
    if (await findChecklist(trx, orgId, personId, 'onboarding')) return;
    const now = deps.clock.now();
    const timeZone = (await findTimeZone(trx, orgId)) ?? 'UTC';
    const dueOn = body.dueOn ?? person.start_date ?? todayIn(timeZone, now);
    if (person.end_date !== null && dueOn > person.end_date) {
      throw AppError.field('body.dueOn', 'must be on or before the end date');
    }
    const dueAt = endOfDayIn(timeZone, dueOn);
    const checklistId = uuidv7();
    await insertChecklist(trx, {
      id: checklistId,
      org_id: orgId,
      person_id: personId,
      kind: 'onboarding',
      status: 'open',
      end_date: null,
      reason: null,
      note: '',
      previous_end_date: null,
      previous_access_expires_at: null,
      membership_id: null,
      access_ends_at: null,
      started_at: now.toISOString(),
      started_by: context.actor.type === 'user' ? context.actor.id : null,
      updated_at: now.toISOString(),
    });
    const titles = await templateItemsFor(trx, orgId, 'onboarding', person);
    const official = await securityOfficialIn(trx, orgId);
    for (const title of titles) {
      const taskId = await createSystemTaskIn(
        trx,
        deps,
        context,
        orgId,
        {
          title: `${title} (${person.name})`,
          description: 'Part of the onboarding checklist on the person’s page.',
          dueOn,
        },
        { recordOwnerId: official },
      );
      await insertChecklistItem(trx, {
        id: uuidv7(),
        org_id: orgId,
        checklist_id: checklistId,
        item_key: `template:${title.toLowerCase()}`,
        source: 'template',
        title: `${title} (${person.name})`,
        asset_id: null,
        task_id: taskId,
        due_at: dueAt.toISOString(),
        created_at: now.toISOString(),
      });
    }
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'onboarding.started',
      entity: { type: 'person', id: personId },
      changes: { dueOn: { after: dueOn }, tasksAdded: { after: titles.length } },
    });
  });
}
