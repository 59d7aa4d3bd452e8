import { z } from 'zod';
import { DateOnly, Line, OrgParamsSchema, PersonRef, Title } from './common';
import type { Grant } from './grants';
import { ROLES } from './roles';
import { route } from './route';
import {
  CompletionReportSchema,
  HistoryQuerySchema,
  PersonRatesQuerySchema,
  PersonRatesSchema,
  RecordsQuerySchema,
} from './training-report-schemas';

export * from './training-report-schemas';

/** Names this feature's folders under src/server/features and src/web/features. */
export const feature = 'training';

/** What this feature keeps as the written record of 164.316(b)(1) (contracts/records-kept.ts). */
export const recordsKept = [
  'security awareness training: who was assigned which course, by when, each quiz attempt and its score, completions and their certificates',
] as const;

// 164.308(a)(5)(i): the officials run the training program; auditors read it. Contributors and
// workforce members see only their own training (My training).
const RUNNERS = ['owner', 'admin', 'security_officer', 'privacy_officer'] as const;

/** Who may use what this feature offers (assembled into PERMISSIONS, contracts/permissions.ts). */
export const permissions = {
  'training.read': [...RUNNERS, 'auditor'],
  'training.manage': RUNNERS,
  // Recording that someone completed an external course is the recorder's own word.
  'training.record_completion': RUNNERS,
  // Every member may have training assigned; auditors take none (they write nothing).
  'my_training.read': [...RUNNERS, 'contributor', 'workforce'],
  'my_training.take': [...RUNNERS, 'contributor', 'workforce'],
} as const satisfies Record<string, Grant>;

// Taking a quiz and recording a completion are a person's own acts (design.md §6.2): never a token's.
export const personOnly = [
  'training.record_completion',
  'my_training.read',
  'my_training.take',
] as const satisfies readonly (keyof typeof permissions)[];

/** The audit actions this feature writes (assembled into AUDIT_ACTIONS; 164.312(b)). */
export const auditActions = [
  'training_course.created',
  'training_assignment.created',
  'training_assignment.ended',
  'training.quiz_started',
  'training.quiz_submitted',
  'training.completed',
  'training.certificate_downloaded',
  'training.exported',
  'training.cycles_added',
] as const;
/** What a person reads for each audit action (the audit log, its export). */
export const auditActionLabels: Record<(typeof auditActions)[number], string> = {
  'training_course.created': 'External course added',
  'training_assignment.created': 'Training assigned',
  'training_assignment.ended': 'Training assignment ended',
  'training.quiz_started': 'Training quiz started',
  'training.quiz_submitted': 'Training quiz submitted',
  'training.completed': 'Training completed',
  'training.certificate_downloaded': 'Training certificate downloaded',
  'training.exported': 'Training history exported',
  'training.cycles_added': 'Training asked of people again or newly in an audience',
};

export const COURSE_KINDS = ['module', 'external'] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];
export const COURSE_KIND_LABELS: Record<CourseKind, string> = {
  module: 'Built-in module',
  external: 'External course',
};

export const TRAINING_FREQUENCIES = ['at_hire', 'yearly', 'once'] as const;
export type TrainingFrequency = (typeof TRAINING_FREQUENCIES)[number];
export const TRAINING_FREQUENCY_LABELS: Record<TrainingFrequency, string> = {
  at_hire: 'At hire',
  yearly: 'Every year',
  once: 'Once',
};

export const TRAINING_STATUSES = [
  'not_started',
  'in_progress',
  'failed',
  'overdue',
  'passed',
] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];
export const TRAINING_STATUS_LABELS: Record<TrainingStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  failed: 'Failed, to retake',
  overdue: 'Overdue',
  passed: 'Completed',
};

/** A course: a built-in module (id = the module's id) or an organization's external course. */
export const CourseSchema = z.object({
  id: z.string().describe("The module's id, or the external course's id"),
  kind: z.enum(COURSE_KINDS),
  title: z.string(),
  summary: z.string(),
  minutes: z.number().int().nullable(),
  passMark: z.number().int().nullable(),
  url: z.string().nullable(),
  evidenceItemId: z.string().nullable(),
});
export type Course = z.infer<typeof CourseSchema>;

const HttpUrl = z
  .string()
  .trim()
  .max(2000, { error: 'must be at most 2000 characters' })
  .refine((v) => /^https?:\/\/[^\s/]/.test(v) && URL.canParse(v), {
    error: 'must be an http:// or https:// address',
  });

export const CourseBodySchema = z.object({
  title: Title(200),
  summary: Line(300).optional(),
  url: HttpUrl.nullable().optional(),
  evidenceItemId: z.uuid().nullable().optional(),
});
export type CourseBody = z.infer<typeof CourseBodySchema>;

const Ref = z.object({ id: z.string(), name: z.string() });

