import { z } from 'zod';
import { DateOnly, Line, PersonRef, Text, TimeZone, Title } from './common';

// 164.304 "Security incident": the attempted or successful unauthorized access, use, disclosure,
// modification, or destruction of information or interference with system operations in an
// information system. 164.308(a)(6)(ii): identify and respond to suspected or known security
// incidents, mitigate harmful effects, document incidents and their outcomes.

/** The kinds of incident (issue 16); each has a response checklist in content/incidents/. */
export const INCIDENT_CATEGORIES = [
  'malware',
  'phishing',
  'lost_device',
  'unauthorized_access',
  'insider_misuse',
  'misdirected_communication',
  'system_outage',
  'vendor_incident',
  'other',
] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];
export const INCIDENT_CATEGORY_LABELS: Record<IncidentCategory, string> = {
  malware: 'Malware or ransomware',
  phishing: 'Phishing',
  lost_device: 'Lost or stolen device',
  unauthorized_access: 'Unauthorized access or disclosure',
  insider_misuse: 'Insider misuse',
  misdirected_communication: 'Misdirected communication',
  system_outage: 'System outage',
  vendor_incident: 'Vendor incident',
  other: 'Other',
};

/** The response workflow, in its order; `not_an_incident` closes a report that was none. */
export const INCIDENT_STATUSES = [
  'reported',
  'triage',
  'contained',
  'eradicated',
  'recovered',
  'closed',
  'not_an_incident',
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = {
  reported: 'Reported',
  triage: 'In triage',
  contained: 'Contained',
  eradicated: 'Eradicated',
  recovered: 'Recovered',
  closed: 'Closed',
  not_an_incident: 'Closed: not an incident',
};

/**
 * Where each status may go. Forward one step, or skip a step that did not apply (a lost laptop has
 * nothing to eradicate); back one step when containment failed; closed as not an incident only
 * before containment (once contained, it was one). Closed records reopen into triage.
 */
export const INCIDENT_TRANSITIONS: Record<IncidentStatus, readonly IncidentStatus[]> = {
  reported: ['triage', 'not_an_incident'],
  triage: ['contained', 'not_an_incident'],
  contained: ['eradicated', 'recovered', 'triage'],
  eradicated: ['recovered', 'contained'],
  recovered: ['closed', 'eradicated'],
  closed: ['triage'],
  not_an_incident: ['triage'],
};

/** True for the statuses of a closed record. */
export function isClosedStatus(status: IncidentStatus): boolean {
  return status === 'closed' || status === 'not_an_incident';
}

/** How a report came in. */
export const INCIDENT_SOURCES = ['member', 'anonymous', 'recorded'] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];
export const INCIDENT_SOURCE_LABELS: Record<IncidentSource, string> = {
  member: 'Reported by a member',
  anonymous: 'Anonymous report',
  recorded: 'Recorded by the security team',
};

