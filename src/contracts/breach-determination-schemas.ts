import { z } from 'zod';
import {
  BREACH_EXCLUSIONS,
  BreachDeadlinesInputSchema,
  BreachDeadlinesSchema,
  ENTITY_TYPES,
  MAX_AFFECTED,
  US_JURISDICTION_CODES,
} from './breach-deadlines';
import { DateOnly, PersonRef, Prose } from './common';

// The breach determination of an incident (issue 16 part 3; 45 CFR 164.402, Subpart D). Our
// hipaa-sources hold Subpart C only: the Subpart D wording below follows the issue and is to be
// checked against the eCFR text.

/** The steps of the guided record, in their order; each is saved with who and when. */
export const BREACH_STEPS = ['phi', 'exclusion', 'factors', 'facts', 'conclusion'] as const;
export type BreachStep = (typeof BREACH_STEPS)[number];
export const BREACH_STEP_LABELS: Record<BreachStep, string> = {
  phi: 'Protected health information',
  exclusion: 'Exclusions',
  factors: 'Four-factor risk assessment',
  facts: 'Facts for the deadlines',
  conclusion: 'Conclusion',
};

/** 164.402(2)(i)–(iv): the four factors of the risk assessment (the words; to be checked). */
export const BREACH_FACTORS = ['nature', 'recipient', 'acquired', 'mitigation'] as const;
export type BreachFactor = (typeof BREACH_FACTORS)[number];
export const BREACH_FACTOR_LABELS: Record<BreachFactor, string> = {
  nature: 'Nature and extent of the PHI, and the likelihood of re-identification',
  recipient: 'The unauthorized person who used the PHI or to whom it was disclosed',
  acquired: 'Whether the PHI was actually acquired or viewed',
  mitigation: 'The extent to which the risk to the PHI has been mitigated',
};

/** How much a factor points to a compromise of the PHI. */
export const FACTOR_RATINGS = ['low', 'medium', 'high'] as const;
export type FactorRating = (typeof FACTOR_RATINGS)[number];
export const FACTOR_RATING_LABELS: Record<FactorRating, string> = {
  low: 'Low risk',
  medium: 'Medium risk',
  high: 'High risk',
};

/** What the determination concludes, derived from its steps. */
export const BREACH_OUTCOMES = [
  'no_phi',
  'secured',
  'excluded',
  'low_probability',
  'breach',
] as const;
export type BreachOutcome = (typeof BREACH_OUTCOMES)[number];
export const BREACH_OUTCOME_LABELS: Record<BreachOutcome, string> = {
  no_phi: 'Not a breach: no PHI involved',
  secured: 'Not a breach: the PHI was secured',
  excluded: 'Not a breach: an exclusion applies',
  low_probability: 'Not a breach: low probability of compromise demonstrated',
  breach: 'A breach: notices are due',
};

export const DETERMINATION_STATUSES = ['draft', 'approved'] as const;
export type DeterminationStatus = (typeof DETERMINATION_STATUSES)[number];
export const DETERMINATION_STATUS_LABELS: Record<DeterminationStatus, string> = {
  draft: 'Draft',
  approved: 'Approved',
};

/** How law enforcement asked for a delay (164.412; to be checked). */
export const DELAY_STATEMENTS = ['written', 'oral'] as const;
export type DelayStatement = (typeof DELAY_STATEMENTS)[number];
export const DELAY_STATEMENT_LABELS: Record<DelayStatement, string> = {
  written: 'Written statement',
  oral: 'Oral statement (lasts at most 30 days from it)',
};

const Rationale = Prose(4000);
const Count = z.int().min(0).max(MAX_AFFECTED);

export const PhiStepSchema = z.strictObject({
  involved: z.boolean(),
  /** Unsecured: neither encrypted nor destroyed as the HHS guidance describes, or its key compromised. */
  unsecured: z.boolean().nullable(),
  /** How the PHI was secured (encryption, key kept apart) or why it was not. */
  rationale: Rationale,
});

