import { z } from 'zod';

/** Two-letter USPS codes accepted in `affectedByState`: the 50 States, DC and five territories. */
export const US_JURISDICTION_CODES = [
  'AK', 'AL', 'AR', 'AS', 'AZ', 'CA', 'CO', 'CT', 'DC', 'DE', 'FL', 'GA', 'GU', 'HI', 'IA', 'ID',
  'IL', 'IN', 'KS', 'KY', 'LA', 'MA', 'MD', 'ME', 'MI', 'MN', 'MO', 'MP', 'MS', 'MT', 'NC', 'ND',
  'NE', 'NH', 'NJ', 'NM', 'NV', 'NY', 'OH', 'OK', 'OR', 'PA', 'PR', 'RI', 'SC', 'SD', 'TN', 'TX',
  'UT', 'VA', 'VI', 'VT', 'WA', 'WI', 'WV', 'WY',
] as const; // prettier-ignore

/** Each code's name, as a State's notice or a form names it. */
export const US_JURISDICTION_CODE_LABELS: Record<(typeof US_JURISDICTION_CODES)[number], string> = {
  AK: 'Alaska', AL: 'Alabama', AR: 'Arkansas', AS: 'American Samoa', AZ: 'Arizona',
  CA: 'California', CO: 'Colorado', CT: 'Connecticut', DC: 'District of Columbia',
  DE: 'Delaware', FL: 'Florida', GA: 'Georgia', GU: 'Guam', HI: 'Hawaii', IA: 'Iowa',
  ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana',
  MA: 'Massachusetts', MD: 'Maryland', ME: 'Maine', MI: 'Michigan', MN: 'Minnesota',
  MO: 'Missouri', MP: 'Northern Mariana Islands', MS: 'Mississippi', MT: 'Montana',
  NC: 'North Carolina', ND: 'North Dakota', NE: 'Nebraska', NH: 'New Hampshire',
  NJ: 'New Jersey', NM: 'New Mexico', NV: 'Nevada', NY: 'New York', OH: 'Ohio', OK: 'Oklahoma',
  OR: 'Oregon', PA: 'Pennsylvania', PR: 'Puerto Rico', RI: 'Rhode Island',
  SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah',
  VA: 'Virginia', VI: 'U.S. Virgin Islands', VT: 'Vermont', WA: 'Washington',
  WI: 'Wisconsin', WV: 'West Virginia', WY: 'Wyoming',
}; // prettier-ignore

const JURISDICTIONS: ReadonlySet<string> = new Set(US_JURISDICTION_CODES);

/** The largest count accepted: more people than the United States has, yet sums stay exact. */
export const MAX_AFFECTED = 1_000_000_000;

/** The latest date accepted: a deadline (at most the next year's March 1) keeps a four-digit year. */
export const LATEST_INPUT_DATE = '9998-12-31';

/** The exclusions of 164.402(1), as the issue names them. */
export const BREACH_EXCLUSIONS = ['(1)(i)', '(1)(ii)', '(1)(iii)'] as const;
/** By citation only: the exclusions' wording is in Subpart D, which our sources do not hold. */
export const BREACH_EXCLUSION_LABELS: Record<(typeof BREACH_EXCLUSIONS)[number], string> = {
  '(1)(i)': 'Exclusion 164.402(1)(i)',
  '(1)(ii)': 'Exclusion 164.402(1)(ii)',
  '(1)(iii)': 'Exclusion 164.402(1)(iii)',
};

export const ENTITY_TYPES = ['covered_entity', 'business_associate'] as const;
export const ENTITY_TYPE_LABELS: Record<(typeof ENTITY_TYPES)[number], string> = {
  covered_entity: 'Covered entity',
  business_associate: 'Business associate',
};

/** A message for a field's issues that says "is required" when the field is missing. */
function must(message: string) {
  return {
    error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : message),
  };
}

const CalendarDate = z.iso
  .date(must('must be a date (YYYY-MM-DD)'))
  .refine((date) => date <= LATEST_INPUT_DATE, {
    error: `must be on or before ${LATEST_INPUT_DATE}`,
  });

