import { z } from 'zod';
import { DateOnly, OrgParamsSchema, PersonRef, Prose, Title } from './common';
import { EDITORS, STAFF_READERS, type Grant } from './grants';
import { route } from './route';

/** Names this feature's folders under src/server/features and src/web/features. */
export const feature = 'access-reviews';

// 164.308(a)(4)(ii)(B) access authorization and (C) access establishment and modification: those
// who run the program record grants and set reviews up; auditors read them.
const KEEPERS = ['owner', 'admin', 'security_officer'] as const;

/** Who may use what this feature offers (assembled into PERMISSIONS, contracts/permissions.ts). */
export const permissions = {
  'access.read': STAFF_READERS,
  'access.manage': KEEPERS,
  // Who approved is who acted (design.md §6.2): a grant's approver is the person recording it.
  'access.grant': KEEPERS,
  // A review's decisions are its reviewer's own; the service refuses anyone else.
  'access.review': EDITORS,
} as const satisfies Record<string, Grant>;

/** Permissions only a signed-in person holds, never an API token (contracts/permissions.ts). */
export const personOnly = ['access.grant', 'access.review'] as const;

/** What this feature keeps as the written record of 164.316(b)(1) (contracts/records-kept.ts). */
export const recordsKept = [
  'access granted to each person on each system, with its justification and approver (164.308(a)(4)(ii)(B))',
  "reviews of each system's accounts, their decisions and the completed review's report (164.308(a)(4)(ii)(C))",
] as const;

/** The audit actions this feature writes (assembled into AUDIT_ACTIONS; 164.312(b)). */
export const auditActions = [
  'access_grant.recorded',
  'access_grant.revoked',
  'access_review.created',
  'access_review.accounts_imported',
  'access_review.item_decided',
  'access_review.completed',
  'access_review.report_downloaded',
] as const;
/** What a person reads for each audit action (the audit log, its export). */
export const auditActionLabels: Record<(typeof auditActions)[number], string> = {
  'access_grant.recorded': 'Access granted',
  'access_grant.revoked': 'Access grant ended',
  'access_review.created': 'Access review started',
  'access_review.accounts_imported': 'Accounts imported for an access review',
  'access_review.item_decided': 'Access review decision recorded',
  'access_review.completed': 'Access review completed',
  'access_review.report_downloaded': 'Access review report downloaded',
};

export const ACCESS_DECISIONS = ['keep', 'modify', 'revoke'] as const;
export type AccessDecision = (typeof ACCESS_DECISIONS)[number];
export const ACCESS_DECISION_LABELS: Record<AccessDecision, string> = {
  keep: 'Keep',
  modify: 'Modify',
  revoke: 'Revoke',
};

export const ACCESS_FLAGS = ['left_before_period', 'no_match'] as const;
export type AccessFlag = (typeof ACCESS_FLAGS)[number];
export const ACCESS_FLAG_LABELS: Record<AccessFlag, string> = {
  left_before_period: 'Left before the review period',
  no_match: 'Matches nobody on the roster',
};

export const ACCESS_MATCH_KINDS = ['email', 'employee_id', 'name', 'grant'] as const;
export type AccessMatch = (typeof ACCESS_MATCH_KINDS)[number];
export const ACCESS_MATCH_KIND_LABELS: Record<AccessMatch, string> = {
  email: 'Matched by email',
  employee_id: 'Matched by employee ID',
  name: 'Matched by exact name',
  grant: 'From the recorded grant',
};

export const ACCESS_REVIEW_STATUSES = ['open', 'completed'] as const;
export type AccessReviewStatus = (typeof ACCESS_REVIEW_STATUSES)[number];
export const ACCESS_REVIEW_STATUS_LABELS: Record<AccessReviewStatus, string> = {
  open: 'Open',
  completed: 'Completed',
};