export const ExclusionStepSchema = z.strictObject({
  applies: z.enum(BREACH_EXCLUSIONS).nullable(),
  /** The facts that support the exclusion claimed (required with one). */
  facts: Rationale,
});

const FactorSchema = z.strictObject({ rating: z.enum(FACTOR_RATINGS), rationale: Rationale });
export const FactorsStepSchema = z.strictObject({
  nature: FactorSchema,
  recipient: FactorSchema,
  acquired: FactorSchema,
  mitigation: FactorSchema,
});

export const LawEnforcementDelaySchema = z.strictObject({
  until: DateOnly,
  statement: z.enum(DELAY_STATEMENTS),
  /** The day of the oral statement; required when `statement` is oral. */
  statementOn: DateOnly.nullable(),
});

export const FactsStepSchema = z.strictObject({
  breachOccurredOn: DateOnly,
  affectedTotal: Count,
  affectedByState: z.partialRecord(z.enum(US_JURISDICTION_CODES), Count),
  lawEnforcementDelay: LawEnforcementDelaySchema.nullable(),
});

export const ConclusionStepSchema = z.strictObject({
  lowProbability: z.boolean(),
  rationale: Rationale,
});

/** A save of one or more steps: each step present is stamped with who saved it and when. */
export const BreachStepsBodySchema = z
  .strictObject({
    phi: PhiStepSchema.optional(),
    exclusion: ExclusionStepSchema.optional(),
    factors: FactorsStepSchema.optional(),
    facts: FactsStepSchema.optional(),
    conclusion: ConclusionStepSchema.optional(),
  })
  .refine((body) => BREACH_STEPS.some((step) => body[step] !== undefined), {
    error: 'must hold at least one step',
  });
export type BreachStepsBody = z.infer<typeof BreachStepsBodySchema>;

export const BreachApproveBodySchema = z.strictObject({ note: Prose(2000).optional() });
export const BreachReviseBodySchema = z.strictObject({
  reason: Prose(2000).min(1, { error: 'is required' }),
});

const StampSchema = z.object({ at: z.string(), by: PersonRef });

export const BreachDeterminationSchema = z.object({
  id: z.uuid(),
  incidentId: z.uuid(),
  version: z.int(),
  status: z.enum(DETERMINATION_STATUSES),
  /** Why this version replaces the one before (null on the first). */
  reason: z.string().nullable(),
  entityType: z.enum(ENTITY_TYPES).nullable(),
  discoveredOn: DateOnly,
  phi: PhiStepSchema.nullable(),
  exclusion: ExclusionStepSchema.nullable(),
  factors: FactorsStepSchema.nullable(),
  facts: FactsStepSchema.nullable(),
  conclusion: ConclusionStepSchema.nullable(),
  saved: z.partialRecord(z.enum(BREACH_STEPS), StampSchema),
  /** What is still to answer before approval, in words; empty when complete. */
  missing: z.array(z.string()),
  outcome: z.enum(BREACH_OUTCOMES).nullable(),
  engineInput: BreachDeadlinesInputSchema.nullable(),
  deadlines: BreachDeadlinesSchema.nullable(),
  approved: z.object({ at: z.string(), by: PersonRef, note: z.string() }).nullable(),
  createdAt: z.string(),
  createdBy: PersonRef.nullable(),
});
export type BreachDeterminationView = z.infer<typeof BreachDeterminationSchema>;

/** The individual notice letter (164.404(c), to be checked): Markdown, edited or as drawn. */
export const BreachLetterSchema = z.object({
  body: z.string(),
  edited: z.object({ at: z.string(), by: PersonRef }).nullable(),
});
export type BreachLetter = z.infer<typeof BreachLetterSchema>;
export const BreachLetterBodySchema = z.strictObject({
  body: Prose(50_000).min(1, { error: 'is required' }),
});
