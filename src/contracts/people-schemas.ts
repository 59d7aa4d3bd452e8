import { z } from 'zod';
import { DateOnly, Line, PersonRef, Text, Title } from './common';
import { NumberCursorSchema } from './pagination';

/** Who is on the roster: the workforce of 164.103 (employees, volunteers, trainees…). */
export const PERSON_KINDS = ['employee', 'contractor', 'volunteer', 'trainee', 'student'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];
export const PERSON_KIND_LABELS: Record<PersonKind, string> = {
  employee: 'Employee',
  contractor: 'Contractor',
  volunteer: 'Volunteer',
  trainee: 'Trainee',
  student: 'Student',
};

/** 164.308(a)(3)(ii)(B) workforce clearance: the outcome of a background check. */
export const CLEARANCE_OUTCOMES = ['cleared', 'not_cleared', 'waived', 'pending'] as const;
export type ClearanceOutcome = (typeof CLEARANCE_OUTCOMES)[number];
export const CLEARANCE_OUTCOME_LABELS: Record<ClearanceOutcome, string> = {
  cleared: 'Cleared',
  not_cleared: 'Not cleared',
  waived: 'Waived',
  pending: 'Pending',
};

/**
 * Derived from the dates in the organization's time zone: starting before the start date, ended
 * after the end date (the end date is the last day worked), active otherwise.
 */
export const PERSON_STATUSES = ['active', 'starting', 'ended'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];
export const PERSON_STATUS_LABELS: Record<PersonStatus, string> = {
  active: 'Active',
  starting: 'Starting',
  ended: 'Ended',
};

const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, { error: 'must be at most 254 characters' })
  .pipe(z.email({ error: 'must be an email address' }));

export const PersonBodySchema = z.object({
  kind: z.enum(PERSON_KINDS),
  name: Title(200),
  email: Email.nullable().optional(),
  employeeId: Line(64)
    .nullable()
    .optional()
    .describe('Unique in the organization when set; empty means none'),
  jobRole: Line(200).optional(),
  departmentId: z.uuid({ error: 'must be a department id' }).nullable().optional(),
  managerId: z.uuid({ error: 'must be a person id' }).nullable().optional(),
  location: Line(200).optional(),
  startDate: DateOnly.nullable().optional(),
  endDate: DateOnly.nullable().optional().describe('The last day worked'),
  clearanceOutcome: z.enum(CLEARANCE_OUTCOMES).nullable().optional(),
  clearanceDate: DateOnly.nullable().optional().describe('When the background check concluded'),
  clearanceNote: Text(5000).optional(),
  authorizationNote: Text(5000)
    .optional()
    .describe('What the person is authorized to do and access (164.308(a)(3)(ii)(A))'),
  supervisionNote: Text(5000)
    .optional()
    .describe('Who supervises the person where ePHI is reachable (164.308(a)(3)(ii)(A))'),
  userId: z
    .uuid({ error: 'must be a member id' })
    .nullable()
    .optional()
    .describe("The person's Custos account; left out, a member with the same email is linked"),
});
export type PersonBody = z.infer<typeof PersonBodySchema>;

export const PersonUpdateBodySchema = PersonBodySchema.partial();
export type PersonUpdateBody = z.infer<typeof PersonUpdateBodySchema>;

const NamedRef = z.object({ id: z.string(), name: z.string() });