export const ACCESS_REVIEW_RECURRENCES = ['none', 'quarterly', 'half_yearly', 'yearly'] as const;
export type AccessReviewRecurrence = (typeof ACCESS_REVIEW_RECURRENCES)[number];
export const ACCESS_REVIEW_RECURRENCE_LABELS: Record<AccessReviewRecurrence, string> = {
  none: 'Once',
  quarterly: 'Every quarter',
  half_yearly: 'Every six months',
  yearly: 'Every year',
};
/** Months between two periods of a recurring review. */
export const RECURRENCE_MONTHS: Record<AccessReviewRecurrence, number> = {
  none: 0,
  quarterly: 3,
  half_yearly: 6,
  yearly: 12,
};

export const ACCESS_REVIEW_SOURCES = ['csv', 'grants'] as const;
export type AccessReviewSource = (typeof ACCESS_REVIEW_SOURCES)[number];
export const ACCESS_REVIEW_SOURCE_LABELS: Record<AccessReviewSource, string> = {
  csv: 'Accounts exported from the system (CSV)',
  grants: 'Access grants recorded in Custos',
};

const RecordRef = z.object({ id: z.string(), name: z.string(), reference: z.string() });

export const AccessGrantSchema = z.object({
  id: z.string(),
  reference: z.string().describe('AG-n, per organization'),
  person: RecordRef,
  asset: RecordRef,
  accessLevel: z.string(),
  justification: z.string(),
  approvedBy: PersonRef.describe('Who recorded the grant: its approver'),
  grantedOn: z.string(),
  revokedOn: z.string().nullable(),
  revokedBy: PersonRef.nullable(),
  createdAt: z.iso.datetime(),
});
export type AccessGrant = z.infer<typeof AccessGrantSchema>;

export const AccessGrantQuerySchema = z.object({
  personId: z.uuid({ error: 'must be a person id' }).optional(),
  assetId: z.uuid({ error: 'must be an asset id' }).optional(),
});

export const AccessGrantBodySchema = z.object({
  personId: z.uuid({ error: 'must be a person id' }),
  assetId: z.uuid({ error: 'must be an asset id' }),
  accessLevel: Title(120),
  justification: Prose(2000).min(1, { error: 'is required' }),
  grantedOn: DateOnly,
});
export type AccessGrantBody = z.infer<typeof AccessGrantBodySchema>;

export const AccessGrantRevocationBodySchema = z.object({
  revokedOn: DateOnly.optional().describe('Today when left out'),
});

const TaskSummary = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  status: z.enum(['open', 'in_progress', 'done', 'cancelled']),
});

export const AccessReviewItemSchema = z.object({
  id: z.string(),
  row: z.number().int().describe('Row of the imported file (or order of the grants), from 1'),
  account: z.string(),
  personText: z.string().describe('The person as the export names them'),
  accessLevel: z.string(),
  person: RecordRef.nullable().describe('The roster person the account belongs to'),
  matchedBy: z.enum(ACCESS_MATCH_KINDS).nullable(),
  flags: z.array(z.enum(ACCESS_FLAGS)),
  decision: z.enum(ACCESS_DECISIONS).nullable(),
  comment: z.string(),
  decidedBy: PersonRef.nullable(),
  decidedAt: z.iso.datetime().nullable(),
  task: TaskSummary.nullable().describe('The task a revocation or change became'),
});
export type AccessReviewItem = z.infer<typeof AccessReviewItemSchema>;

export const AccessReviewSchema = z.object({
  id: z.string(),
  reference: z.string().describe('AR-n, per organization'),
  asset: RecordRef,
  reviewer: PersonRef,
  periodStart: z.string(),
  periodEnd: z.string(),
  dueOn: z.string(),
  recurrence: z.enum(ACCESS_REVIEW_RECURRENCES),
  source: z.enum(ACCESS_REVIEW_SOURCES),
  status: z.enum(ACCESS_REVIEW_STATUSES),
  overdue: z.boolean().describe("Open after its due date, in the organization's calendar"),
  counts: z.object({
    items: z.number().int(),
    decided: z.number().int(),
    flagged: z.number().int(),
  }),
  completedAt: z.iso.datetime().nullable(),
  completedBy: PersonRef.nullable(),
  reportEvidenceId: z.string().nullable().describe('The completed review as a PDF in the vault'),
  previousId: z.string().nullable().describe('The review this one repeats'),
  createdAt: z.iso.datetime(),
});
export type AccessReview = z.infer<typeof AccessReviewSchema>;

