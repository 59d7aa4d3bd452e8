import { z } from 'zod';
import { AssetRef, DataFlowSchema } from './assets';
import { DateOnly, OrgParamsSchema, PersonRef, Required, Text, Title } from './common';
import { LevelSchema, RiskMatrixSchema } from './risk-library';
import {
  AcknowledgeBodySchema,
  GapsSchema,
  NegligiblePairBodySchema,
  NegligiblePairSchema,
} from './risk-assessment-gaps';
import { HeatMapSchema, RiskSchema, TREATMENTS } from './risks';
import { route } from './route';
import type { Grant } from './grants';

/** Names this feature's folders under src/server/features and src/web/features. */
export const feature = 'risk-assessments';

/**
 * Who may use what this feature offers (assembled into PERMISSIONS, contracts/permissions.ts): none
 * of its own, as assessments are part of the risk analysis and use the risks feature's permissions.
 */
export const permissions = {} as const satisfies Record<string, Grant>;

/** What this feature keeps as the written record of 164.316(b)(1) (contracts/records-kept.ts). */
export const recordsKept = [
  'risk analyses with their scope, method, participants, approver, date and frozen report',
] as const;

/** The audit actions this feature writes (assembled into AUDIT_ACTIONS, contracts/audit-actions.ts). */
export const auditActions = [
  'risk_assessment.created',
  'risk_assessment.changed',
  'risk_assessment.submitted',
  'risk_assessment.returned',
  'risk_assessment.approved',
  'risk_assessment.report_downloaded',
  'risk_assessment.pair_judged_negligible',
  'risk_assessment.pair_reopened',
  'risk_analysis.change_recorded',
] as const;
/** What a person reads for each of this feature's audit actions (the audit log, its export). */
export const auditActionLabels: Record<(typeof auditActions)[number], string> = {
  'risk_assessment.created': 'Risk assessment started',
  'risk_assessment.changed': 'Risk assessment changed',
  'risk_assessment.submitted': 'Risk assessment submitted for approval',
  'risk_assessment.returned': 'Risk assessment returned for changes',
  'risk_assessment.approved': 'Risk assessment approved',
  'risk_assessment.report_downloaded': 'Risk assessment report downloaded',
  'risk_assessment.pair_judged_negligible': 'Threat and vulnerability pair judged negligible',
  'risk_assessment.pair_reopened': 'Negligible judgement withdrawn',
  'risk_analysis.change_recorded': 'Significant change recorded',
};

export const TrendPointSchema = z.object({
  assessmentId: z.string(),
  reference: z.string(),
  approvedAt: z.string(),
  levels: z.array(z.object({ label: z.string(), color: z.string(), count: z.number().int() })),
});
export const RiskSummarySchema = z.object({
  heatMap: HeatMapSchema,
  trend: z.array(TrendPointSchema).describe('Open risks by level, per approved assessment'),
});
export type RiskSummary = z.infer<typeof RiskSummarySchema>;

// ---------- assessments ----------

export const ASSESSMENT_STATUSES = ['draft', 'in_review', 'approved'] as const;
export const ASSESSMENT_STATUS_LABELS: Record<(typeof ASSESSMENT_STATUSES)[number], string> = {
  draft: 'Draft',
  in_review: 'In review',
  approved: 'Approved',
};
const Participant = z.object({ name: Required(120), role: Text(120) });
export const AssessmentBodySchema = z.object({
  title: Title(200),
  scope: Text(5000).optional(),
  method: Text(5000).optional(),
  participants: z.array(Participant).max(50).optional(),
  startsOn: DateOnly.nullable().optional(),
  endsOn: DateOnly.nullable().optional(),
});
export const AssessmentCreateBodySchema = AssessmentBodySchema.partial().extend({
  basedOnId: z.uuid().optional().describe('An approved assessment to start from'),
});
export type AssessmentCreateBody = z.infer<typeof AssessmentCreateBodySchema>;
export const AssessmentUpdateBodySchema = AssessmentBodySchema.partial();
export type AssessmentUpdateBody = z.infer<typeof AssessmentUpdateBodySchema>;

