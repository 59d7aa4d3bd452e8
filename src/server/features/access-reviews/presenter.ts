import type {
  AccessFlag,
  AccessGrant,
  AccessReview,
  AccessReviewItem,
} from '../../../contracts/access-reviews';
import type { AccessGrantsTable, AccessReviewItemsTable, AccessReviewsTable } from './tables';

export const grantReference = (number: number): string => `AG-${number}`;
export const reviewReference = (number: number): string => `AR-${number}`;

/** What a response names beside the rows: people, assets, members and tasks, by id. */
export interface Names {
  people: ReadonlyMap<string, { name: string; reference: string }>;
  assets: ReadonlyMap<string, { name: string; reference: string }>;
  members: ReadonlyMap<string, string>;
  tasks?: ReadonlyMap<
    string,
    {
      id: string;
      reference: string;
      title: string;
      status: 'open' | 'in_progress' | 'done' | 'cancelled';
    }
  >;
}

const member = (names: Names, id: string) => ({
  id,
  name: names.members.get(id) ?? 'Former member',
});

const personRef = (names: Names, id: string) => {
  const person = names.people.get(id);
  return {
    id,
    name: person?.name ?? 'Removed from the roster',
    reference: person?.reference ?? '',
  };
};

const assetRef = (names: Names, id: string) => {
  const asset = names.assets.get(id);
  return { id, name: asset?.name ?? 'Removed asset', reference: asset?.reference ?? '' };
};

/** A grant, field by field. */
export function presentGrant(row: AccessGrantsTable, names: Names): AccessGrant {
  return {
    id: row.id,
    reference: grantReference(row.number),
    person: personRef(names, row.person_id),
    asset: assetRef(names, row.asset_id),
    accessLevel: row.access_level,
    justification: row.justification,
    approvedBy: member(names, row.approved_by),
    grantedOn: row.granted_on,
    revokedOn: row.revoked_on,
    revokedBy: row.revoked_by ? member(names, row.revoked_by) : null,
    createdAt: row.created_at,
  };
}

/** The flags of an item: no person matched, or one who left before the period. */
export function flagsOf(row: Pick<AccessReviewItemsTable, 'person_id' | 'left_before_period'>) {
  const flags: AccessFlag[] = [];
  if (row.person_id === null) flags.push('no_match');
  if (row.left_before_period === 1) flags.push('left_before_period');
  return flags;
}

/** An item, field by field. */
export function presentItem(row: AccessReviewItemsTable, names: Names): AccessReviewItem {
  const task = row.task_id ? names.tasks?.get(row.task_id) : undefined;
  return {
    id: row.id,
    row: row.position,
    account: row.account,
    personText: row.person_text,
    accessLevel: row.access_level,
    person: row.person_id ? personRef(names, row.person_id) : null,
    matchedBy: row.matched_by,
    flags: flagsOf(row),
    decision: row.decision,
    comment: row.comment,
    decidedBy: row.decided_by ? member(names, row.decided_by) : null,
    decidedAt: row.decided_at,
    task: task
      ? { id: task.id, reference: task.reference, title: task.title, status: task.status }
      : null,
  };
}

/** A review, field by field. */
export function presentReview(
  row: AccessReviewsTable,
  names: Names,
  counts: { items: number; decided: number; flagged: number } | undefined,
  today: string,
): AccessReview {
  return {
    id: row.id,
    reference: reviewReference(row.number),
    asset: assetRef(names, row.asset_id),
    reviewer: member(names, row.reviewer_id),
    periodStart: row.period_start,
    periodEnd: row.period_end,
    dueOn: row.due_on,
    recurrence: row.recurrence,
    source: row.source,
    status: row.status,
    overdue: row.status === 'open' && row.due_on < today,
    counts: counts ?? { items: 0, decided: 0, flagged: 0 },
    completedAt: row.completed_at,
    completedBy: row.completed_by ? member(names, row.completed_by) : null,
    reportEvidenceId: row.report_evidence_id,
    previousId: row.previous_id,
    createdAt: row.created_at,
  };
}
