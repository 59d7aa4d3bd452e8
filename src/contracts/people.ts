import { z } from 'zod';
import { OrgParamsSchema } from './common';
import type { Grant } from './grants';
import {
  DepartmentBodySchema,
  DepartmentListSchema,
  DepartmentSchema,
  DepartmentUpdateBodySchema,
  PersonBodySchema,
  PersonListSchema,
  PersonQuerySchema,
  PersonSchema,
  PersonUpdateBodySchema,
  RosterImportQuerySchema,
  RosterImportResultSchema,
} from './people-schemas';
import { route } from './route';

/** Names this feature's folders under src/server/features and src/web/features. */
export const feature = 'people';

// 164.308(a)(3)(ii)(A)–(B): the roster is personnel data; those who run the security program keep
// it, the Privacy Official and auditors read it; contributors and workforce members do not.
const KEEPERS = ['owner', 'admin', 'security_officer'] as const;

/** Who may use what this feature offers (assembled into PERMISSIONS, contracts/permissions.ts). */
export const permissions = {
  'people.read': [...KEEPERS, 'privacy_officer', 'auditor'],
  'people.manage': KEEPERS,
  // Capability checked by the presenter: background-check notes are for the roster's keepers only,
  // readers see the outcome and its date (164.308(a)(3)(ii)(B)).
  'people.read_clearance_notes': KEEPERS,
} as const satisfies Record<string, Grant>;

/** What this feature keeps as the written record of 164.316(b)(1) (contracts/records-kept.ts). */
export const recordsKept = [
  'the workforce roster: who is authorized, supervised and cleared, from when and until when',
] as const;

/** The audit actions this feature writes (assembled into AUDIT_ACTIONS; 164.312(b)). */
export const auditActions = [
  'person.created',
  'person.changed',
  'person.removed',
  'people.imported',
  'people.exported',
  'department.created',
  'department.changed',
  'department.removed',
] as const;
/** What a person reads for each audit action (the audit log, its export). */
export const auditActionLabels: Record<(typeof auditActions)[number], string> = {
  'person.created': 'Person added to the roster',
  'person.changed': 'Roster entry changed',
  'person.removed': 'Person removed from the roster',
  'people.imported': 'Roster imported',
  'people.exported': 'Roster exported',
  'department.created': 'Department added',
  'department.changed': 'Department changed',
  'department.removed': 'Department removed',
};

