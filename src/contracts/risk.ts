import { z } from 'zod';
import { AssetRef, DataFlowSchema } from './assets';
import { PersonRef, Required, Text, DateOnly } from './common';
import { RiskMatrixSchema } from './risk-library';
import { HeatMapSchema, RiskSchema } from './risks';

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
const Participant = z.object({ name: Required(120), role: Text(120) });
export const AssessmentBodySchema = z.object({
  title: Required(200),
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
  submitted: z.object({ by: PersonRef.nullable(), at: z.string() }).nullable(),
  approved: z.object({ by: PersonRef, at: z.string(), note: z.string() }).nullable(),
  report: z
    .object({ sha256: z.string(), size: z.number().int(), createdAt: z.string() })
    .nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Assessment = z.infer<typeof AssessmentSchema>;
export const AssessmentDetailSchema = AssessmentSchema.extend({
  changes: AssessmentChangesSchema.nullable().describe('Since the assessment it started from'),
});
export type AssessmentDetail = z.infer<typeof AssessmentDetailSchema>;
export const AssessmentListSchema = z.object({ data: z.array(AssessmentSchema) });
export const ApproveBodySchema = z.object({ note: Text(2000).optional() });

/** Guided path: an ePHI asset × a threat that applies to it, with the register's cover. */
export const CandidateSchema = z.object({
  asset: AssetRef,
  threat: z.object({ id: z.string(), title: z.string() }),
  vulnerabilities: z.array(z.object({ id: z.string(), title: z.string() })),
  coveredBy: z.array(z.string()).describe('RISK-n already naming this asset and threat'),
});
export type Candidate = z.infer<typeof CandidateSchema>;
export const CandidateListSchema = z.object({
  data: z.array(CandidateSchema),
  covered: z.number().int(),
  total: z.number().int(),
});

export const SIGNIFICANT_CHANGES = [
  'new_system',
  'new_vendor',
  'security_incident',
  'other',
] as const;
export const SignificantChangeBodySchema = z.object({
  kind: z.enum(SIGNIFICANT_CHANGES),
  description: Required(1000),
});
