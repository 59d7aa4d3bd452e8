import type {
  BreachOutcome,
  DeterminationStatus,
} from '../../../contracts/breach-determination-schemas';
import type { ENTITY_TYPES } from '../../../contracts/breach-deadlines';
import type { NoticeKind } from '../../../contracts/breach-notice-schemas';
import type {
  IncidentCategory,
  IncidentSource,
  IncidentStatus,
  TimelineKind,
} from '../../../contracts/incidents-schemas';

// The incidents feature's tables, added to the database type (Kysely's `Database`) from here.
declare module '../../db/schema' {
  interface Database {
    incidents: IncidentsTable;
    incident_assets: IncidentAssetsTable;
    incident_people: IncidentPeopleTable;
    incident_timeline: IncidentTimelineTable;
    incident_severity_levels: IncidentSeverityLevelsTable;
    incident_report_links: IncidentReportLinksTable;
    breach_determinations: BreachDeterminationsTable;
    breach_letters: BreachLettersTable;
    breach_log_submissions: BreachLogSubmissionsTable;
    breach_notices: BreachNoticesTable;
    breach_media_notices: BreachMediaNoticesTable;
    breach_unreachable: BreachUnreachableTable;
  }
}

export interface IncidentsTable {
  id: string;
  org_id: string;
  year: number;
  number: number;
  title: string;
  description: string;
  category: IncidentCategory;
  severity: number | null;
  status: IncidentStatus;
  source: IncidentSource;
  reported_by: string | null;
  reporter_contact: string | null;
  reported_at: string;
  occurred_at: string | null;
  discovered_at: string | null;
  discovered_time_zone: string;
  business_associate: string;
  system: string;
  owner_id: string | null;
  review_root_cause: string | null;
  review_what_worked: string | null;
  review_lessons: string | null;
  reviewed_at: string | null;
  reviewed_by: string | null;
  checklist_applied_at: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface IncidentAssetsTable {
  org_id: string;
  incident_id: string;
  asset_id: string;
}

export interface IncidentPeopleTable {
  org_id: string;
  incident_id: string;
  person_id: string;
}

export interface IncidentTimelineTable {
  id: string;
  org_id: string;
  incident_id: string;
  kind: TimelineKind;
  text: string;
  at: string;
  recorded_at: string;
  actor_id: string | null;
  actor_label: string;
  evidence_id: string | null;
}

export interface IncidentSeverityLevelsTable {
  org_id: string;
  level: number;
  name: string;
  definition: string;
}

export interface IncidentReportLinksTable {
  org_id: string;
  token_hash: string;
  created_at: string;
  created_by: string | null;
}

/** A version of an incident's breach determination; the steps are JSON text (json-columns.ts). */
export interface BreachDeterminationsTable {
  id: string;
  org_id: string;
  incident_id: string;
  version: number;
  status: DeterminationStatus;
  reason: string | null;
  entity_type: (typeof ENTITY_TYPES)[number] | null;
  discovered_on: string;
  /** JSON: the PHI step (PhiStepSchema). */
  phi: string | null;
  /** JSON: the exclusion step. */
  exclusion: string | null;
  /** JSON: the four factors, each rated with its rationale. */
  factors: string | null;
  /** JSON: the facts the deadline engine needs. */
  facts: string | null;
  /** JSON: the conclusion step. */
  conclusion: string | null;
  /** JSON: who saved each step and when ({ step: { at, by } }). */
  saved: string;
  outcome: BreachOutcome | null;
  approved_at: string | null;
  approved_by: string | null;
  approval_note: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
}

/** The individual notice letter as edited (until then, drawn from the template). */
export interface BreachLettersTable {
  org_id: string;
  incident_id: string;
  body: string;
  updated_at: string;
  updated_by: string | null;
}

/** When a year's log of breaches under 500 was submitted to HHS (164.408(c)). */
export interface BreachLogSubmissionsTable {
  org_id: string;
  year: number;
  submitted_on: string;
  note: string;
  recorded_at: string;
  recorded_by: string | null;
}

/** A notice of a breach as actually sent (issue 16 part 5). */
export interface BreachNoticesTable {
  id: string;
  org_id: string;
  incident_id: string;
  kind: NoticeKind;
  sent_on: string;
  state: string | null;
  people: number | null;
  channel: string;
  note: string;
  evidence_id: string | null;
  recorded_at: string;
  recorded_by: string | null;
  corrected_at: string | null;
  corrected_by: string | null;
  correction_reason: string | null;
}

/** The media notice for one State as edited (until then, drawn from the template). */
export interface BreachMediaNoticesTable {
  org_id: string;
  incident_id: string;
  state: string;
  body: string;
  updated_at: string;
  updated_by: string | null;
}

/** How many affected people cannot be reached (164.404(d)(2), to be checked). */
export interface BreachUnreachableTable {
  org_id: string;
  incident_id: string;
  unreachable: number;
  updated_at: string;
  updated_by: string | null;
}
