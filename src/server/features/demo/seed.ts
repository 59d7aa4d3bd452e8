import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DECISIONS, SAFEGUARD_STATUSES } from '../../../contracts/safeguards';
import { RecurrenceSchema, TASK_PRIORITIES, type TaskCreateBody } from '../../../contracts/tasks';
import { AssetBodySchema } from '../../../contracts/assets';
import { ROLES, type Role } from '../../../contracts/roles';
import { packageRoot } from '../../platform/package-info';
import type { AuditContext } from '../../platform/audit/append';
import type { AppDeps } from '../../platform/deps';
import { addDays, addMonths, todayIn } from '../../platform/time';
import { hashPassword } from '../auth/passwords';
import { claimSetupIfOpen } from '../auth/service/admin';
import { updateProfile } from '../organizations/service/profile';
import {
  createMemberAccount,
  createOrganizationWithOwner,
} from '../organizations/service/new-organization';
import { changeSafeguardIn, recordDecision } from '../safeguards/service';
import { createAssetIn } from '../assets/service';
import { createLinkIn } from '../links/service';
import { completeTask, createTaskIn } from '../tasks/service';
import { RiskAnalysisDemoSchema, seedRiskAnalysis } from './risk-seed';

const Person = z.enum(['dana', 'marcus', 'priya', 'tom', 'grace', 'sam', 'helen']);
type Person = z.infer<typeof Person>;

/** The demo clinic's data: content/demo/riverside-clinic.json, relative to today. */
const DemoSchema = z.object({
  organization: z.string(),
  timeZone: z.string(),
  people: z.array(
    z.object({ key: Person, name: z.string(), email: z.string(), role: z.enum(ROLES) }),
  ),
  records: z.array(
    z.object({
      requirement: z.string(),
      status: z.enum(SAFEGUARD_STATUSES),
      owner: Person,
      statement: z.string(),
      reviewMonths: z.number().int().optional(),
    }),
  ),
  decisions: z.array(
    z.object({
      requirement: z.string(),
      decision: z.enum(DECISIONS),
      rationale: z.string().optional(),
      alternative: z.string().optional(),
    }),
  ),
  assets: z.array(AssetBodySchema.omit({ ownerId: true }).extend({ owner: Person })),
  evidence: z.array(z.object({ requirement: z.string(), label: z.string(), url: z.string() })),
  riskAnalysis: RiskAnalysisDemoSchema,
  tasks: z.array(
    z.object({
      title: z.string(),
      owner: Person,
      dueInDays: z.number().int().nullable(),
      priority: z.enum(TASK_PRIORITIES),
      recurrence: RecurrenceSchema.optional(),
      safeguard: z.string(),
      done: z.string().optional(),
    }),
  ),
});