export const AccessReviewDetailSchema = AccessReviewSchema.extend({
  items: z.array(AccessReviewItemSchema),
});
export type AccessReviewDetail = z.infer<typeof AccessReviewDetailSchema>;

export const AccessReviewQuerySchema = z.object({
  status: z.enum(ACCESS_REVIEW_STATUSES).optional(),
});

export const AccessReviewBodySchema = z.object({
  assetId: z.uuid({ error: 'must be an asset id' }),
  reviewerId: z
    .uuid({ error: 'must be a member id' })
    .optional()
    .describe('The member who decides each account; who creates the review when left out'),
  periodStart: DateOnly,
  periodEnd: DateOnly,
  dueOn: DateOnly,
  recurrence: z.enum(ACCESS_REVIEW_RECURRENCES).default('none'),
  source: z
    .enum(ACCESS_REVIEW_SOURCES)
    .default('csv')
    .describe('grants: the items are the recorded grants of the system, taken now'),
});
export type AccessReviewBody = z.infer<typeof AccessReviewBodySchema>;

export const AccessDecisionBodySchema = z.object({
  decision: z.enum(ACCESS_DECISIONS),
  comment: Prose(2000)
    .optional()
    .describe('Required to modify or revoke, and to keep a flagged account'),
});
export type AccessDecisionBody = z.infer<typeof AccessDecisionBodySchema>;

export const AccountImportQuerySchema = z.object({
  mode: z.enum(['preview', 'commit']).default('preview'),
});

export const AccountImportResultSchema = z.object({
  rows: z.number().int(),
  valid: z.boolean(),
  problems: z
    .array(
      z.object({
        row: z.number().int().describe('Data row, 1 = the first row after the header'),
        line: z.number().int().describe('Line in the file (the header is line 1)'),
        column: z.string(),
        message: z.string(),
      }),
    )
    .describe('At most 100, in file order'),
  items: z.array(
    z.object({
      row: z.number().int(),
      account: z.string(),
      personText: z.string(),
      accessLevel: z.string(),
      person: RecordRef.nullable(),
      matchedBy: z.enum(ACCESS_MATCH_KINDS).nullable(),
      flags: z.array(z.enum(ACCESS_FLAGS)),
    }),
  ),
  applied: z.boolean(),
});
export type AccountImportResult = z.infer<typeof AccountImportResultSchema>;

// ---------- routes ----------

const tags = ['access-reviews'];
const grantTags = ['access-grants'];
const GrantParams = OrgParamsSchema.extend({ accessGrantId: z.uuid() });
const ReviewParams = OrgParamsSchema.extend({ accessReviewId: z.uuid() });
const ItemParams = ReviewParams.extend({ accessItemId: z.uuid() });
const invalidates = ['access-reviews', 'tasks', 'evidence', 'dashboard'];