export const PersonSchema = z.object({
  id: z.string(),
  reference: z.string().describe('PERSON-n, per organization'),
  kind: z.enum(PERSON_KINDS),
  name: z.string(),
  email: z.string().nullable(),
  employeeId: z.string().nullable(),
  jobRole: z.string(),
  department: NamedRef.nullable(),
  manager: NamedRef.extend({ reference: z.string() }).nullable(),
  location: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  status: z.enum(PERSON_STATUSES),
  clearanceOutcome: z.enum(CLEARANCE_OUTCOMES).nullable(),
  clearanceDate: z.string().nullable(),
  clearanceNote: z
    .string()
    .nullable()
    .describe(
      'null when the caller may not read clearance notes (owner, admin, Security Official)',
    ),
  authorizationNote: z.string(),
  supervisionNote: z.string(),
  user: PersonRef.nullable().describe('The linked Custos account, a member of this organization'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Person = z.infer<typeof PersonSchema>;

export const PersonListSchema = z.object({
  data: z.array(PersonSchema),
  nextCursor: z.string().nullable(),
});

export const PersonQuerySchema = z.object({
  q: z.string().trim().max(200).optional().describe('Words in name, email, employee id or role'),
  kind: z.enum(PERSON_KINDS).optional(),
  status: z.enum(PERSON_STATUSES).optional(),
  departmentId: z.union([z.uuid(), z.literal('none')]).optional(),
  cursor: NumberCursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type PersonQuery = z.infer<typeof PersonQuerySchema>;

// ---------- departments ----------

export const DepartmentBodySchema = z.object({ name: Title(120) });
export const DepartmentUpdateBodySchema = z.object({
  name: Title(120).optional(),
  archived: z.boolean().optional().describe('An archived department takes no new people'),
});
export type DepartmentUpdateBody = z.infer<typeof DepartmentUpdateBodySchema>;
export const DepartmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  archived: z.boolean(),
  people: z.number().int().describe('People on the roster in it, ended ones included'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Department = z.infer<typeof DepartmentSchema>;
export const DepartmentListSchema = z.object({ data: z.array(DepartmentSchema) });

// ---------- import and export ----------

/** Columns of a roster import and export (CSV or XLSX), in the template's order. */
export const ROSTER_COLUMNS = [
  'employee_id',
  'name',
  'kind',
  'email',
  'job_role',
  'department',
  'manager',
  'location',
  'start_date',
  'end_date',
  'clearance_outcome',
  'clearance_date',
  'clearance_note',
  'authorization_note',
  'supervision_note',
] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];
/** What an import may change: the columns, and the Custos account linked by email. */
export const ROSTER_CHANGES = [...ROSTER_COLUMNS, 'account'] as const;
export type RosterChange = (typeof ROSTER_CHANGES)[number];
/** The columns as people read them (the import preview names what changes). */
export const ROSTER_CHANGE_LABELS: Record<RosterChange, string> = {
  employee_id: 'employee id',
  name: 'name',
  kind: 'kind',
  email: 'email',
  job_role: 'job role',
  department: 'department',
  manager: 'manager',
  location: 'location',
  start_date: 'start date',
  end_date: 'end date',
  clearance_outcome: 'clearance outcome',
  clearance_date: 'clearance date',
  clearance_note: 'clearance note',
  authorization_note: 'authorization note',
  supervision_note: 'supervision note',
  account: 'linked Custos account',
};

export const ROSTER_IMPORT_ACTIONS = ['create', 'change', 'unchanged'] as const;
export const ROSTER_IMPORT_ACTION_LABELS: Record<(typeof ROSTER_IMPORT_ACTIONS)[number], string> = {
  create: 'Added',
  change: 'Changed',
  unchanged: 'Left alone',
};

export const RosterImportResultSchema = z.object({
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
  created: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  departmentsCreated: z.array(z.string()).describe('Departments the file names that do not exist'),
  items: z
    .array(
      z.object({
        row: z.number().int(),
        action: z.enum(ROSTER_IMPORT_ACTIONS),
        reference: z.string().nullable().describe('The matched person; null for a new one'),
        name: z.string(),
        columns: z.array(z.enum(ROSTER_CHANGES)).describe('The columns a change sets'),
      }),
    )
    .describe('The first 500 rows that add or change someone, in file order'),
  applied: z.boolean().describe('True once written (mode=commit)'),
});
export type RosterImportResult = z.infer<typeof RosterImportResultSchema>;

export const RosterImportQuerySchema = z.object({
  mode: z.enum(['preview', 'commit']).default('preview'),
});
