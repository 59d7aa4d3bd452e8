import type { Db } from '../../platform/db/types';
import { findPeopleNames } from '../../platform/people-repository';
import { assetNames } from '../assets/service';
import { peopleNames } from '../people/service';
import { taskSummaries } from '../tasks/summaries';
import type { Names } from './presenter';

/** The names rows refer to, read once per response (no query per row). */
export async function namesFor(
  db: Db,
  orgId: string,
  refs: { people?: string[]; assets?: string[]; members?: string[]; tasks?: string[] },
): Promise<Names> {
  const [people, assets, members, tasks] = await Promise.all([
    peopleNames(db, orgId, refs.people ?? []),
    assetNames(db, orgId, refs.assets ?? []),
    findPeopleNames(db, orgId, refs.members ?? []),
    taskSummaries(db, orgId, [...new Set(refs.tasks ?? [])]),
  ]);
  return { people, assets, members, tasks };
}
