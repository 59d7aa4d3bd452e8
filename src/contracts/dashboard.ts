import { z } from 'zod';
import { SAFEGUARD_CATEGORIES } from './catalog';
import { OrgParamsSchema } from './common';
import { route } from './route';
import { TaskSchema } from './tasks';
import { EVERY_ROLE, type Grant } from './grants';

/** Names this feature's folders under src/server/features and src/web/features. */
export const feature = 'dashboard';

/** Who may use what this feature offers (assembled into PERMISSIONS, contracts/permissions.ts). */
export const permissions = {
  'dashboard.read': EVERY_ROLE,
} as const satisfies Record<string, Grant>;

/** The audit actions this feature writes (assembled into AUDIT_ACTIONS, contracts/audit-actions.ts). */
export const auditActions = [] as const;
// No actions: a label map typed by them once there are some (test/labels.test.ts checks).
export const auditActionLabels: Readonly<Record<string, never>> = {};

const CountsSchema = z.object({
  total: z.number().int(),
  implemented: z.number().int(),
  inProgress: z.number().int(),
  notStarted: z.number().int(),
  notApplicable: z.number().int(),
  percent: z.number().int().describe('Implemented or not applicable, of all'),
});
export type Counts = z.infer<typeof CountsSchema>;

export const NextActionSchema = z.object({
  id: z.string(),
  title: z.string(),
  detail: z.string(),
  href: z.string().describe('Where in the app to do it'),
});

export const FirstWeekStepSchema = z.object({
  id: z.string(),
  title: z.string(),
  detail: z.string(),
  state: z.enum(['done', 'todo', 'coming']).describe('coming = the feature is not in Custos yet'),
  href: z.string().nullable(),
});

export const ProgramFiguresSchema = z.object({
  progress: CountsSchema,
  byCategory: z.array(CountsSchema.extend({ safeguard: z.enum(SAFEGUARD_CATEGORIES) })),
  byStandard: z.array(
    CountsSchema.extend({
      id: z.string(),
      title: z.string(),
      safeguard: z.enum(SAFEGUARD_CATEGORIES),
    }),
  ),
  decisionsMissing: z.number().int(),
  reviewsOverdue: z.number().int(),
  unowned: z.number().int(),
  proposedRule: z.object({ met: z.number().int(), total: z.number().int() }),
});

export const PolicyFiguresSchema = z.object({
  total: z.number().int(),
  inEffect: z.number().int().describe('Documents with a version in effect'),
  dueForReview: z
    .array(
      z.object({
        id: z.string(),
        reference: z.string(),
        title: z.string(),
        nextReviewOn: z.string(),
        owner: z.string().nullable(),
      }),
    )
    .describe('Reviews due within 30 days or overdue, soonest first (164.316(b)(2)(iii))'),
  acknowledgements: z
    .object({ acknowledged: z.number().int(), expected: z.number().int() })
    .nullable()
    .describe(
      'Acknowledgement completion of the versions in effect: null until attestations exist',
    ),
});
export type PolicyFigures = z.infer<typeof PolicyFiguresSchema>;

/** Completion of everyone's current security awareness training (164.308(a)(5)). */
export const TrainingFiguresSchema = z.object({
  assigned: z.number().int(),
  completed: z.number().int(),
  overdue: z.number().int(),
  rate: z.number().int().nullable().describe('Whole percent completed; null when none assigned'),
});
export type TrainingFigures = z.infer<typeof TrainingFiguresSchema>;
export const IncidentFiguresSchema = z.object({
  open: z.number().int(),
  awaitingTriage: z.number().int().describe('Reported and not yet in triage'),
  bySeverity: z
    .array(z.object({ level: z.number().int(), name: z.string(), open: z.number().int() }))
    .describe("Open incidents per level of the organization's scale, highest first"),
  unrated: z.number().int().describe('Open incidents with no severity yet'),
  containment: z
    .object({
      contained: z.number().int().describe('Incidents contained in the last 12 months'),
      meanHours: z
        .number()
        .nullable()
        .describe('Mean hours from discovery (else the report) to containment; null with none'),
    })
    .describe('Mean time to contain (164.308(a)(6)(ii))'),
});
export type IncidentFigures = z.infer<typeof IncidentFiguresSchema>;

