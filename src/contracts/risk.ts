import { z } from 'zod';
import { NumberCursorSchema } from './pagination';
import { ASSET_KINDS, AssetRef, DataFlowSchema } from './assets';

const Label = z.string().trim().min(1).max(40);
const Color = z.string().regex(/^#[0-9a-f]{6}$/i, { error: 'must be a colour like #2f9e44' });

/**
 * A risk matrix: likelihood × impact → level of risk (NIST SP 800-30 Rev. 1, Appendix I). Data, not
 * code: the size, labels, levels, colours and every cell are configurable per organization and
 * frozen into an assessment when it is approved.
 */
export const RiskMatrixSchema = z
  .object({
    id: z
      .string()
      .max(60)
      .regex(/^[a-z0-9-]+$/),
    name: z.string().trim().min(1).max(120),
    /** Lowest first. */
    likelihood: z.array(Label).min(2).max(7),
    /** Lowest first. */
    impact: z.array(Label).min(2).max(7),
    /** Levels of risk, lowest first, each with its colour. */
    levels: z
      .array(z.object({ label: Label, color: Color }))
      .min(2)
      .max(7),
    /** cells[likelihood][impact] = index into levels. */
    cells: z.array(z.array(z.number().int().min(0))),
  })
  .superRefine((matrix, ctx) => {
    if (matrix.cells.length !== matrix.likelihood.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['cells'],
        message: `must have one row per likelihood (${matrix.likelihood.length})`,
      });
      return;
    }
    matrix.cells.forEach((row, l) => {
      if (row.length !== matrix.impact.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['cells', l],
          message: `must have one cell per impact (${matrix.impact.length})`,
        });
      }
      row.forEach((level, i) => {
        if (level >= matrix.levels.length) {
          ctx.addIssue({
            code: 'custom',
            path: ['cells', l, i],
            message: `names no level (there are ${matrix.levels.length})`,
          });
        }
        // A higher likelihood or impact never lowers the level of risk.
        const left = row[i - 1];
        const below = matrix.cells[l - 1]?.[i];
        if ((left !== undefined && level < left) || (below !== undefined && level < below)) {
          ctx.addIssue({
            code: 'custom',
            path: ['cells', l, i],
            message: 'must not be lower than the cells of lower likelihood or impact',
          });
        }
      });
    });
  });
export type RiskMatrix = z.infer<typeof RiskMatrixSchema>;

export const THREAT_SOURCE_TYPES = [
  'adversarial',
  'accidental',
  'structural',
  'environmental',
] as const;

const Citation = z
  .string()
  .regex(/^164\.3\d\d(\([a-zA-Z0-9]+\))+$/, { error: 'is not a citation' });

export const ThreatSchema = z.object({
  id: z.string().regex(/^T-[A-Z0-9-]+$/),
  title: z.string(),
  sourceType: z.enum(THREAT_SOURCE_TYPES).describe('NIST SP 800-30 Table D-2 taxonomy'),
  description: z.string(),
  examples: z.array(z.string()).describe('Healthcare examples'),
  /** Vulnerabilities and predisposing conditions this threat usually exploits. */
  vulnerabilities: z.array(z.string()),
  /** Asset kinds the guided assessment proposes it for; absent = every kind. */
  assetKinds: z.array(z.enum(ASSET_KINDS)).optional(),
});
export type Threat = z.infer<typeof ThreatSchema>;

export const VulnerabilitySchema = z.object({
  id: z.string().regex(/^V-[A-Z0-9-]+$/),
  title: z.string(),
  kind: z.enum(['vulnerability', 'predisposing_condition']),
  description: z.string(),
  /** Catalog requirements whose safeguards address it. */
  requirements: z.array(Citation).min(1),
  /** The guided assessment skips it for assets where this protection is "yes" or not applicable. */
  unlessProtected: z.enum(['encryptionAtRest', 'encryptionInTransit', 'mfa', 'backup']).optional(),
});
export type Vulnerability = z.infer<typeof VulnerabilitySchema>;