function demoData() {
  const file = path.join(packageRoot(), 'content', 'demo', 'riverside-clinic.json');
  return DemoSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

interface Seeded {
  orgId: string;
  organization: string;
  password: string;
  people: { name: string; email: string; role: Role; userId: string }[];
}

export interface SeedOptions {
  /** Added to every email (dana+tag@…), so one database can hold several demo clinics (tests). */
  emailTag?: string;
}

function taggedEmail(email: string, tag: string | undefined): string {
  return tag ? email.replace('@', `+${tag}@`) : email;
}

/** Seeds the demo clinic through the same services the API uses, so its audit trail is real. */
export async function seedDemo(
  deps: AppDeps,
  context: AuditContext,
  password: string,
  options: SeedOptions = {},
): Promise<Seeded> {
  const db = deps.database.db;
  const loaded = demoData();
  const data = {
    ...loaded,
    people: loaded.people.map((p) => ({ ...p, email: taggedEmail(p.email, options.emailTag) })),
  };
  const passwordHash = await hashPassword(password);
  const ids = new Map<Person, string>();
  const orgId = await db.transaction().execute(async (trx) => {
    const [first, ...rest] = data.people;
    if (!first) throw new Error('no demo people');
    const created = await createOrganizationWithOwner(trx, deps, context, {
      orgName: data.organization,
      owner: { name: first.name, email: first.email, passwordHash },
    });
    ids.set(first.key, created.userId);
    for (const person of rest) {
      const accessExpiresAt =
        person.role === 'auditor'
          ? new Date(deps.clock.now().getTime() + 90 * 86_400_000).toISOString()
          : undefined;
      ids.set(
        person.key,
        await createMemberAccount(trx, deps, context, created.orgId, {
          name: person.name,
          email: person.email,
          passwordHash,
          role: person.role,
          ...(accessExpiresAt ? { accessExpiresAt } : {}),
        }),
      );
    }
    await claimSetupIfOpen(trx, deps.clock);
    return created.orgId;
  });
  const id = (key: Person) => ids.get(key) ?? '';
  const today = todayIn(data.timeZone, deps.clock.now());

  await updateProfile(deps, context, orgId, {
    entityType: 'provider',
    includesGroupHealthPlan: false,
    includesClearinghouse: false,
    size: '11-50',
    locations: ['Main clinic, 120 River Street', 'Eastside satellite office'],
    timeZone: data.timeZone,
    privacyOfficial: { userId: id('tom'), since: addMonths(today, -30) },
  });

  await db.transaction().execute(async (trx) => {
    for (const { requirement, status, owner, statement, reviewMonths: months } of data.records) {
      await changeSafeguardIn(trx, deps, context, orgId, requirement, {
        status,
        ownerId: id(owner),
        statement,
        ...(months
          ? { reviewIntervalMonths: months, nextReviewOn: addMonths(today, months - 2) }
          : {}),
      });
    }
    // Two reviews fell behind, and the rule lets a provider mark two items not applicable.
    await changeSafeguardIn(trx, deps, context, orgId, '164.310(a)(2)(ii)', {
      nextReviewOn: addDays(today, -20),
    });
    await changeSafeguardIn(trx, deps, context, orgId, '164.308(a)(5)(ii)(A)', {
      nextReviewOn: addDays(today, -5),
    });
    for (const citation of [
      '164.308(a)(4)(ii)(A)',
      '164.314(b)(1)',
      '164.314(b)(2)(i)',
      '164.314(b)(2)(ii)',
      '164.314(b)(2)(iii)',
      '164.314(b)(2)(iv)',
    ]) {
      await changeSafeguardIn(trx, deps, context, orgId, citation, {
        status: 'not_applicable',
        statement: citation.startsWith('164.314')
          ? 'The clinic is not a group health plan and sponsors none.'
          : 'The clinic has no health care clearinghouse function.',
      });
    }
  });

  // The Security Official records her own decisions: the approver is who acts.
  const officer: AuditContext = {
    ...context,
    actor: { type: 'user', id: id('priya'), label: 'demo' },
  };
  for (const { requirement, ...decision } of data.decisions) {
    await recordDecision(deps, officer, orgId, requirement, {
      ...decision,
      approvedOn: addMonths(today, -10),
      basis: `Risk analysis ${addMonths(today, -12).slice(0, 4)}, approved by the Security Official`,
    });
  }

  const assetIds = new Map<string, string>();
  await db.transaction().execute(async (trx) => {
    for (const [index, { owner, ...asset }] of data.assets.entries()) {
      assetIds.set(
        asset.name,
        await createAssetIn(
          trx,
          deps,
          context,
          orgId,
          { ...asset, ownerId: id(owner) },
          `assets.${index}`,
        ),
      );
    }
    for (const { requirement, label, url } of data.evidence) {
      await createLinkIn(trx, deps, context, orgId, {
        from: { type: 'safeguard', id: requirement },
        to: { type: 'url', id: url },
        label,
      });
    }
  });

  // The Security Official is designated last, on the profile (the first-week step).
  await updateProfile(deps, context, orgId, {
    securityOfficial: { userId: id('priya'), since: addMonths(today, -30) },
  });

  for (const { done, owner, dueInDays, safeguard, ...rest } of data.tasks) {
    const task: TaskCreateBody = {
      ...rest,
      ownerId: id(owner),
      dueOn: dueInDays === null ? null : addDays(today, dueInDays),
      links: [{ type: 'safeguard', id: safeguard }],
    };
    const taskId = await db
      .transaction()
      .execute((trx) => createTaskIn(trx, deps, context, orgId, task));
    if (done) {
      await completeTask(
        deps,
        context,
        orgId,
        { userId: task.ownerId ?? '', seesAll: true },
        taskId,
        { note: done },
      );
    }
  }
  await seedRiskAnalysis(deps, context, orgId, data.riskAnalysis, {
    person: (key) => id(Person.parse(key)),
    asset: (name) => {
      const assetId = assetIds.get(name);
      if (!assetId) throw new Error(`demo: no asset named ${name}`);
      return assetId;
    },
    today,
  });
  return {
    orgId,
    organization: data.organization,
    password,
    people: data.people.map(({ key, name, email, role }) => ({
      name,
      email,
      role,
      userId: id(key),
    })),
  };
}
