import type {
  AccessDecision,
  AccessMatch,
  AccessReviewRecurrence,
  AccessReviewSource,
  AccessReviewStatus,
} from '../../../contracts/access-reviews';

// Access grants and reviews (164.308(a)(4)(ii)(B)–(C)), added to Kysely's `Database` from here.
declare module '../../db/schema' {
  interface Database {
    access_grants: AccessGrantsTable;
    access_reviews: AccessReviewsTable;
    access_review_items: AccessReviewItemsTable;
  }
}

export interface AccessGrantsTable {
  id: string;
  org_id: string;
  number: number;
  person_id: string;
  asset_id: string;
  access_level: string;
  justification: string;
  approved_by: string;
  granted_on: string;
  revoked_on: string | null;
  revoked_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface AccessReviewsTable {
  id: string;
  org_id: string;
  number: number;
  asset_id: string;
  reviewer_id: string;
  period_start: string;
  period_end: string;
  due_on: string;
  recurrence: AccessReviewRecurrence;
  source: AccessReviewSource;
  status: AccessReviewStatus;
  previous_id: string | null;
  completed_at: string | null;
  completed_by: string | null;
  report_evidence_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface AccessReviewItemsTable {
  id: string;
  org_id: string;
  review_id: string;
  position: number;
  account: string;
  person_text: string;
  access_level: string;
  person_id: string | null;
  matched_by: AccessMatch | null;
  /** 1 when the matched person's end date is before the period (kept as found at import). */
  left_before_period: number;
  grant_id: string | null;
  decision: AccessDecision | null;
  comment: string;
  decided_by: string | null;
  decided_at: string | null;
  task_id: string | null;
}