/** The file types a roster import reads, sent as the request body. */
export const ROSTER_IMPORT_TYPES = [
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;

// ---------- routes ----------

const tags = ['people'];
const departmentTags = ['departments'];
const PersonParamsSchema = OrgParamsSchema.extend({ personId: z.uuid() });
const DepartmentParamsSchema = OrgParamsSchema.extend({ departmentId: z.uuid() });
// The clearance warnings (workforce) follow a person's clearance.
const invalidates = ['people', 'workforce', 'dashboard'];
const exported = (format: 'csv' | 'xlsx') =>
  route({
    method: 'GET',
    path: `/api/orgs/:orgId/people/export.${format}`,
    tags,
    summary: `The roster as ${format.toUpperCase()}, in the import's columns (audited)`,
    permission: 'people.read',
    params: OrgParamsSchema,
    file: true,
    audits: ['people.exported'],
  });

/** The workforce roster and its departments (164.308(a)(3)). */
export const peopleRoutes = {
  list: route({
    method: 'GET',
    path: '/api/orgs/:orgId/people',
    tags,
    summary: 'The roster, filtered and paged by reference',
    permission: 'people.read',
    params: OrgParamsSchema,
    query: PersonQuerySchema,
    response: PersonListSchema,
  }),
  create: route({
    method: 'POST',
    path: '/api/orgs/:orgId/people',
    tags,
    summary: 'Add a person to the roster',
    permission: 'people.manage',
    params: OrgParamsSchema,
    body: PersonBodySchema,
    status: 201,
    response: PersonSchema,
    audits: ['person.created'],
    example: (id) => ({
      kind: 'contractor',
      name: 'Jordan Blake',
      email: 'jordan.blake@it-partner.example',
      jobRole: 'EHR integration engineer',
      departmentId: id('departmentId'),
      startDate: '2026-01-05',
      clearanceOutcome: 'cleared',
      clearanceDate: '2025-12-20',
    }),
    invalidates,
  }),
  exportCsv: exported('csv'),
  exportXlsx: exported('xlsx'),
  import: route({
    method: 'POST',
    path: '/api/orgs/:orgId/people/import',
    tags,
    summary: 'Import the roster from CSV or XLSX: preview, or apply every row or none',
    description: `Send the file as the body with content-type text/csv or ${ROSTER_IMPORT_TYPES[1]}. A row matches a person by employee_id, then by email; a column left out of the file changes nothing.`,
    permission: 'people.manage',
    params: OrgParamsSchema,
    query: RosterImportQuerySchema,
    exampleQuery: { mode: 'commit' },
    upload: true,
    response: RosterImportResultSchema,
    // Written by ?mode=commit only; a preview writes nothing.
    audits: ['people.imported', 'department.created'],
    example: () =>
      'employee_id,name,kind,email,department,job_role,start_date\n' +
      'E-9001,Avery Quinn,employee,avery.quinn@example.org,Front desk,Receptionist,2026-02-02\n' +
      'V-9002,Rowan Patel,volunteer,,Volunteers,Greeter,2026-02-09\n',
    invalidates,
  }),
  get: route({
    method: 'GET',
    path: '/api/orgs/:orgId/people/:personId',
    tags,
    summary: 'One person of the roster',
    permission: 'people.read',
    params: PersonParamsSchema,
    response: PersonSchema,
  }),
  update: route({
    method: 'PATCH',
    path: '/api/orgs/:orgId/people/:personId',
    tags,
    summary: 'Change a person of the roster',
    permission: 'people.manage',
    params: PersonParamsSchema,
    body: PersonUpdateBodySchema,
    response: PersonSchema,
    audits: ['person.changed'],
    example: () => ({ jobRole: 'Charge nurse', supervisionNote: 'Supervised by the head nurse.' }),
    invalidates,
  }),
  remove: route({
    method: 'DELETE',
    path: '/api/orgs/:orgId/people/:personId',
    tags,
    summary: 'Remove a person added by mistake (someone who left gets an end date instead)',
    permission: 'people.manage',
    params: PersonParamsSchema,
    status: 204,
    audits: ['person.removed'],
    invalidates,
  }),
  listDepartments: route({
    method: 'GET',
    path: '/api/orgs/:orgId/departments',
    tags: departmentTags,
    summary: 'The departments, archived ones included, with how many people each has',
    permission: 'people.read',
    params: OrgParamsSchema,
    response: DepartmentListSchema,
  }),
  createDepartment: route({
    method: 'POST',
    path: '/api/orgs/:orgId/departments',
    tags: departmentTags,
    summary: 'Add a department',
    permission: 'people.manage',
    params: OrgParamsSchema,
    body: DepartmentBodySchema,
    status: 201,
    response: DepartmentSchema,
    audits: ['department.created'],
    example: () => ({ name: 'Billing office' }),
    invalidates,
  }),
  updateDepartment: route({
    method: 'PATCH',
    path: '/api/orgs/:orgId/departments/:departmentId',
    tags: departmentTags,
    summary: 'Rename or archive a department',
    permission: 'people.manage',
    params: DepartmentParamsSchema,
    body: DepartmentUpdateBodySchema,
    response: DepartmentSchema,
    audits: ['department.changed'],
    example: () => ({ name: 'Front desk and scheduling' }),
    invalidates,
  }),
  removeDepartment: route({
    method: 'DELETE',
    path: '/api/orgs/:orgId/departments/:departmentId',
    tags: departmentTags,
    summary: 'Delete a department nobody is in (409 otherwise: archive it instead)',
    permission: 'people.manage',
    params: DepartmentParamsSchema,
    status: 204,
    audits: ['department.removed'],
    invalidates,
  }),
};