/** Access grants and access reviews (164.308(a)(4)(ii)(B)–(C)). */
export const accessReviewsRoutes = {
  grants: route({
    method: 'GET',
    path: '/api/orgs/:orgId/access-grants',
    tags: grantTags,
    summary: 'Access grants, newest first; by person or by system',
    permission: 'access.read',
    params: OrgParamsSchema,
    query: AccessGrantQuerySchema,
    response: z.object({ data: z.array(AccessGrantSchema) }),
  }),
  grant: route({
    method: 'POST',
    path: '/api/orgs/:orgId/access-grants',
    tags: grantTags,
    summary: 'Record access granted to a person on a system; the caller is its approver',
    permission: 'access.grant',
    params: OrgParamsSchema,
    body: AccessGrantBodySchema,
    status: 201,
    response: AccessGrantSchema,
    audits: ['access_grant.recorded'],
    example: (id) => ({
      personId: id('personId'),
      assetId: id('assetId'),
      accessLevel: 'Read only',
      justification: 'Covers the front desk during the summer.',
      grantedOn: '2026-05-04',
    }),
    invalidates: ['access-reviews', 'workforce', 'dashboard'],
  }),
  revokeGrant: route({
    method: 'POST',
    path: '/api/orgs/:orgId/access-grants/:accessGrantId/revocation',
    tags: grantTags,
    summary: 'Record that a grant ended',
    permission: 'access.manage',
    params: GrantParams,
    body: AccessGrantRevocationBodySchema,
    response: AccessGrantSchema,
    audits: ['access_grant.revoked'],
    example: () => ({}),
    invalidates: ['access-reviews', 'workforce', 'dashboard'],
  }),
  list: route({
    method: 'GET',
    path: '/api/orgs/:orgId/access-reviews',
    tags,
    summary: 'Access reviews, open first, then by due date',
    permission: 'access.read',
    params: OrgParamsSchema,
    query: AccessReviewQuerySchema,
    response: z.object({ data: z.array(AccessReviewSchema) }),
  }),
  create: route({
    method: 'POST',
    path: '/api/orgs/:orgId/access-reviews',
    tags,
    summary: "Start a review of a system's accounts for a period, with its reviewer",
    permission: 'access.manage',
    params: OrgParamsSchema,
    body: AccessReviewBodySchema,
    status: 201,
    response: AccessReviewDetailSchema,
    audits: ['access_review.created'],
    example: (id) => ({
      assetId: id('assetId'),
      periodStart: '2026-01-01',
      periodEnd: '2026-03-31',
      dueOn: '2026-04-30',
      recurrence: 'quarterly',
      source: 'grants',
    }),
    invalidates,
  }),
  get: route({
    method: 'GET',
    path: '/api/orgs/:orgId/access-reviews/:accessReviewId',
    tags,
    summary: 'One access review with its accounts',
    permission: 'access.read',
    params: ReviewParams,
    response: AccessReviewDetailSchema,
  }),
  importAccounts: route({
    method: 'POST',
    path: '/api/orgs/:orgId/access-reviews/:accessReviewId/accounts',
    tags,
    summary: "Import the system's accounts from CSV: preview, or replace the review's items",
    description:
      'Send the CSV as the body (text/csv) with the columns account, person and access_level. The person is matched to the roster by email, then employee ID, then exact name.',
    permission: 'access.manage',
    params: ReviewParams,
    query: AccountImportQuerySchema,
    exampleQuery: { mode: 'commit' },
    upload: true,
    response: AccountImportResultSchema,
    // Written by ?mode=commit only; a preview writes nothing.
    audits: ['access_review.accounts_imported'],
    example: () =>
      'account,person,access_level\n' +
      'dwhitfield,dana@riverside-clinic.example,Administrator\n' +
      'temp01,Unknown Temp,Read only\n',
    invalidates,
  }),
  decide: route({
    method: 'PUT',
    path: '/api/orgs/:orgId/access-reviews/:accessReviewId/items/:accessItemId/decision',
    tags,
    summary: "Keep, modify or revoke an account: the review's reviewer, as themselves",
    permission: 'access.review',
    params: ItemParams,
    body: AccessDecisionBodySchema,
    response: AccessReviewDetailSchema,
    audits: ['access_review.item_decided'],
    example: () => ({ decision: 'revoke', comment: 'No longer works here.' }),
    invalidates,
  }),
  complete: route({
    method: 'POST',
    path: '/api/orgs/:orgId/access-reviews/:accessReviewId/completion',
    tags,
    summary:
      'Complete a review: revocations and changes become tasks, the report a PDF in the vault',
    permission: 'access.review',
    params: ReviewParams,
    response: AccessReviewDetailSchema,
    audits: ['access_review.completed', 'evidence_item.created', 'link.created', 'task.created'],
    invalidates,
  }),
  report: route({
    method: 'GET',
    path: '/api/orgs/:orgId/access-reviews/:accessReviewId/report.pdf',
    tags,
    summary: 'The completed review as kept in the evidence vault (audited)',
    permission: 'access.read',
    params: ReviewParams,
    file: true,
    audits: ['access_review.report_downloaded'],
  }),
};
