import { z } from 'zod';
import { DateOnly, OrgParamsSchema, PersonRef, Prose } from './common';
import { route } from './route';

// The yearly log of breaches affecting fewer than 500 people (164.408(c), as issue 16 states it;
// to be checked against the eCFR text): part of the Incidents routes (contracts/incidents.ts).

const tags = ['incidents'];
/** The first year a breach can be on the log (164.400: breaches from 2009-09-23). */
const FIRST_YEAR = 2009;
const Year = z.coerce
  .number({ error: 'must be a year' })
  .int({ error: 'must be a year' })
  .min(FIRST_YEAR, { error: `must be ${FIRST_YEAR} or later` })
  .max(9998, { error: 'must be 9998 or earlier' });

export const BreachLogQuerySchema = z.object({
  year: Year.optional().describe(
    'Calendar year of discovery; the newest year with breaches if absent',
  ),
});

export const BreachLogEntrySchema = z.object({
  incidentId: z.uuid(),
  reference: z.string(),
  title: z.string(),
  breachOccurredOn: DateOnly,
  discoveredOn: DateOnly,
  affected: z.int(),
  phiKinds: z
    .string()
    .describe('The nature and extent of the PHI, from the four-factor assessment'),
  actionsTaken: z.string().describe('The mitigation, from the four-factor assessment'),
  noticeBy: DateOnly.describe(
    'This breach’s HHS deadline (later only under a law-enforcement delay)',
  ),
});
export type BreachLogEntry = z.infer<typeof BreachLogEntrySchema>;

export const BreachLogSubmissionSchema = z.object({
  submittedOn: DateOnly,
  note: z.string(),
  recordedAt: z.string(),
  recordedBy: PersonRef.nullable(),
});

export const BreachLogSchema = z.object({
  year: z.int(),
  years: z
    .array(z.int())
    .describe('Every year of discovery with breaches on the log, newest first'),
  today: DateOnly.describe("Today in the organization's time zone"),
  deadline: DateOnly.nullable().describe('The earliest HHS deadline of the year’s breaches'),
  daysLeft: z.int().nullable().describe('Days from today to the deadline; negative once past'),
  breaches: z.array(BreachLogEntrySchema),
  submission: BreachLogSubmissionSchema.nullable(),
});
export type BreachLog = z.infer<typeof BreachLogSchema>;

export const BreachLogSubmissionBodySchema = z.strictObject({
  year: Year,
  submittedOn: DateOnly,
  note: Prose(2000).optional(),
});

/** The routes of the yearly log. */
export const breachLogRoutes = {
  breachLog: route({
    method: 'GET',
    path: '/api/orgs/:orgId/breach-log',
    tags,
    summary: 'The yearly log of breaches under 500 for one year of discovery, with its deadline',
    permission: 'incidents.breach_read',
    params: OrgParamsSchema,
    query: BreachLogQuerySchema,
    response: BreachLogSchema,
  }),
  exportBreachLog: route({
    method: 'GET',
    path: '/api/orgs/:orgId/breach-log.csv',
    tags,
    summary: 'The yearly log of one year as CSV (audited)',
    permission: 'incidents.breach_read',
    params: OrgParamsSchema,
    query: BreachLogQuerySchema,
    file: true,
    audits: ['incident.breach_log_exported'],
  }),
  recordBreachLogSubmission: route({
    method: 'PUT',
    path: '/api/orgs/:orgId/breach-log/submission',
    tags,
    summary: 'Record that a year’s log was submitted to HHS (replaces the record of that year)',
    permission: 'incidents.breach_determine',
    params: OrgParamsSchema,
    body: BreachLogSubmissionBodySchema,
    response: BreachLogSchema,
    audits: ['incident.breach_log_submitted'],
    // The demo's misdirected fax is on the log of the test clock's year (2026).
    example: () => ({ year: 2026, submittedOn: '2026-05-20', note: 'Through the HHS portal.' }),
    invalidates: ['incidents', 'dashboard'],
  }),
};