/** Kinds of timeline entry: changes Custos records itself, and what people add. */
export const TIMELINE_KINDS = ['change', 'note', 'call', 'evidence', 'decision'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
export const TIMELINE_KIND_LABELS: Record<TimelineKind, string> = {
  change: 'Change',
  note: 'Note',
  call: 'Call made',
  evidence: 'Evidence collected',
  decision: 'Decision',
};
/** What a person may add by hand (changes are recorded by Custos). */
export const MANUAL_TIMELINE_KINDS = ['note', 'call', 'evidence', 'decision'] as const;
export type ManualTimelineKind = (typeof MANUAL_TIMELINE_KINDS)[number];
export const MANUAL_TIMELINE_KIND_LABELS: Record<ManualTimelineKind, string> = {
  note: 'Note',
  call: 'Call made',
  evidence: 'Evidence collected',
  decision: 'Decision',
};

/** A level of the organization's severity scale (1 is the lowest). */
export const SeverityLevelSchema = z.object({
  level: z.number().int().min(1),
  name: z.string(),
  definition: z.string(),
});
export type SeverityLevel = z.infer<typeof SeverityLevelSchema>;
export const SeverityScaleSchema = z.object({
  data: z.array(SeverityLevelSchema),
  isDefault: z.boolean().describe('True while the organization keeps the scale Custos ships'),
});
export const SeverityScaleBodySchema = z.object({
  levels: z
    .array(z.object({ name: Title(60), definition: Text(1000) }))
    .min(2, { error: 'must have at least 2 levels' })
    .max(7, { error: 'must have at most 7 levels' }),
});
export type SeverityScaleBody = z.infer<typeof SeverityScaleBodySchema>;

/** Custos's default scale, our own wording, lowest first. */
export const DEFAULT_SEVERITY_SCALE: readonly { name: string; definition: string }[] = [
  {
    name: 'Low',
    definition:
      'No ePHI involved or at risk, no effect on care or operations (a blocked phishing email, a failed attempt).',
  },
  {
    name: 'Moderate',
    definition:
      'ePHI may have been exposed in a limited way, or one system or a few people are affected; no effect on patient care.',
  },
  {
    name: 'High',
    definition:
      'ePHI was or may have been accessed, used or disclosed without authorization, or a system holding ePHI is unavailable.',
  },
  {
    name: 'Critical',
    definition:
      'Widespread compromise or outage (ransomware, many records exposed) or patient care disrupted: all hands, leadership informed.',
  },
];

const Instant = z.iso.datetime({ offset: true, error: 'must be a date and time (ISO 8601)' });
const Ids = (max: number) => z.array(z.uuid()).max(max, { error: `must list at most ${max}` });

export const IncidentBodySchema = z.object({
  title: Title(200),
  description: Text(20000).optional(),
  category: z.enum(INCIDENT_CATEGORIES),
  severity: z.number().int().min(1).max(7).nullable().optional(),
  occurredAt: Instant.nullable().optional(),
  discoveredAt: Instant.nullable().optional(),
  discoveredTimeZone: TimeZone.optional().describe('The zone discovery was recorded in'),
  businessAssociate: Line(200).optional(),
  assetIds: Ids(100).optional(),
  personIds: Ids(100).optional(),
  ownerId: z.uuid().nullable().optional(),
  system: Line(200).optional(),
});
export type IncidentBody = z.infer<typeof IncidentBodySchema>;
export const IncidentUpdateBodySchema = IncidentBodySchema.partial();
export type IncidentUpdateBody = z.infer<typeof IncidentUpdateBodySchema>;

export const IncidentStatusBodySchema = z.object({
  status: z.enum(INCIDENT_STATUSES),
  note: Text(2000).optional(),
});
export type IncidentStatusBody = z.infer<typeof IncidentStatusBodySchema>;

export const IncidentReviewSchema = z.object({
  rootCause: z.string(),
  whatWorked: z.string(),
  lessons: z.string(),
  reviewedAt: z.iso.datetime(),
  reviewedBy: PersonRef.nullable(),
});
export const IncidentReviewBodySchema = z.object({
  rootCause: Text(5000).min(1, { error: 'is required' }),
  whatWorked: Text(5000).optional(),
  lessons: Text(5000).min(1, { error: 'is required' }),
  correctiveActions: z
    .array(z.object({ title: Title(200), dueOn: DateOnly.optional() }))
    .max(20)
    .optional()
    .describe('Each becomes a task linked to the incident'),
  riskIds: Ids(50).optional().describe('Risks to re-rate, linked to the incident'),
});
export type IncidentReviewBody = z.infer<typeof IncidentReviewBodySchema>;

export const IncidentSchema = z.object({
  id: z.string(),
  reference: z.string().describe('INC-2026-007: per organization and year of the report'),
  title: z.string(),
  description: z.string(),
  category: z.enum(INCIDENT_CATEGORIES),
  severity: SeverityLevelSchema.nullable(),
  status: z.enum(INCIDENT_STATUSES),
  nextStatuses: z.array(z.enum(INCIDENT_STATUSES)),
  source: z.enum(INCIDENT_SOURCES),
  reportedBy: PersonRef.nullable(),
  reporterContact: z.string().nullable().describe('Given with an anonymous report, optional'),
  reportedAt: z.iso.datetime(),
  occurredAt: z.iso.datetime().nullable(),
  discoveredAt: z.iso.datetime().nullable(),
  discoveredTimeZone: z.string(),
  businessAssociate: z.string(),
  system: z.string(),
  assets: z.array(z.object({ id: z.string(), name: z.string() })),
  people: z.array(z.object({ id: z.string(), name: z.string() })),
  owner: PersonRef.nullable(),
  review: IncidentReviewSchema.nullable(),
  checklistTasksCreated: z.boolean(),
  closedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Incident = z.infer<typeof IncidentSchema>;

export const IncidentSummarySchema = IncidentSchema.pick({
  id: true,
  reference: true,
  title: true,
  category: true,
  severity: true,
  status: true,
  source: true,
  reportedAt: true,
  owner: true,
});
export type IncidentSummary = z.infer<typeof IncidentSummarySchema>;

export const IncidentQuerySchema = z.object({
  status: z.enum(['open', 'closed', 'all']).default('all'),
});

export const TimelineEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(TIMELINE_KINDS),
  text: z.string(),
  at: z.iso.datetime().describe('When it happened (given by the person, or when recorded)'),
  recordedAt: z.iso.datetime(),
  by: z.string().describe('Who: a member’s name, "Anonymous reporter" or "Custos"'),
  evidence: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;
export const TimelineEntryBodySchema = z.object({
  kind: z.enum(MANUAL_TIMELINE_KINDS),
  text: Text(5000).min(1, { error: 'is required' }),
  at: Instant.optional(),
  evidenceId: z.uuid().optional().describe('An evidence item of the vault, linked to the incident'),
});
export type TimelineEntryBody = z.infer<typeof TimelineEntryBodySchema>;

/** One item of a category's response checklist (content/incidents/checklists.json). */
export const ChecklistItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  dueInDays: z.number().int(),
});
export const ChecklistSchema = z.object({
  category: z.enum(INCIDENT_CATEGORIES),
  items: z.array(ChecklistItemSchema),
});

/** "Report a problem": what anyone can say in two minutes. */
export const ProblemReportBodySchema = z.object({
  title: Title(200),
  whatHappened: Text(5000).min(1, { error: 'is required' }),
  occurredAt: Instant.optional(),
  system: Line(200).optional().describe('Device or system, if known'),
});
export type ProblemReportBody = z.infer<typeof ProblemReportBodySchema>;

/** What a reporter sees of their own report: its status, nothing of the response. */
export const OwnReportSchema = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  reportedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type OwnReport = z.infer<typeof OwnReportSchema>;

const Token = z
  .string()
  .regex(/^[A-Za-z0-9_-]{20,100}$/, { error: 'is not a reporting link' })
  .describe('The token of the link, from its fragment');

export const AnonymousLookupBodySchema = z.object({ token: Token });
export const AnonymousLookupSchema = z.object({
  organizationName: z.string().describe('Whom the report goes to: all the form shows'),
});
export const AnonymousReportBodySchema = ProblemReportBodySchema.extend({
  token: Token,
  contact: Line(200).optional().describe('How to reach the reporter, if they wish'),
});
export type AnonymousReportBody = z.infer<typeof AnonymousReportBodySchema>;

export const ReportLinkSchema = z.object({
  enabled: z.boolean(),
  createdAt: z.iso.datetime().nullable(),
  token: z
    .string()
    .nullable()
    .describe('Only in the answer that makes it: Custos keeps its hash, never the token'),
});
export type ReportLink = z.infer<typeof ReportLinkSchema>;
