import { z } from 'zod';
import { AssetSchema } from '../../../contracts/assets';
import { AuditEventSchema } from '../../../contracts/audit';
import {
  BREACH_STEPS,
  ConclusionStepSchema,
  ExclusionStepSchema,
  FactorsStepSchema,
  FactsStepSchema,
  PhiStepSchema,
} from '../../../contracts/breach-determination-schemas';
import {
  AssessmentSchema,
  SnapshotSchema,
  TrendPointSchema,
} from '../../../contracts/risk-assessments';
import { GapsSchema } from '../../../contracts/risk-assessment-gaps';
import { RiskMatrixSchema } from '../../../contracts/risk-library';
import type { Database } from '../../db/schema';

type ColumnRef = {
  [T in keyof Database]: `${T}.${keyof Database[T] & string}`;
}[keyof Database];

/** Every JSON text column (design.md §6.7: JSON is text on both databases) and what it holds. */
const SHAPES = {
  'organizations.locations': z.array(z.string()),
  'organizations.risk_matrix': RiskMatrixSchema,
  'assets.ephi_roles': AssetSchema.shape.ephiRoles,
  'risk_library_items.requirements': z.array(z.string()),
  'risk_library_items.vulnerabilities': z.array(z.string()),
  'risk_assessments.participants': AssessmentSchema.shape.participants,
  'risk_assessments.matrix': RiskMatrixSchema,
  'risk_assessments.snapshot': SnapshotSchema,
  'risk_assessments.level_counts': TrendPointSchema.shape.levels,
  'risk_assessments.submission_gaps': GapsSchema,
  'risk_assessments.approval_gaps': GapsSchema,
  'audit_events.changes': AuditEventSchema.shape.changes.unwrap(),
  'jobs.payload': z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  // Stored as chosen; actions no longer offered are dropped when read (webhooks/presenter.ts).
  'webhook_endpoints.event_types': z.array(z.string()),
  // User ids of everyone who submitted a policy version (four eyes, documents/approval.ts).
  'document_versions.submitters': z.array(z.string()),
  // The question ids a quiz drew, in order (training/quiz.ts: scored against these, never the client's).
  'training_attempts.question_ids': z.array(z.string()),
  // The corrective-action tasks of a sanction (sanctions/service.ts).
  'sanctions.task_ids': z.array(z.string()),
  // The steps of a breach determination and who saved each (incidents/breach-presenter.ts).
  'breach_determinations.phi': PhiStepSchema,
  'breach_determinations.exclusion': ExclusionStepSchema,
  'breach_determinations.factors': FactorsStepSchema,
  'breach_determinations.facts': FactsStepSchema,
  'breach_determinations.conclusion': ConclusionStepSchema,
  'breach_determinations.saved': z.partialRecord(
    z.enum(BREACH_STEPS),
    z.object({ at: z.string(), by: z.string() }),
  ),
} satisfies Partial<Record<ColumnRef, z.ZodType>>;

export type JsonColumn = keyof typeof SHAPES;
/** What a JSON column holds once read. */
export type JsonOf<C extends JsonColumn> = z.output<(typeof SHAPES)[C]>;

const SCHEMAS: { readonly [C in JsonColumn]: z.ZodType<JsonOf<C>> } = SHAPES;

/** The JSON columns, for the test that compares them with schema.ts and the database. */
export const JSON_COLUMNS: readonly JsonColumn[] = Object.keys(SCHEMAS).filter(
  (key): key is JsonColumn => key in SCHEMAS,
);

/**
 * Reads a JSON column through its zod shape. Stored text that is not JSON or not of the shape is
 * a defect: it throws naming the column and the failing paths, never the stored values (PHI).
 */
export function readJson<C extends JsonColumn>(column: C, text: string): JsonOf<C> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`${column} holds text that is not JSON`);
  }
  const result = SCHEMAS[column].safeParse(value);
  if (!result.success) {
    const paths = result.error.issues.map((i) => i.path.join('.') || '(root)');
    throw new Error(`${column} does not hold its shape (at ${[...new Set(paths)].join(', ')})`);
  }
  return result.data;
}