export const ThreatLibrarySchema = z.object({
  version: z.string(),
  threats: z.array(ThreatSchema),
  vulnerabilities: z.array(VulnerabilitySchema),
});
export type ThreatLibrary = z.infer<typeof ThreatLibrarySchema>;

// ---------- shared shapes ----------

const DateOnly = z.iso.date({ error: 'must be a date (YYYY-MM-DD)' });
const Text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `must be at most ${max} characters` });
const Required = (max: number) => Text(max).min(1, { error: 'is required' });
const PersonRef = z.object({ id: z.string(), name: z.string() });
const Page = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() });

/** A place on a matrix scale: its index (lowest = 0) and its label. */
const ScalePoint = z.object({ index: z.number().int(), label: z.string() });
/** A level of risk: index, label and colour. */
export const LevelSchema = ScalePoint.extend({ color: z.string() });
export type Level = z.infer<typeof LevelSchema>;

// ---------- the organization's matrix ----------

export const OrganizationMatrixSchema = z.object({
  matrix: RiskMatrixSchema,
  isDefault: z.boolean(),
  presets: z.array(RiskMatrixSchema).describe('Matrices shipped with Custos'),
});
export const MatrixBodySchema = z.object({ matrix: RiskMatrixSchema });

// ---------- the library, with the organization's own entries ----------

export const LIBRARY_KINDS = ['threat', 'vulnerability'] as const;
export const LibraryItemBodySchema = z.object({
  kind: z.enum(LIBRARY_KINDS),
  title: Required(200),
  description: Text(2000).optional(),
  sourceType: z.enum(THREAT_SOURCE_TYPES).optional().describe('Threats only'),
  requirements: z.array(Citation).max(20).optional().describe('Vulnerabilities: citations'),
  vulnerabilities: z.array(z.string().max(40)).max(20).optional().describe('Threats: keys'),
});
export type LibraryItemBody = z.infer<typeof LibraryItemBodySchema>;
export const OrganizationLibrarySchema = z.object({
  threats: z.array(ThreatSchema.extend({ custom: z.boolean() })),
  vulnerabilities: z.array(VulnerabilitySchema.extend({ custom: z.boolean() })),
});
export type OrganizationLibrary = z.infer<typeof OrganizationLibrarySchema>;

// ---------- risks ----------

export const RISK_STATUSES = ['open', 'closed'] as const;
export const TREATMENTS = ['mitigate', 'accept', 'transfer', 'avoid'] as const;
export const TREATMENT_LABELS: Record<(typeof TREATMENTS)[number], string> = {
  mitigate: 'Mitigate',
  accept: 'Accept',
  transfer: 'Transfer',
  avoid: 'Avoid',
};
const ScaleIndex = z.number().int().min(0).max(6).nullable();
/** A field a client may no longer set: only null (nothing) passes, anything else gets `message`. */
const NoApproval = (message: string) => z.null({ error: message });

export const RiskBodySchema = z.object({
  title: Required(200),
  description: Text(5000).optional(),
  status: z.enum(RISK_STATUSES).optional(),
  ownerId: z.uuid({ error: 'must be a member id' }).nullable().optional(),
  assetIds: z
    .array(z.uuid({ error: 'must be an asset id' }))
    .max(50)
    .optional(),
  threatId: z.string().max(40).nullable().optional(),
  vulnerabilityId: z.string().max(40).nullable().optional(),
  controls: z
    .array(Citation)
    .max(40)
    .optional()
    .describe('Existing controls: citations of safeguard records'),
  likelihood: ScaleIndex.optional().describe('Index into the matrix likelihood scale'),
  impact: ScaleIndex.optional().describe('Index into the matrix impact scale'),
  ratingRationale: Text(5000).optional(),
  treatment: z.enum(TREATMENTS).nullable().optional(),
  treatmentPlan: Text(5000).optional(),
  residualLikelihood: ScaleIndex.optional(),
  residualImpact: ScaleIndex.optional(),
  residualRationale: Text(5000).optional(),
  // Who approved is who acted (design.md §6.2): a risk's editor names no approver; an approver
  // accepts with PUT …/risks/{riskId}/acceptance, which records that request's own actor.
  acceptedBy: NoApproval('cannot be named here: an approver accepts the risk themselves')
    .optional()
    .describe('Refused unless null: use PUT /api/orgs/{orgId}/risks/{riskId}/acceptance'),
  acceptanceExpiresOn: NoApproval('is set by the approver when accepting the risk')
    .optional()
    .describe('Refused unless null: use PUT /api/orgs/{orgId}/risks/{riskId}/acceptance'),
  identifiedOn: DateOnly.optional(),
  lastReviewedOn: DateOnly.nullable().optional(),
  nextReviewOn: DateOnly.nullable().optional(),
});
export type RiskBody = z.infer<typeof RiskBodySchema>;
export const RiskUpdateBodySchema = RiskBodySchema.partial();
export type RiskUpdateBody = z.infer<typeof RiskUpdateBodySchema>;