export const AssignmentSchema = z.object({
  id: z.string(),
  course: z.object({ id: z.string(), kind: z.enum(COURSE_KINDS), title: z.string() }),
  frequency: z.enum(TRAINING_FREQUENCIES),
  dueDays: z.number().int(),
  roles: z.array(z.enum(ROLES)),
  departments: z.array(Ref),
  people: z.array(Ref),
  createdOn: DateOnly,
  createdBy: PersonRef.nullable(),
  assigned: z.number().int(),
  completed: z.number().int(),
  overdue: z.number().int(),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

export const AssignmentBodySchema = z.object({
  courseId: z.string().min(1, { error: 'is required' }).max(100),
  frequency: z.enum(TRAINING_FREQUENCIES),
  dueDays: z
    .number()
    .int({ error: 'must be a whole number of days' })
    .min(1, { error: 'must be at least 1 day' })
    .max(365, { error: 'must be at most 365 days' }),
  roles: z.array(z.enum(ROLES)).max(ROLES.length),
  departmentIds: z.array(z.uuid()).max(200),
  personIds: z.array(z.uuid()).max(1000),
});
export type AssignmentBody = z.infer<typeof AssignmentBodySchema>;

/** One person's training for one assignment and cycle. */
export const PersonTrainingSchema = z.object({
  id: z.string(),
  person: Ref,
  course: z.object({ id: z.string(), kind: z.enum(COURSE_KINDS), title: z.string() }),
  frequency: z.enum(TRAINING_FREQUENCIES),
  status: z.enum(TRAINING_STATUSES),
  assignedOn: DateOnly,
  dueOn: DateOnly,
  failedAttempts: z.number().int(),
  completedOn: DateOnly.nullable(),
  score: z.number().int().nullable(),
  hasCertificate: z.boolean(),
  takesQuiz: z
    .boolean()
    .describe(
      'A built-in module the person passes in Custos (they can sign in); otherwise an official records its completion',
    ),
});
export type PersonTraining = z.infer<typeof PersonTrainingSchema>;

export const RecordCompletionBodySchema = z.object({
  completedOn: DateOnly,
  score: z
    .number()
    .int({ error: 'must be a whole percent' })
    .min(0, { error: 'must be at least 0' })
    .max(100, { error: 'must be at most 100' })
    .nullable()
    .optional(),
});

export const QuizSchema = z.object({
  attemptId: z.string(),
  passMark: z.number().int(),
  questions: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['single', 'multiple']),
      prompt: z.string(),
      options: z.array(z.object({ id: z.string(), text: z.string() })),
    }),
  ),
});
export type Quiz = z.infer<typeof QuizSchema>;

export const QuizAnswersBodySchema = z.object({
  answers: z
    .array(
      z.object({
        questionId: z.string().min(1).max(100),
        optionIds: z.array(z.string().min(1).max(40)).max(10),
      }),
    )
    .max(60),
});

export const QuizResultSchema = z.object({
  score: z.number().int(),
  passMark: z.number().int(),
  passed: z.boolean(),
  correctCount: z.number().int(),
  total: z.number().int(),
  questions: z.array(
    z.object({
      id: z.string(),
      answered: z.boolean(),
      correct: z.boolean(),
      explanation: z.string(),
    }),
  ),
  training: PersonTrainingSchema,
});

export const MyCourseSchema = PersonTrainingSchema.extend({
  summary: z.string(),
  minutes: z.number().int().nullable(),
  passMark: z.number().int().nullable(),
  url: z.string().nullable(),
  pages: z.array(z.object({ title: z.string(), body: z.string().describe('Markdown') })),
  openQuiz: QuizSchema.nullable(),
});

// ---------- routes ----------

const tags = ['training'];
const AssignmentParams = OrgParamsSchema.extend({ assignmentId: z.uuid() });
const TrainingParams = OrgParamsSchema.extend({ personTrainingId: z.uuid() });
const AttemptParams = TrainingParams.extend({ attemptId: z.uuid() });
const invalidates = ['training', 'dashboard'];