/** Which notice a breach's next deadline is for (contracts/breach-deadlines.ts decides the dates). */
export const BREACH_NOTICES = ['individuals', 'covered_entity'] as const;
export const BREACH_NOTICE_LABELS: Record<(typeof BREACH_NOTICES)[number], string> = {
  individuals: 'Notice to each person affected',
  covered_entity: 'Notice to the covered entity',
};

/** Breaches still being handled and the yearly log's deadline (164.404–164.410, as issue 16 states them). */
export const BreachFiguresSchema = z.object({
  open: z
    .array(
      z.object({
        incidentId: z.string(),
        reference: z.string(),
        title: z.string(),
        notice: z.enum(BREACH_NOTICES),
        dueOn: z.string(),
        daysLeft: z.number().int().describe('Negative once overdue'),
      }),
    )
    .describe('Breaches whose incident is not closed, soonest deadline first'),
  yearlyLog: z
    .object({
      year: z.number().int(),
      dueOn: z.string(),
      daysLeft: z.number().int(),
      breaches: z.number().int(),
    })
    .nullable()
    .describe('The earliest year with breaches under 500 not recorded as submitted to HHS'),
});
export type BreachFigures = z.infer<typeof BreachFiguresSchema>;
/** Access reviews not completed yet (164.308(a)(4)(ii)(C)). */
export const AccessReviewFiguresSchema = z.object({
  open: z.number().int(),
  overdue: z.number().int().describe("Open past their due date, in the organization's calendar"),
});
export type AccessReviewFigures = z.infer<typeof AccessReviewFiguresSchema>;

export const DashboardSchema = z.object({
  program: ProgramFiguresSchema.nullable().describe(
    "The organization's figures and gaps: null for a role that may not read the program (program.read)",
  ),
  tasks: z.object({
    open: z.number().int().nullable().describe("The organization's: null without tasks.read_all"),
    overdue: z
      .number()
      .int()
      .nullable()
      .describe("The organization's: null without tasks.read_all"),
    mineOpen: z.number().int(),
    mineOverdue: z.number().int(),
    mine: z.array(TaskSchema).describe('My next five, by due date'),
  }),
  nextActions: z
    .array(NextActionSchema)
    .describe("The first five the person's role may act on, each to a page it may open"),
  firstWeek: z.array(FirstWeekStepSchema).describe("The steps the person's role may act on"),
  policies: PolicyFiguresSchema.nullable().describe('Null for a role that may not read policies'),
  training: TrainingFiguresSchema.nullable().describe(
    'Null for a role that may not read training completion',
  ),
  incidents: IncidentFiguresSchema.nullable().describe(
    'Open incidents by severity (164.308(a)(6)): null for a role that may not read incidents',
  ),
  breaches: BreachFiguresSchema.nullable().describe(
    'Breach deadlines (164.404–164.410): null for a role that may not read breach determinations',
  ),
  accessReviews: AccessReviewFiguresSchema.nullable().describe(
    'Open access reviews (164.308(a)(4)(ii)(C)): null for a role that may not read them',
  ),
});
export type Dashboard = z.infer<typeof DashboardSchema>;

// ---------- routes ----------

/** The home page's figures. */
export const dashboardRoutes = {
  get: route({
    method: 'GET',
    path: '/api/orgs/:orgId/dashboard',
    tags: ['dashboard'],
    summary: 'Progress, what needs attention, my tasks and the next things to do',
    permission: 'dashboard.read',
    params: OrgParamsSchema,
    response: DashboardSchema,
  }),
};
