import { z } from 'zod';
import { OrgParamsSchema } from './common';
import type { Grant } from './grants';
import {
  AnonymousLookupBodySchema,
  AnonymousLookupSchema,
  AnonymousReportBodySchema,
  ChecklistSchema,
  IncidentBodySchema,
  IncidentQuerySchema,
  IncidentReviewBodySchema,
  IncidentSchema,
  IncidentStatusBodySchema,
  IncidentSummarySchema,
  IncidentUpdateBodySchema,
  OwnReportSchema,
  ProblemReportBodySchema,
  ReportLinkSchema,
  SeverityScaleBodySchema,
  SeverityScaleSchema,
  TimelineEntryBodySchema,
  TimelineEntrySchema,
} from './incidents-schemas';
import { breachRoutes } from './incidents-breach-routes';
import { breachLogRoutes } from './incidents-breach-log';
import { noticeRoutes } from './incidents-notice-routes';
import { route } from './route';

export * from './incidents-schemas';
export * from './breach-determination-schemas';
export * from './breach-notice-schemas';

/** Names this feature's folders under src/server/features and src/web/features. */
export const feature = 'incidents';

// 164.308(a)(6)(ii): those who run the response manage incidents; the Privacy Official too, since a
// breach determination (164.402) is theirs. Auditors read. Everyone who works here reports
// (164.308(a)(5)(ii)(C) and (a)(6)(ii): incidents are only handled once someone says so) and reads
// the status of their own reports, nothing else.
const RESPONDERS = ['owner', 'admin', 'security_officer', 'privacy_officer'] as const;
const REPORTERS = [...RESPONDERS, 'contributor', 'workforce'] as const;

/** Who may use what this feature offers (assembled into PERMISSIONS, contracts/permissions.ts). */
export const permissions = {
  'incidents.read': [...RESPONDERS, 'auditor'],
  'incidents.manage': RESPONDERS,
  'incidents.report': REPORTERS,
  // The anonymous form: no account (issue 16); rate limited per address and per link.
  'incidents.report_anonymously': 'public',
  // 164.402: the breach determination is the officials' (and the program's owners'); auditors
  // read it; a workforce member is answered 404, as if there were none (`concealed`).
  'incidents.breach_read': [...RESPONDERS, 'auditor'],
  'incidents.breach_determine': RESPONDERS,
  // Who approved is who acted: an approval is a person's own, never a token's.
  'incidents.breach_approve': RESPONDERS,
} as const satisfies Record<string, Grant>;

/** Permissions only a signed-in person holds, never an API token (contracts/permissions.ts). */
export const personOnly = ['incidents.breach_approve'] as const;

/** Permissions whose refusal answers 404, not 403: whether an incident was a breach is private. */
export const concealed = [
  'incidents.breach_read',
  'incidents.breach_determine',
  'incidents.breach_approve',
] as const;

/** What this feature keeps as the written record of 164.316(b)(1) (contracts/records-kept.ts). */
export const recordsKept = [
  'security incidents and their outcomes: reports, the response timeline and the post-incident review',
  'breach determinations: every version, its four-factor risk assessment, conclusion and approver (164.402, to be checked)',
  'the log of breaches under 500 for each calendar year, and when it was submitted to HHS (164.408(c), to be checked)',
  'breach notices: the letter, the media notices, and each notice sent (when, how, to how many; 164.404-164.410, to be checked)',
] as const;

/** The audit actions this feature writes (assembled into AUDIT_ACTIONS; 164.312(b)). */
export const auditActions = [
  'incident.created',
  'incident.reported',
  'incident.changed',
  'incident.status_changed',
  'incident.timeline_added',
  'incident.reviewed',
  'incident.checklist_applied',
  'incident.severity_scale_changed',
  'incident.report_link_changed',
  'incident.breach_steps_saved',
  'incident.breach_determination_approved',
  'incident.breach_determination_revised',
  'incident.breach_letter_saved',
  'incident.breach_letter_exported',
  'incident.breach_log_submitted',
  'incident.breach_log_exported',
  'incident.breach_log_reminded',
  'incident.breach_notice_recorded',
  'incident.breach_notice_corrected',
  'incident.breach_notice_removed',
  'incident.breach_unreachable_saved',
  'incident.breach_media_notice_saved',
  'incident.breach_media_notice_exported',
] as const;
/** What a person reads for each audit action (the audit log, its export). */
export const auditActionLabels: Record<(typeof auditActions)[number], string> = {
  'incident.created': 'Incident recorded',
  'incident.reported': 'Incident reported',
  'incident.changed': 'Incident changed',
  'incident.status_changed': 'Incident status changed',
  'incident.timeline_added': 'Incident timeline entry added',
  'incident.reviewed': 'Post-incident review recorded',
  'incident.checklist_applied': 'Incident response checklist made into tasks',
  'incident.severity_scale_changed': 'Incident severity scale changed',
  'incident.report_link_changed': 'Anonymous reporting link changed',
  'incident.breach_steps_saved': 'Breach determination saved',
  'incident.breach_determination_approved': 'Breach determination approved',
  'incident.breach_determination_revised': 'New version of a breach determination started',
  'incident.breach_letter_saved': 'Breach notice letter changed',
  'incident.breach_letter_exported': 'Breach notice letter exported',
  'incident.breach_log_submitted': 'Yearly breach log recorded as submitted to HHS',
  'incident.breach_log_exported': 'Yearly breach log exported',
  'incident.breach_log_reminded': 'Security Official reminded of the yearly breach log',
  'incident.breach_notice_recorded': 'Breach notice sent recorded',
  'incident.breach_notice_corrected': 'Breach notice record corrected',
  'incident.breach_notice_removed': 'Breach notice record removed as a mistake',
  'incident.breach_unreachable_saved': 'People who cannot be reached recorded',
  'incident.breach_media_notice_saved': 'Media notice changed',
  'incident.breach_media_notice_exported': 'Media notice exported',
};

