import { z } from 'zod';
import {
  BreachApproveBodySchema,
  BreachDeterminationSchema,
  BreachLetterBodySchema,
  BreachLetterSchema,
  BreachReviseBodySchema,
  BreachStepsBodySchema,
} from './breach-determination-schemas';
import { OrgParamsSchema } from './common';
import { route } from './route';

// The breach determination and the notice letter of an incident (164.402-164.404), part of the
// Incidents routes (contracts/incidents.ts spreads them in).

const tags = ['incidents'];
const IncidentParamsSchema = OrgParamsSchema.extend({ incidentId: z.uuid() });
const invalidates = ['incidents', 'dashboard', 'tasks', 'links'];

const letterFile = (format: 'pdf' | 'docx') =>
  route({
    method: 'GET',
    path: `/api/orgs/:orgId/incidents/:incidentId/breach-letter.${format}`,
    tags,
    summary: `The individual notice letter as ${format.toUpperCase()} (audited)`,
    permission: 'incidents.breach_read',
    params: IncidentParamsSchema,
    file: true,
    audits: ['incident.breach_letter_exported'],
  });

/** The breach routes of an incident. */
export const breachRoutes = {
  breachDeterminations: route({
    method: 'GET',
    path: '/api/orgs/:orgId/incidents/:incidentId/breach-determinations',
    tags,
    summary:
      'Every version of the incident’s breach determination, newest first, with its deadlines',
    permission: 'incidents.breach_read',
    params: IncidentParamsSchema,
    response: z.object({ data: z.array(BreachDeterminationSchema) }),
  }),
  saveBreachSteps: route({
    method: 'PATCH',
    path: '/api/orgs/:orgId/incidents/:incidentId/breach-determination',
    tags,
    summary:
      'Save steps of the draft determination (started if none); 409 once approved: start a new version',
    permission: 'incidents.breach_determine',
    params: IncidentParamsSchema,
    body: BreachStepsBodySchema,
    response: BreachDeterminationSchema,
    audits: ['incident.breach_steps_saved'],
    example: () => ({ phi: { involved: true, unsecured: true, rationale: 'Not encrypted.' } }),
    invalidates,
  }),
  approveBreachDetermination: route({
    method: 'POST',
    path: '/api/orgs/:orgId/incidents/:incidentId/breach-determination/approve',
    tags,
    summary: 'Approve the complete draft: it never changes again (409 when incomplete or approved)',
    permission: 'incidents.breach_approve',
    params: IncidentParamsSchema,
    body: BreachApproveBodySchema,
    response: BreachDeterminationSchema,
    audits: ['incident.breach_determination_approved'],
    example: () => ({ note: 'Reviewed with counsel.' }),
    invalidates,
  }),
  reviseBreachDetermination: route({
    method: 'POST',
    path: '/api/orgs/:orgId/incidents/:incidentId/breach-determinations',
    tags,
    summary: 'Start a new version of an approved determination, with its reason; the old one stays',
    permission: 'incidents.breach_determine',
    params: IncidentParamsSchema,
    body: BreachReviseBodySchema,
    status: 201,
    response: BreachDeterminationSchema,
    audits: ['incident.breach_determination_revised'],
    example: () => ({ reason: 'The forensic report found the files were read.' }),
    invalidates,
  }),
  breachLetter: route({
    method: 'GET',
    path: '/api/orgs/:orgId/incidents/:incidentId/breach-letter',
    tags,
    summary: 'The individual notice letter: as edited, else drawn from the template',
    permission: 'incidents.breach_read',
    params: IncidentParamsSchema,
    response: BreachLetterSchema,
  }),
  saveBreachLetter: route({
    method: 'PUT',
    path: '/api/orgs/:orgId/incidents/:incidentId/breach-letter',
    tags,
    summary: 'Keep the edited individual notice letter',
    permission: 'incidents.breach_determine',
    params: IncidentParamsSchema,
    body: BreachLetterBodySchema,
    response: BreachLetterSchema,
    audits: ['incident.breach_letter_saved'],
    example: () => ({ body: 'Dear patient,\n\nWe are writing to tell you…' }),
    invalidates,
  }),
  breachLetterPdf: letterFile('pdf'),
  breachLetterDocx: letterFile('docx'),
};
