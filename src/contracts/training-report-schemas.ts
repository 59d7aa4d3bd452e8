import { z } from 'zod';
import { NumberCursorSchema } from './pagination';

// The completion report and the training records, as the Training page and an auditor read them.

const Ref = z.object({ id: z.string(), name: z.string() });

export const RateSchema = z.object({
  assigned: z.number().int(),
  completed: z.number().int(),
  overdue: z.number().int(),
  /** Whole percent, rounded down; null when nothing is assigned. */
  rate: z.number().int().nullable(),
});
export type Rate = z.infer<typeof RateSchema>;

export const CompletionReportSchema = z.object({
  overall: RateSchema,
  courses: z.array(RateSchema.extend({ course: Ref })),
  departments: z.array(RateSchema.extend({ department: Ref.nullable() })),
});
export type CompletionReport = z.infer<typeof CompletionReportSchema>;

/** One page of people by completion, lowest first, then by name. */
export const PersonRatesSchema = z.object({
  data: z.array(RateSchema.extend({ person: Ref, department: Ref.nullable() })),
  total: z.number().int().describe('People matching the query, on every page'),
  nextCursor: z.string().nullable(),
});
export type PersonRates = z.infer<typeof PersonRatesSchema>;

export const PersonRatesQuerySchema = z.object({
  q: z.string().trim().max(200).optional().describe('Words in the name'),
  departmentId: z.union([z.uuid(), z.literal('none')]).optional(),
  cursor: NumberCursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type PersonRatesQuery = z.infer<typeof PersonRatesQuerySchema>;

export const HistoryQuerySchema = z.object({ personId: z.uuid().optional() });
export const RecordsQuerySchema = HistoryQuerySchema.extend({
  cursor: NumberCursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type RecordsQuery = z.infer<typeof RecordsQuerySchema>;
