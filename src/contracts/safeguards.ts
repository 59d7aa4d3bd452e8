import { z } from 'zod';
import { DateOnly, Text, Required, PersonRef } from './common';
import { RequirementSchema, SAFEGUARD_CATEGORIES } from './catalog';
import { LinkSchema } from './links';

export const SAFEGUARD_STATUSES = [
  'not_started',
  'in_progress',
  'implemented',
  'not_applicable',
] as const;
export type SafeguardStatus = (typeof SAFEGUARD_STATUSES)[number];
export const SAFEGUARD_STATUS_LABELS: Record<SafeguardStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  implemented: 'Implemented',
  not_applicable: 'Not applicable',
};

/** The 164.306(d)(3) decision on an addressable implementation specification. */
export const DECISIONS = ['as_specified', 'alternative', 'not_reasonable'] as const;
export const DECISION_LABELS: Record<(typeof DECISIONS)[number], string> = {
  as_specified: 'Implemented as specified',
  alternative: 'Equivalent alternative implemented',
  not_reasonable: 'Not reasonable and appropriate',
};

export const DecisionSchema = z.object({
  decision: z.enum(DECISIONS),
  rationale: z.string().nullable(),
  alternative: z.string().nullable(),
  approvedBy: PersonRef.nullable(),
  approvedOn: z.string().nullable(),
  basis: z.string().nullable().describe('The risk analysis the decision rests on'),
});

export const SafeguardSchema = z.object({
  requirementId: z.string(),
  kind: RequirementSchema.shape.kind,
  parent: z.string().nullable(),
  title: z.string(),
  safeguard: z.enum(SAFEGUARD_CATEGORIES),
  designation: RequirementSchema.shape.designation,
  status: z.enum(SAFEGUARD_STATUSES),
  owner: PersonRef.nullable(),
  statement: z.string(),
  reviewIntervalMonths: z.number().int().nullable(),
  nextReviewOn: z.string().nullable(),
  reviewOverdue: z.boolean(),
  decision: DecisionSchema.nullable(),
  decisionMissing: z
    .boolean()
    .describe('Addressable, applicable and no 164.306(d)(3) decision yet'),
  notApplicableAllowed: z.boolean(),
  updatedAt: z.iso.datetime().nullable(),
});
export type Safeguard = z.infer<typeof SafeguardSchema>;

export const SafeguardListSchema = z.object({
  data: z.array(SafeguardSchema),
  nextCursor: z.null(),
});

export const SafeguardQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  safeguard: z.enum(SAFEGUARD_CATEGORIES).optional(),
  status: z.enum(SAFEGUARD_STATUSES).optional(),
  ownerId: z.union([z.uuid(), z.literal('none'), z.literal('me')]).optional(),
  attention: z
    .enum(['decision_missing', 'review_overdue', 'unowned'])
    .optional()
    .describe('Only records needing this kind of attention'),
});
export type SafeguardQuery = z.infer<typeof SafeguardQuerySchema>;

export const HistoryEntrySchema = z.object({
  at: z.iso.datetime(),
  actor: z.string().nullable(),
  action: z.string(),
  changes: z
    .record(z.string(), z.object({ before: z.unknown(), after: z.unknown() }).partial())
    .nullable(),
});

export const SafeguardDetailSchema = SafeguardSchema.extend({
  requirement: RequirementSchema,
  links: z.array(LinkSchema),
  history: z.array(HistoryEntrySchema).describe('From the audit trail, newest first'),
});

export const SafeguardUpdateBodySchema = z.object({
  status: z.enum(SAFEGUARD_STATUSES).optional(),
  ownerId: z.uuid({ error: 'must be a member id' }).nullable().optional(),
  statement: Text(20000).optional(),
  reviewIntervalMonths: z.number().int().min(1).max(60).nullable().optional(),
  nextReviewOn: DateOnly.nullable().optional(),
});
export type SafeguardUpdateBody = z.infer<typeof SafeguardUpdateBodySchema>;

export const DecisionBodySchema = z.object({
  decision: z.enum(DECISIONS),
  rationale: Text(20000)
    .optional()
    .describe('Why the specification as written is not reasonable and appropriate'),
  alternative: Text(20000).optional().describe('The equivalent alternative measure'),
  // Who approved is who acted (design.md §6.2): the approver is the person recording the decision.
  approvedBy: z
    .uuid({ error: 'must be a member id' })
    .optional()
    .describe(
      'Optional, and when sent it must be your own user id: the approver is who records it',
    ),
  approvedOn: DateOnly.optional().describe(
    "When it was approved: today in the organization's time zone unless given; never later",
  ),
  basis: Required(2000).describe('The risk analysis the decision rests on'),
});
export type DecisionBody = z.infer<typeof DecisionBodySchema>;

export const ReadinessItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  state: z.enum(['met', 'partial', 'gap']),
  gaps: z.array(z.string()).describe('What is missing, readable'),
  requirements: z.array(
    z.object({ id: z.string(), title: z.string(), status: z.enum(SAFEGUARD_STATUSES) }),
  ),
});

export const ReadinessSchema = z.object({
  profileId: z.string(),
  title: z.string(),
  met: z.number().int(),
  partial: z.number().int(),
  gap: z.number().int(),
  items: z.array(ReadinessItemSchema),
});