const Count = z
  .int(must(`must be a whole number from 0 to ${MAX_AFFECTED.toLocaleString('en-US')}`))
  .min(0)
  .max(MAX_AFFECTED);

const YesNo = z.boolean(must('must be true or false'));

const JurisdictionCode = z.string().refine((code) => JURISDICTIONS.has(code), {
  error: 'is not the two-letter USPS code of a State, DC or territory (such as "CA")',
});

/**
 * What the deadline engine needs to know about one incident: the JSON object that
 * `custos breach deadlines` reads (issue 16). `lawEnforcementOralStatementOn` is an optional extra:
 * present when the law-enforcement delay was asked for orally, without a written statement.
 */
export const BreachDeadlinesInputSchema = z
  .strictObject({
    entityType: z.enum(ENTITY_TYPES, must('must be "covered_entity" or "business_associate"')),
    discoveredOn: CalendarDate,
    breachOccurredOn: CalendarDate,
    affectedTotal: Count,
    affectedByState: z.record(
      JurisdictionCode,
      Count,
      must('must be an object of State codes and counts, such as { "CA": 12 }'),
    ),
    unsecuredPhi: YesNo,
    exclusionClaimed: z
      .enum(BREACH_EXCLUSIONS, must('must be null, "(1)(i)", "(1)(ii)" or "(1)(iii)"'))
      .nullable(),
    lowProbabilityDemonstrated: YesNo,
    lawEnforcementDelayUntil: CalendarDate.nullable(),
    lawEnforcementOralStatementOn: CalendarDate.nullable().optional(),
  })
  .superRefine((input, context) => {
    if (input.breachOccurredOn > input.discoveredOn) {
      context.addIssue({
        code: 'custom',
        path: ['breachOccurredOn'],
        message: 'must be on or before discoveredOn',
      });
    }
    const byState = Object.values(input.affectedByState).reduce((sum, n) => sum + n, 0);
    if (byState > input.affectedTotal) {
      context.addIssue({
        code: 'custom',
        path: ['affectedByState'],
        message: `counts add up to ${byState}, more than affectedTotal (${input.affectedTotal})`,
      });
    }
    if (input.lawEnforcementOralStatementOn && input.lawEnforcementDelayUntil === null) {
      context.addIssue({
        code: 'custom',
        path: ['lawEnforcementDelayUntil'],
        message: 'is required when lawEnforcementOralStatementOn is given',
      });
    }
  });

export type BreachDeadlinesInput = z.infer<typeof BreachDeadlinesInputSchema>;

/** Why an input was refused: the field (a dotted path, or null for the whole input) and the problem. */
export interface BreachInputProblem {
  field: string | null;
  message: string;
}

/** The first problem of a refused input, naming its field. */
function firstProblem(issues: readonly z.core.$ZodIssue[]): BreachInputProblem {
  const issue = issues[0];
  if (!issue) {
    return { field: null, message: 'is not a valid input' };
  }
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    return { field: [...path, ...issue.keys].join('.'), message: 'is not a known field' };
  }
  if (path.length === 0) {
    return { field: null, message: 'must be one JSON object' };
  }
  const message =
    issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
  return { field: path.join('.'), message };
}

/** Validates an engine input; on failure, names the first field at fault. */
export function parseBreachDeadlinesInput(
  value: unknown,
): { ok: true; input: BreachDeadlinesInput } | ({ ok: false } & BreachInputProblem) {
  // zod's record passes over an own `__proto__` key (JSON.parse makes one): refuse it by name.
  const byState: unknown =
    typeof value === 'object' && value !== null && 'affectedByState' in value
      ? value.affectedByState
      : undefined;
  if (typeof byState === 'object' && byState !== null && Object.hasOwn(byState, '__proto__')) {
    return {
      ok: false,
      field: 'affectedByState.__proto__',
      message: 'is not the two-letter USPS code of a State, DC or territory (such as "CA")',
    };
  }
  const parsed = BreachDeadlinesInputSchema.safeParse(value);
  return parsed.success
    ? { ok: true, input: parsed.data }
    : { ok: false, ...firstProblem(parsed.error.issues) };
}