const tags = ['incidents'];
const IncidentParamsSchema = OrgParamsSchema.extend({ incidentId: z.uuid() });
const invalidates = ['incidents', 'dashboard', 'tasks', 'links'];
const TOKEN = 'Qm8xV2c5Tn4kR7pL1sD3fG6hJ0aZxYwV';

/** The Incidents routes. */
export const incidentsRoutes = {
  list: route({
    method: 'GET',
    path: '/api/orgs/:orgId/incidents',
    tags,
    summary: 'The organization’s incidents, newest first',
    permission: 'incidents.read',
    params: OrgParamsSchema,
    query: IncidentQuerySchema,
    response: z.object({ data: z.array(IncidentSummarySchema) }),
  }),
  create: route({
    method: 'POST',
    path: '/api/orgs/:orgId/incidents',
    tags,
    summary: 'Record an incident',
    permission: 'incidents.manage',
    params: OrgParamsSchema,
    body: IncidentBodySchema,
    status: 201,
    response: IncidentSchema,
    // An incident of the top severity raises the risk analysis's significant-change task.
    audits: ['incident.created', 'risk_analysis.change_recorded', 'task.created', 'link.created'],
    example: (id) => ({
      title: 'Example incident',
      category: 'phishing',
      assetIds: [id('assetId')],
      personIds: [id('personId')],
    }),
    invalidates,
  }),
  get: route({
    method: 'GET',
    path: '/api/orgs/:orgId/incidents/:incidentId',
    tags,
    summary: 'One incident',
    permission: 'incidents.read',
    params: IncidentParamsSchema,
    response: IncidentSchema,
  }),
  update: route({
    method: 'PATCH',
    path: '/api/orgs/:orgId/incidents/:incidentId',
    tags,
    summary: 'Change an incident’s facts, severity or owner',
    permission: 'incidents.manage',
    params: IncidentParamsSchema,
    body: IncidentUpdateBodySchema,
    response: IncidentSchema,
    audits: ['incident.changed', 'risk_analysis.change_recorded', 'task.created', 'link.created'],
    example: () => ({ description: 'Changed by the audit pass.', severity: 2 }),
    invalidates,
  }),
  changeStatus: route({
    method: 'POST',
    path: '/api/orgs/:orgId/incidents/:incidentId/status',
    tags,
    summary: 'Move an incident along its response (409 naming both statuses when it cannot)',
    permission: 'incidents.manage',
    params: IncidentParamsSchema,
    body: IncidentStatusBodySchema,
    response: IncidentSchema,
    audits: ['incident.status_changed'],
    example: () => ({ status: 'triage' }),
    invalidates,
  }),
  timeline: route({
    method: 'GET',
    path: '/api/orgs/:orgId/incidents/:incidentId/timeline',
    tags,
    summary: 'What happened and what was done, oldest first',
    permission: 'incidents.read',
    params: IncidentParamsSchema,
    response: z.object({ data: z.array(TimelineEntrySchema) }),
  }),
  addTimelineEntry: route({
    method: 'POST',
    path: '/api/orgs/:orgId/incidents/:incidentId/timeline',
    tags,
    summary: 'Add a call, a decision, a note or collected evidence to the timeline',
    permission: 'incidents.manage',
    params: IncidentParamsSchema,
    body: TimelineEntryBodySchema,
    status: 201,
    response: TimelineEntrySchema,
    audits: ['incident.timeline_added'],
    example: (id) => ({
      kind: 'evidence',
      text: 'Screenshot kept.',
      evidenceId: id('evidenceItemId'),
    }),
    invalidates,
  }),
  review: route({
    method: 'PUT',
    path: '/api/orgs/:orgId/incidents/:incidentId/review',
    tags,
    summary: 'Record the post-incident review; corrective actions become tasks',
    permission: 'incidents.manage',
    params: IncidentParamsSchema,
    body: IncidentReviewBodySchema,
    response: IncidentSchema,
    audits: ['incident.reviewed'],
    example: (id) => ({
      rootCause: 'A reused password.',
      lessons: 'Turn on MFA.',
      correctiveActions: [{ title: 'Turn on MFA for email' }],
      riskIds: [id('riskId')],
    }),
    invalidates,
  }),
  checklist: route({
    method: 'GET',
    path: '/api/orgs/:orgId/incidents/:incidentId/checklist',
    tags,
    summary: 'The response checklist of the incident’s category',
    permission: 'incidents.read',
    params: IncidentParamsSchema,
    response: ChecklistSchema,
  }),
  applyChecklist: route({
    method: 'POST',
    path: '/api/orgs/:orgId/incidents/:incidentId/checklist/tasks',
    tags,
    summary: 'Make the checklist’s items into tasks linked to the incident (once)',
    permission: 'incidents.manage',
    params: IncidentParamsSchema,
    response: IncidentSchema,
    audits: ['incident.checklist_applied'],
    invalidates,
  }),
  ...breachRoutes,
  ...breachLogRoutes,
  ...noticeRoutes,
  severityScale: route({
    method: 'GET',
    path: '/api/orgs/:orgId/incident-severities',
    tags,
    summary: 'The organization’s severity scale, lowest first',
    permission: 'incidents.read',
    params: OrgParamsSchema,
    response: SeverityScaleSchema,
  }),
  setSeverityScale: route({
    method: 'PUT',
    path: '/api/orgs/:orgId/incident-severities',
    tags,
    summary: 'Replace the severity scale (a level in use cannot go)',
    permission: 'incidents.manage',
    params: OrgParamsSchema,
    body: SeverityScaleBodySchema,
    response: SeverityScaleSchema,
    audits: ['incident.severity_scale_changed'],
    example: () => ({
      levels: [
        { name: 'Minor', definition: 'No ePHI.' },
        { name: 'Moderate', definition: 'Some ePHI.' },
        { name: 'Serious', definition: 'ePHI exposed.' },
        { name: 'Severe', definition: 'Widespread.' },
      ],
    }),
    invalidates,
  }),
  report: route({
    method: 'POST',
    path: '/api/orgs/:orgId/incident-reports',
    tags,
    summary: 'Report a problem: the Security Official is notified at once',
    permission: 'incidents.report',
    params: OrgParamsSchema,
    body: ProblemReportBodySchema,
    status: 201,
    response: OwnReportSchema,
    audits: ['incident.reported'],
    example: () => ({ title: 'Laptop left on the bus', whatHappened: 'Left it on the 7:40 bus.' }),
    invalidates,
  }),
  ownReports: route({
    method: 'GET',
    path: '/api/orgs/:orgId/incident-reports',
    tags,
    summary: 'The caller’s own reports and their status',
    permission: 'incidents.report',
    params: OrgParamsSchema,
    response: z.object({ data: z.array(OwnReportSchema) }),
  }),
  ownReport: route({
    method: 'GET',
    path: '/api/orgs/:orgId/incident-reports/:incidentId',
    tags,
    summary: 'One of the caller’s own reports (404 for anyone else’s)',
    permission: 'incidents.report',
    params: IncidentParamsSchema,
    response: OwnReportSchema,
  }),
  reportLink: route({
    method: 'GET',
    path: '/api/orgs/:orgId/incident-report-link',
    tags,
    summary: 'Whether the anonymous reporting link is on',
    permission: 'incidents.manage',
    params: OrgParamsSchema,
    response: ReportLinkSchema,
  }),
  rotateReportLink: route({
    method: 'POST',
    path: '/api/orgs/:orgId/incident-report-link',
    tags,
    summary: 'Make a new anonymous reporting link (the old one stops working); shown once',
    permission: 'incidents.manage',
    params: OrgParamsSchema,
    response: ReportLinkSchema,
    audits: ['incident.report_link_changed'],
    invalidates,
  }),
  disableReportLink: route({
    method: 'DELETE',
    path: '/api/orgs/:orgId/incident-report-link',
    tags,
    summary: 'Turn the anonymous reporting link off',
    permission: 'incidents.manage',
    params: OrgParamsSchema,
    status: 204,
    audits: ['incident.report_link_changed'],
    invalidates,
  }),
  lookupAnonymous: route({
    method: 'POST',
    path: '/api/anonymous-reports/lookup',
    tags,
    summary: 'Whom an anonymous reporting link reports to (404 for any link that does not work)',
    permission: 'incidents.report_anonymously',
    body: AnonymousLookupBodySchema,
    response: AnonymousLookupSchema,
    // A read sent as POST so that the token stays out of the logged path: it writes nothing.
    example: () => ({ token: TOKEN }),
  }),
  reportAnonymously: route({
    method: 'POST',
    path: '/api/anonymous-reports',
    tags,
    summary: 'Report a problem without an account, through the organization’s link',
    permission: 'incidents.report_anonymously',
    body: AnonymousReportBodySchema,
    status: 202,
    response: z.object({ received: z.literal(true) }),
    audits: ['incident.reported'],
    example: () => ({ token: TOKEN, title: 'Door propped open', whatHappened: 'Server room.' }),
  }),
};