/** The register as it stood when an assessment was approved. */
export const SnapshotSchema = z.object({
  takenAt: z.string(),
  risks: z.array(RiskSchema),
  assets: z.array(
    z.object({
      reference: z.string(),
      name: z.string(),
      kind: z.string(),
      holdsEphi: z.boolean(),
      criticality: z.string(),
      encryptionAtRest: z.string(),
      encryptionInTransit: z.string(),
      mfa: z.string(),
      backup: z.string(),
    }),
  ),
  flows: z.array(DataFlowSchema),
  // Snapshots taken before negligible pairs existed have none.
  negligiblePairs: z.array(NegligiblePairSchema).default([]),
  // Where people placed assets on the data-flow map (top-left corners, by asset reference); the
  // others are laid out automatically. Older snapshots have none.
  mapPositions: z
    .array(z.object({ reference: z.string(), x: z.number(), y: z.number() }))
    .default([]),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

const RiskChange = z.object({ reference: z.string(), title: z.string() });
export const AssessmentChangesSchema = z.object({
  since: z.object({ id: z.string(), reference: z.string(), approvedAt: z.string() }),
  added: z.array(RiskChange),
  closed: z.array(RiskChange),
  removed: z.array(RiskChange),
  rerated: z.array(
    RiskChange.extend({ before: z.string().nullable(), after: z.string().nullable() }),
  ),
  retreated: z.array(
    RiskChange.extend({ before: z.string().nullable(), after: z.string().nullable() }),
  ),
});
export type AssessmentChanges = z.infer<typeof AssessmentChangesSchema>;

export const AssessmentSchema = z.object({
  id: z.string(),
  reference: z.string().describe('RA-n'),
  title: z.string(),
  scope: z.string(),
  method: z.string(),
  participants: z.array(z.object({ name: z.string(), role: z.string() })),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  status: z.enum(ASSESSMENT_STATUSES),
  basedOn: z.object({ id: z.string(), reference: z.string() }).nullable(),
  matrix: RiskMatrixSchema.describe("Frozen when approved; the organization's until then"),
  submitted: z
    .object({
      by: PersonRef.nullable(),
      at: z.string(),
      incomplete: GapsSchema.nullable().describe('What was left incomplete and acknowledged'),
    })
    .nullable(),
  approved: z
    .object({
      by: PersonRef,
      at: z.string(),
      note: z.string(),
      incomplete: GapsSchema.nullable().describe('What was left incomplete and acknowledged'),
    })
    .nullable(),
  report: z
    .object({ sha256: z.string(), size: z.number().int(), createdAt: z.string() })
    .nullable(),
  createdBy: PersonRef.nullable().describe('Who started it; null when a token did'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Assessment = z.infer<typeof AssessmentSchema>;
/** An approved assessment's frozen register, as the record shows it. */
export const FrozenRecordSchema = z.object({
  takenAt: z.string(),
  risks: z.array(
    z.object({
      reference: z.string(),
      title: z.string(),
      status: RiskSchema.shape.status,
      assets: z.array(z.string()),
      inherentLevel: LevelSchema.nullable(),
      residualLevel: LevelSchema.nullable(),
      treatment: z.enum(TREATMENTS).nullable(),
      owner: z.string().nullable(),
    }),
  ),
  negligiblePairs: z.array(NegligiblePairSchema),
});
export type FrozenRecord = z.infer<typeof FrozenRecordSchema>;
export const AssessmentDetailSchema = AssessmentSchema.extend({
  changes: AssessmentChangesSchema.nullable().describe('Since the assessment it started from'),
  record: FrozenRecordSchema.nullable().describe('The register as approved (approved only)'),
});
export type AssessmentDetail = z.infer<typeof AssessmentDetailSchema>;
export const AssessmentListSchema = z.object({ data: z.array(AssessmentSchema) });
export const ApproveBodySchema = AcknowledgeBodySchema.extend({ note: Text(2000).optional() });

/** Guided path: an ePHI asset × a threat that applies to it, with the register's cover. */
export const CandidateSchema = z.object({
  asset: AssetRef,
  threat: z.object({ id: z.string(), title: z.string() }),
  vulnerabilities: z.array(z.object({ id: z.string(), title: z.string() })),
  coveredBy: z.array(z.string()).describe('RISK-n already naming this asset and threat'),
  negligible: NegligiblePairSchema.nullable().describe('Judged negligible, with the reason'),
});
export type Candidate = z.infer<typeof CandidateSchema>;
export const CandidateListSchema = z.object({
  data: z.array(CandidateSchema),
  covered: z.number().int().describe('Pairs covered by a risk or judged negligible'),
  total: z.number().int(),
});

export const SIGNIFICANT_CHANGES = [
  'new_system',
  'new_vendor',
  'security_incident',
  'other',
] as const;
export const SIGNIFICANT_CHANGE_LABELS: Record<(typeof SIGNIFICANT_CHANGES)[number], string> = {
  new_system: 'A new system',
  new_vendor: 'A new vendor',
  security_incident: 'A security incident',
  other: 'Another change',
};
export const SignificantChangeBodySchema = z.object({
  kind: z.enum(SIGNIFICANT_CHANGES),
  description: Required(1000),
});
export type SignificantChangeBody = z.infer<typeof SignificantChangeBodySchema>;

// ---------- routes ----------

const tags = ['risk assessments'];
const base = '/api/orgs/:orgId/risk-assessments';
const AssessmentParamsSchema = OrgParamsSchema.extend({ assessmentId: z.uuid() });
// The dashboard's first week waits for an approved assessment; approvals and changes raise tasks.
const invalidates = ['dashboard', 'tasks'];
const TASK_AUDITS = ['task.created', 'task.completed'] as const;
const register = (format: 'csv' | 'xlsx') =>
  route({
    method: 'GET',
    path: `${base}/:assessmentId/register.${format}`,
    tags,
    summary: `The assessment's register as ${format.toUpperCase()} (audited)`,
    permission: 'risks.read',
    params: AssessmentParamsSchema,
    file: true,
    audits: ['risks.exported'],
  });

/** Risk assessments (164.308(a)(1)(ii)(A)): draft → in review → approved, report, guided path. */
export const riskAssessmentRoutes = {
  list: route({
    method: 'GET',
    path: base,
    tags,
    summary: 'Every assessment, newest first',
    permission: 'risks.read',
    params: OrgParamsSchema,
    response: AssessmentListSchema,
  }),
  create: route({
    method: 'POST',
    path: base,
    tags,
    summary: 'Start a draft, optionally from an approved assessment',
    permission: 'risks.manage',
    params: OrgParamsSchema,
    body: AssessmentCreateBodySchema,
    status: 201,
    response: AssessmentDetailSchema,
    audits: ['risk_assessment.created'],
    example: () => ({
      title: 'Risk analysis 2027: Eastside office',
      participants: [
        { name: 'Priya Raman', role: 'Security Official' },
        { name: 'Marcus Lee', role: 'IT administrator' },
      ],
      startsOn: '2027-01-04',
      endsOn: '2027-02-26',
    }),
    invalidates,
  }),
  recordSignificantChange: route({
    method: 'POST',
    path: `${base}/significant-changes`,
    tags,
    summary: 'Record a significant change (new system, vendor, incident): a task asks to update',
    permission: 'risks.manage',
    params: OrgParamsSchema,
    body: SignificantChangeBodySchema,
    status: 204,
    // One open task collects the changes: the task is raised by the first only.
    audits: ['risk_analysis.change_recorded', 'task.created', 'link.created'],
    example: () => ({
      kind: 'new_vendor',
      description: 'The after-hours answering service now receives patient messages',
    }),
    invalidates,
  }),
  summary: route({
    method: 'GET',
    path: '/api/orgs/:orgId/risk-summary',
    tags,
    summary:
      'Heat maps of open risks (inherent, residual) and the trend across approved assessments',
    permission: 'risks.read',
    params: OrgParamsSchema,
    response: RiskSummarySchema,
  }),
  get: route({
    method: 'GET',
    path: `${base}/:assessmentId`,
    tags,
    summary: 'One assessment, with the changes since the one it started from',
    permission: 'risks.read',
    params: AssessmentParamsSchema,
    response: AssessmentDetailSchema,
  }),
  update: route({
    method: 'PATCH',
    path: `${base}/:assessmentId`,
    tags,
    summary: 'Change a draft or an assessment in review (an approved one answers 409)',
    permission: 'risks.manage',
    params: AssessmentParamsSchema,
    body: AssessmentUpdateBodySchema,
    response: AssessmentDetailSchema,
    audits: ['risk_assessment.changed'],
    example: () => ({
      scope: 'Both offices, the hosted EHR, the billing portal and every device that reaches them.',
      endsOn: '2027-03-31',
    }),
    invalidates,
  }),
  gaps: route({
    method: 'GET',
    path: `${base}/:assessmentId/gaps`,
    tags,
    summary:
      'What is incomplete: unrated risks, guided pairs not covered, ePHI assets without risks',
    permission: 'risks.read',
    params: AssessmentParamsSchema,
    response: GapsSchema,
  }),
  judgeNegligible: route({
    method: 'POST',
    path: `${base}/:assessmentId/negligible-pairs`,
    tags,
    summary:
      'Guided path: record a pair (asset × threat) as considered, with negligible risk, and why (or change the reason)',
    permission: 'risks.manage',
    params: AssessmentParamsSchema,
    body: NegligiblePairBodySchema,
    response: NegligiblePairSchema,
    audits: ['risk_assessment.pair_judged_negligible'],
    // The demo clinic's third-newest asset is its X-ray unit (the newest two hold no ePHI).
    example: (id) => ({
      assetId: id('assetId', 2),
      threatId: 'T-HARDWARE-FAILURE',
      reason: 'Images go to the hosted EHR as they are taken; the vendor replaces a failed unit.',
    }),
    invalidates,
  }),
  reopenPair: route({
    method: 'DELETE',
    path: `${base}/:assessmentId/negligible-pairs/:negligiblePairId`,
    tags,
    summary: 'Guided path: withdraw a negligible judgement (the pair is open again)',
    permission: 'risks.manage',
    params: AssessmentParamsSchema.extend({ negligiblePairId: z.uuid() }),
    status: 204,
    audits: ['risk_assessment.pair_reopened'],
    invalidates,
  }),
  submit: route({
    method: 'POST',
    path: `${base}/:assessmentId/submit`,
    tags,
    summary:
      'Submit a draft for review; gaps (GET …/gaps) need acknowledgeIncomplete, else 409 naming them',
    permission: 'risks.manage',
    params: AssessmentParamsSchema,
    // Optional: a complete assessment is submitted without one.
    body: AcknowledgeBodySchema.nullish(),
    response: AssessmentDetailSchema,
    audits: ['risk_assessment.submitted'],
    example: () => ({ acknowledgeIncomplete: true }),
    invalidates,
  }),
  return: route({
    method: 'POST',
    path: `${base}/:assessmentId/return`,
    tags,
    summary: 'Send an assessment in review back to draft',
    permission: 'risks.approve',
    params: AssessmentParamsSchema,
    response: AssessmentDetailSchema,
    audits: ['risk_assessment.returned'],
    invalidates,
  }),
  // Who approved is who acted (design.md §6.2): the approver is this request's own person.
  approve: route({
    method: 'POST',
    path: `${base}/:assessmentId/approve`,
    tags,
    summary:
      'Approve: freezes the matrix and register, stores the report with its SHA-256; gaps need acknowledgeIncomplete, else 409',
    permission: 'risks.approve',
    params: AssessmentParamsSchema,
    body: ApproveBodySchema,
    response: AssessmentDetailSchema,
    // A yearly task, a covered change task done, 164.308(a)(1)(ii)(A) recorded with evidence linked.
    audits: ['risk_assessment.approved', 'safeguard.changed', 'link.created', ...TASK_AUDITS],
    example: () => ({
      note: 'Reviewed with the owner; residual risks and acceptances as listed in the register.',
      acknowledgeIncomplete: true,
    }),
    invalidates: [...invalidates, 'safeguards'],
  }),
  report: route({
    method: 'GET',
    path: `${base}/:assessmentId/report.pdf`,
    tags,
    summary: 'The report: stored and immutable once approved, a draft rendering before',
    permission: 'risks.read',
    params: AssessmentParamsSchema,
    file: true,
    audits: ['risk_assessment.report_downloaded'],
  }),
  registerCsv: register('csv'),
  registerXlsx: register('xlsx'),
  candidates: route({
    method: 'GET',
    path: `${base}/:assessmentId/candidates`,
    tags,
    summary: 'Guided path: ePHI assets × applicable threats, with the risks that cover them',
    permission: 'risks.read',
    params: AssessmentParamsSchema,
    response: CandidateListSchema,
  }),
};
