import { z } from 'zod';
import { DateOnly, Line, PersonRef, Required, Text, Title } from './common';

/** What a document is (issue 14). */
export const DOCUMENT_KINDS = ['policy', 'procedure', 'plan', 'standard', 'form'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  policy: 'Policy',
  procedure: 'Procedure',
  plan: 'Plan',
  standard: 'Standard',
  form: 'Form',
};

/**
 * A version's life: draft → in review → approved → in effect → superseded (a later version took
 * effect) or retired (withdrawn with none after it). Approved and after, a version never changes.
 */
export const VERSION_STATUSES = [
  'draft',
  'in_review',
  'approved',
  'in_effect',
  'superseded',
  'retired',
] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];
export const VERSION_STATUS_LABELS: Record<VersionStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  approved: 'Approved',
  in_effect: 'In effect',
  superseded: 'Superseded',
  retired: 'Retired',
};

/** Markdown; 200,000 characters is far beyond any policy and bounds the PDF's work. */
export const DocumentBodyText = z
  .string()
  .max(200_000, { error: 'must be at most 200000 characters' });

export const VersionSummarySchema = z.object({
  id: z.string(),
  number: z.number().int().describe('1, 2, 3… within the document'),
  status: z.enum(VERSION_STATUSES),
  title: z.string(),
  sha256: z.string().describe('SHA-256 of the canonical content (see docs/ARCHITECTURE.md)'),
  createdAt: z.iso.datetime(),
  createdBy: PersonRef.nullable(),
  submittedAt: z.iso.datetime().nullable(),
  submittedBy: PersonRef.nullable(),
  approvedAt: z.iso.datetime().nullable(),
  approvedBy: PersonRef.nullable(),
  approvalNote: z.string(),
  effectiveOn: DateOnly.nullable().describe("In the organization's time zone"),
  endedAt: z.iso.datetime().nullable().describe('When superseded or retired'),
  retainUntil: DateOnly.nullable().describe(
    'Set once the version reached review (164.316(b)(2)(i))',
  ),
  basedOnNumber: z.number().int().nullable(),
  changeSummary: z.string(),
});
export type VersionSummary = z.infer<typeof VersionSummarySchema>;

export const VersionSchema = VersionSummarySchema.extend({
  documentId: z.string(),
  reference: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  body: z.string().describe('Markdown'),
  approvers: z
    .array(PersonRef)
    .describe(
      'Who may approve it while in review: not its submitters while another member may (four eyes); empty otherwise',
    ),
});
export type Version = z.infer<typeof VersionSchema>;

export const ReviewSchema = z.object({
  id: z.string(),
  versionNumber: z.number().int(),
  reviewedAt: z.iso.datetime(),
  reviewedBy: PersonRef.nullable(),
  note: z.string(),
  nextReviewOn: DateOnly,
});

export const DocumentSchema = z.object({
  id: z.string(),
  reference: z.string().describe('POL-n, per organization'),
  title: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  category: z.string(),
  owner: PersonRef.nullable(),
  reviewMonths: z.number().int(),
  nextReviewOn: DateOnly.nullable().describe('Effective date (or last review) + the interval'),
  requirements: z.array(z.string()).describe('Catalog citations, from links to safeguard records'),
  inEffect: VersionSummarySchema.nullable(),
  openDraft: VersionSummarySchema.nullable().describe('The one draft or version in review'),
  latest: VersionSummarySchema.nullable().describe(
    'The newest version, whatever its status (approved awaiting effect, retired…)',
  ),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Document = z.infer<typeof DocumentSchema>;

export const DocumentDetailSchema = DocumentSchema.extend({
  versions: z.array(VersionSummarySchema).describe('Newest first'),
  reviews: z.array(ReviewSchema).describe('Newest first'),
});
export type DocumentDetail = z.infer<typeof DocumentDetailSchema>;

const Requirements = z
  .array(Required(40))
  .max(100)
  .describe('Catalog citations the document addresses (links to their safeguard records)');

export const DocumentBodySchema = z.object({
  title: Title(200),
  kind: z.enum(DOCUMENT_KINDS),
  category: Line(100).optional(),
  ownerId: z.uuid().nullish(),
  reviewMonths: z.number().int().min(1).max(60).optional(),
  requirements: Requirements.optional(),
  body: DocumentBodyText.optional(),
});
export type DocumentBody = z.infer<typeof DocumentBodySchema>;

export const DocumentUpdateBodySchema = z.object({
  category: Line(100).optional(),
  ownerId: z.uuid().nullish(),
  reviewMonths: z.number().int().min(1).max(60).optional(),
  requirements: Requirements.optional(),
});
export type DocumentUpdateBody = z.infer<typeof DocumentUpdateBodySchema>;

export const VersionUpdateBodySchema = z.object({
  title: Title(200).optional(),
  kind: z.enum(DOCUMENT_KINDS).optional(),
  body: DocumentBodyText.optional(),
  changeSummary: Text(2000).optional(),
});
export type VersionUpdateBody = z.infer<typeof VersionUpdateBodySchema>;

export const NewVersionBodySchema = z.object({
  fromVersionId: z.uuid().optional().describe('Copied from; by default the newest version'),
});

export const ApproveBodySchema = z.object({ note: Text(2000).optional() });
export const PutInEffectBodySchema = z.object({
  effectiveOn: DateOnly.optional().describe("Today in the organization's time zone by default"),
});
export const ReviewBodySchema = z.object({ note: Text(2000).optional() });

export const DiffQuerySchema = z.object({
  against: z
    .uuid()
    .optional()
    .describe('The other version (the older side); by default the one this was started from'),
});
export const DiffPartSchema = z.object({
  change: z.enum(['same', 'added', 'removed']),
  text: z.string(),
});
export const DiffSchema = z.object({
  from: VersionSummarySchema,
  to: VersionSummarySchema,
  title: z.array(DiffPartSchema),
  body: z.array(DiffPartSchema).describe('Line by line (jsdiff diffLines)'),
});
export type Diff = z.infer<typeof DiffSchema>;

export const PolicyTemplateSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  category: z.string(),
  summary: z.string(),
  requirements: z.array(z.string()),
});
