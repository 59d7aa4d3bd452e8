import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ROLES, type Role } from '../../../contracts/roles';
import { packageRoot } from '../../platform/package-info';
import type { AuditContext } from '../../platform/audit/append';
import type { DemoClinic, DemoStep } from '../../platform/demo';
import type { AppDeps } from '../../platform/deps';
import type { Feature } from '../../platform/feature';
import { todayIn } from '../../platform/time';
import { FEATURES } from '../index';
import { hashPassword } from '../auth/passwords';
import { claimSetupIfOpen } from '../auth/service/admin';
import {
  createMemberAccount,
  createOrganizationWithOwner,
} from '../organizations/service/new-organization';

/**
 * The demo clinic's organization and people (content/demo/riverside-clinic.json); the rest of the
 * file is read by the features' demo steps, each its own part.
 */
const ClinicSchema = z.object({
  organization: z.string(),
  timeZone: z.string(),
  people: z.array(
    z.object({ key: z.string(), name: z.string(), email: z.string(), role: z.enum(ROLES) }),
  ),
});

function demoData(): unknown {
  const file = path.join(packageRoot(), 'content', 'demo', 'riverside-clinic.json');
  const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
  return data;
}

/** Every feature's demo steps, in the order they run. */
export function demoSteps(features: readonly Feature[]): DemoStep[] {
  return features.flatMap((f) => f.demo ?? []).toSorted((a, b) => a.order - b.order);
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

/**
 * Seeds the demo clinic through the same services the API uses, so its audit trail is real: the
 * organization and its people here, then each feature's steps (its manifest's `demo`).
 */
export async function seedDemo(
  deps: AppDeps,
  context: AuditContext,
  password: string,
  options: SeedOptions = {},
): Promise<Seeded> {
  const db = deps.database.db;
  const data = demoData();
  const steps = demoSteps(FEATURES);
  // The whole file is checked before anything is written.
  const loaded = ClinicSchema.parse(data);
  for (const step of steps) step.check(data);
  const people = loaded.people.map((p) => ({
    ...p,
    email: taggedEmail(p.email, options.emailTag),
  }));
  const passwordHash = await hashPassword(password);
  const ids = new Map<string, string>();
  const orgId = await db.transaction().execute(async (trx) => {
    const [first, ...rest] = people;
    if (!first) throw new Error('no demo people');
    const created = await createOrganizationWithOwner(trx, deps, context, {
      orgName: loaded.organization,
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

  const named = new Map<string, string>();
  const clinic: DemoClinic = {
    deps,
    context,
    orgId,
    today: todayIn(loaded.timeZone, deps.clock.now()),
    timeZone: loaded.timeZone,
    data,
    person: (key) => {
      const userId = ids.get(key);
      if (!userId) throw new Error(`demo: no person "${key}"`);
      return userId;
    },
    remember: (kind, name, id) => {
      named.set(`${kind}:${name}`, id);
    },
    recall: (kind, name) => {
      const id = named.get(`${kind}:${name}`);
      if (!id) throw new Error(`demo: no ${kind} named "${name}"`);
      return id;
    },
  };
  for (const step of steps) {
    await step.seed(clinic);
  }
  return {
    orgId,
    organization: loaded.organization,
    password,
    people: people.map(({ key, name, email, role }) => ({
      name,
      email,
      role,
      userId: clinic.person(key),
    })),
  };
}