export const RiskSchema = z.object({
  id: z.string(),
  reference: z.string().describe('RISK-n'),
  title: z.string(),
  description: z.string(),
  status: z.enum(RISK_STATUSES),
  owner: PersonRef.nullable(),
  assets: z.array(AssetRef),
  threat: z.object({ id: z.string(), title: z.string() }).nullable(),
  vulnerability: z.object({ id: z.string(), title: z.string() }).nullable(),
  controls: z.array(z.object({ citation: z.string(), title: z.string() })),
  likelihood: ScalePoint.nullable(),
  impact: ScalePoint.nullable(),
  inherentLevel: LevelSchema.nullable(),
  ratingRationale: z.string(),
  treatment: z.enum(TREATMENTS).nullable(),
  treatmentPlan: z.string(),
  planTasks: z.array(
    z.object({ id: z.string(), reference: z.string(), title: z.string(), status: z.string() }),
  ),
  residualLikelihood: ScalePoint.nullable(),
  residualImpact: ScalePoint.nullable(),
  residualLevel: LevelSchema.nullable(),
  residualRationale: z.string(),
  acceptance: z
    .object({ approver: PersonRef, acceptedOn: z.string(), expiresOn: z.string() })
    .nullable()
    .describe(
      'Who accepted the risk (the actor of the acceptance), when, and until when; null while an accept treatment awaits its approver',
    ),
  identifiedOn: z.string(),
  lastReviewedOn: z.string().nullable(),
  nextReviewOn: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Risk = z.infer<typeof RiskSchema>;
export const RiskListSchema = Page(RiskSchema);

export const RiskQuerySchema = z.object({
  q: z.string().trim().max(200).optional().describe('Words in title or description'),
  status: z.enum(RISK_STATUSES).optional(),
  level: z.coerce.number().int().min(0).max(6).optional().describe('Inherent level index'),
  residualLevel: z.coerce.number().int().min(0).max(6).optional(),
  treatment: z.enum([...TREATMENTS, 'none']).optional(),
  assetId: z.uuid().optional(),
  ownerId: z.union([z.uuid(), z.literal('none')]).optional(),
  cursor: NumberCursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type RiskQuery = z.infer<typeof RiskQuerySchema>;

/** True when the treatment is "accept" but no approver has accepted the risk yet. */
export function acceptancePending(risk: Pick<Risk, 'treatment' | 'acceptance'>): boolean {
  return risk.treatment === 'accept' && !risk.acceptance;
}

/** An approver accepts a risk: the request's own actor is recorded, with today's date. */
export const RiskAcceptanceBodySchema = z.object({
  expiresOn: DateOnly.describe('The acceptance lapses on this date (after today)'),
});
export type RiskAcceptanceBody = z.infer<typeof RiskAcceptanceBodySchema>;

export const RiskPlanTaskBodySchema = z.object({
  title: Required(200),
  ownerId: z.uuid({ error: 'must be a member id' }).nullable().optional(),
  dueOn: DateOnly.nullable().optional(),
});

/** Open risks counted per matrix cell: counts[likelihood][impact]. */
export const HeatMapSchema = z.object({
  matrix: RiskMatrixSchema,
  inherent: z.array(z.array(z.number().int())),
  residual: z.array(z.array(z.number().int())),
  unrated: z.number().int(),
});
export type HeatMap = z.infer<typeof HeatMapSchema>;
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