/** Security awareness training (164.308(a)(5)): courses, assignments, quizzes, completion. */
export const trainingRoutes = {
  courses: route({
    method: 'GET',
    path: '/api/orgs/:orgId/training/courses',
    tags,
    summary: 'The built-in modules and the external courses of the organization',
    permission: 'training.read',
    params: OrgParamsSchema,
    response: z.object({ data: z.array(CourseSchema) }),
  }),
  createCourse: route({
    method: 'POST',
    path: '/api/orgs/:orgId/training/courses',
    tags,
    summary: 'Add an external course (a link or a file of the evidence vault)',
    permission: 'training.manage',
    params: OrgParamsSchema,
    body: CourseBodySchema,
    status: 201,
    response: CourseSchema,
    audits: ['training_course.created'],
    example: () => ({
      title: 'Annual compliance webinar',
      url: 'https://learning.example/hipaa-webinar',
    }),
    invalidates,
  }),
  assignments: route({
    method: 'GET',
    path: '/api/orgs/:orgId/training/assignments',
    tags,
    summary: 'Training assigned: course, audience, frequency and progress',
    permission: 'training.read',
    params: OrgParamsSchema,
    response: z.object({ data: z.array(AssignmentSchema) }),
  }),
  assign: route({
    method: 'POST',
    path: '/api/orgs/:orgId/training/assignments',
    tags,
    summary: 'Assign a course to roles, departments or people, once, yearly or at hire',
    permission: 'training.manage',
    params: OrgParamsSchema,
    body: AssignmentBodySchema,
    status: 201,
    response: AssignmentSchema,
    audits: ['training_assignment.created'],
    example: (id) => ({
      courseId: 'passwords-mfa',
      frequency: 'yearly',
      dueDays: 30,
      roles: [],
      departmentIds: [id('departmentId')],
      personIds: [],
    }),
    invalidates,
  }),
  endAssignment: route({
    method: 'DELETE',
    path: '/api/orgs/:orgId/training/assignments/:assignmentId',
    tags,
    summary: 'End an assignment: nobody is asked again; what was done is kept',
    permission: 'training.manage',
    params: AssignmentParams,
    status: 204,
    audits: ['training_assignment.ended'],
    invalidates,
  }),
  records: route({
    method: 'GET',
    path: '/api/orgs/:orgId/training/records',
    tags,
    summary: "Each person's training, current cycle, by due date",
    permission: 'training.read',
    params: OrgParamsSchema,
    query: RecordsQuerySchema,
    response: z.object({ data: z.array(PersonTrainingSchema), nextCursor: z.string().nullable() }),
  }),
  completion: route({
    method: 'GET',
    path: '/api/orgs/:orgId/training/completion',
    tags,
    summary: 'Completion rate overall, per course and per department',
    permission: 'training.read',
    params: OrgParamsSchema,
    response: CompletionReportSchema,
  }),
  completionByPerson: route({
    method: 'GET',
    path: '/api/orgs/:orgId/training/completion/people',
    tags,
    summary: 'Completion rate per person, lowest first, a page at a time',
    permission: 'training.read',
    params: OrgParamsSchema,
    query: PersonRatesQuerySchema,
    response: PersonRatesSchema,
  }),
  exportHistory: route({
    method: 'GET',
    path: '/api/orgs/:orgId/training/history.csv',
    tags,
    summary: 'Training history (every cycle and completion) as CSV, for an auditor (audited)',
    permission: 'training.read',
    params: OrgParamsSchema,
    query: HistoryQuerySchema,
    file: true,
    audits: ['training.exported'],
  }),
  recordCompletion: route({
    method: 'POST',
    path: '/api/orgs/:orgId/training/records/:personTrainingId/complete',
    tags,
    summary: 'Record that a person completed an external course (issues the certificate)',
    permission: 'training.record_completion',
    params: TrainingParams,
    body: RecordCompletionBodySchema,
    response: PersonTrainingSchema,
    audits: ['training.completed'],
    example: () => ({ completedOn: '2026-01-15', score: 90 }),
    invalidates,
  }),
  certificate: route({
    method: 'GET',
    path: '/api/orgs/:orgId/training/records/:personTrainingId/certificate.pdf',
    tags,
    summary: 'The certificate of a completion, from the evidence vault (audited)',
    permission: 'training.read',
    params: TrainingParams,
    file: true,
    audits: ['training.certificate_downloaded'],
  }),
  mine: route({
    method: 'GET',
    path: '/api/orgs/:orgId/my-training',
    tags,
    summary: 'The training assigned to me, what to do first at the top',
    permission: 'my_training.read',
    params: OrgParamsSchema,
    response: z.object({ data: z.array(PersonTrainingSchema) }),
  }),
  myCourse: route({
    method: 'GET',
    path: '/api/orgs/:orgId/my-training/:personTrainingId',
    tags,
    summary: 'A course assigned to me: its pages, and my open quiz if any (never its answers)',
    permission: 'my_training.read',
    params: TrainingParams,
    response: MyCourseSchema,
  }),
  startQuiz: route({
    method: 'POST',
    path: '/api/orgs/:orgId/my-training/:personTrainingId/attempts',
    tags,
    summary: 'Draw my quiz (or give back the one I have open): questions and options only',
    permission: 'my_training.take',
    params: TrainingParams,
    status: 201,
    response: QuizSchema,
    audits: ['training.quiz_started'],
    invalidates,
  }),
  submitQuiz: route({
    method: 'POST',
    path: '/api/orgs/:orgId/my-training/:personTrainingId/attempts/:attemptId/submit',
    tags,
    summary: 'Submit my answers: scored on the server; a pass completes the course',
    permission: 'my_training.take',
    params: AttemptParams,
    body: QuizAnswersBodySchema,
    response: QuizResultSchema,
    audits: ['training.quiz_submitted'],
    example: () => ({ answers: [] }),
    invalidates,
  }),
  myCertificate: route({
    method: 'GET',
    path: '/api/orgs/:orgId/my-training/:personTrainingId/certificate.pdf',
    tags,
    summary: 'My certificate of a completed course (audited)',
    permission: 'my_training.read',
    params: TrainingParams,
    file: true,
    audits: ['training.certificate_downloaded'],
  }),
};
