import { z } from 'zod';
import type { Role } from '../../../contracts/roles';
import type { AppDeps } from '../../platform/deps';
import { actingAs as as, demoStep } from '../../platform/demo';
import { addDays } from '../../platform/time';
import { versionsInEffect } from '../documents/in-effect';
import { acknowledgePolicy, publishPolicy } from './service';

// The demo clinic's policies in effect are published to everyone who works with ePHI, some weeks
// apart, so acknowledgements are in every state: done, waiting and overdue.
const EVERYONE: Role[] = [
  'owner',
  'admin',
  'security_officer',
  'privacy_officer',
  'contributor',
  'workforce',
];
// Who had acknowledged, by how many days after publication; the first policy was published three
// weeks ago (overdue for the rest), the others three days ago.
const ACKNOWLEDGED: readonly (readonly [string, number])[] = [
  ['priya', 0],
  ['grace', 1],
  ['sam', 2],
];

const at = (deps: AppDeps, date: string): AppDeps => ({
  ...deps,
  clock: { now: () => new Date(`${date}T15:00:00Z`) },
});

const attestations = demoStep(92, z.unknown(), async (clinic) => {
  const { deps, context, orgId, person, today } = clinic;
  const priya = as(context, person('priya'));
  const inEffect = await versionsInEffect(deps.database.db, orgId);
  for (const [index, version] of inEffect.entries()) {
    const published = addDays(today, index === 0 ? -21 : -3);
    await publishPolicy(at(deps, published), priya, orgId, version.documentId, {
      roles: EVERYONE,
      userIds: [],
      dueDays: 14,
    });
    // The first policy: three people read it; the later ones: only the Security Official so far.
    for (const [key, after] of index === 0 ? ACKNOWLEDGED : ACKNOWLEDGED.slice(0, 1)) {
      await acknowledgePolicy(
        at(deps, addDays(published, after)),
        as(context, person(key)),
        orgId,
        version.versionId,
        version.sha256,
      );
    }
  }
});

export const attestationsDemo = [attestations];
