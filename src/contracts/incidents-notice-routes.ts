import { z } from 'zod';
import { US_JURISDICTION_CODES } from './breach-deadlines';
import { BreachLetterBodySchema, BreachLetterSchema } from './breach-determination-schemas';
import {
  BreachNoticeBodySchema,
  BreachNoticeCorrectionSchema,
  BreachNoticesSchema,
  NoticeRecordedSchema,
  PortalFactsSchema,
  UnreachableBodySchema,
} from './breach-notice-schemas';
import { OrgParamsSchema } from './common';
import { route } from './route';

// The notices of a breach as sent, substitute notice, the media notice and the HHS portal facts
// (issue 16 part 5; 164.404-164.410, to be checked), part of the Incidents routes.

const tags = ['incidents'];
const IncidentParamsSchema = OrgParamsSchema.extend({ incidentId: z.uuid() });
const NoticeParamsSchema = IncidentParamsSchema.extend({ noticeId: z.uuid() });
const StateParamsSchema = IncidentParamsSchema.extend({ state: z.enum(US_JURISDICTION_CODES) });
const invalidates = ['incidents', 'dashboard', 'tasks', 'links'];
const base = '/api/orgs/:orgId/incidents/:incidentId';

const mediaFile = (format: 'pdf' | 'docx') =>
  route({
    method: 'GET',
    path: `${base}/breach-media-notices/:state/media-notice.${format}`,
    tags,
    summary: `The media notice for a State as ${format.toUpperCase()} (audited)`,
    permission: 'incidents.breach_read',
    params: StateParamsSchema,
    file: true,
    audits: ['incident.breach_media_notice_exported'],
  });

/** The notice routes of an incident. */
export const noticeRoutes = {
  breachNotices: route({
    method: 'GET',
    path: `${base}/breach-notices`,
    tags,
    summary: 'The notices sent, where each deadline stands, and the substitute-notice guidance',
    permission: 'incidents.breach_read',
    params: IncidentParamsSchema,
    response: BreachNoticesSchema,
  }),
  recordBreachNotice: route({
    method: 'POST',
    path: `${base}/breach-notices`,
    tags,
    summary: 'Record a notice sent; completes the matching deadline task once the duty is met',
    permission: 'incidents.breach_determine',
    params: IncidentParamsSchema,
    body: BreachNoticeBodySchema,
    status: 201,
    response: NoticeRecordedSchema,
    audits: ['incident.breach_notice_recorded'],
    example: () => ({ kind: 'hhs', sentOn: '2026-01-01', channel: 'HHS breach portal' }),
    invalidates,
  }),
  correctBreachNotice: route({
    method: 'PUT',
    path: `${base}/breach-notices/:noticeId`,
    tags,
    summary: 'Correct a recorded notice, with the reason (the audit trail keeps what it said)',
    permission: 'incidents.breach_determine',
    params: NoticeParamsSchema,
    body: BreachNoticeCorrectionSchema,
    response: NoticeRecordedSchema,
    audits: ['incident.breach_notice_corrected'],
    example: () => ({
      kind: 'hhs',
      sentOn: '2026-01-01',
      channel: 'HHS breach portal',
      reason: 'The portal confirmation shows the day before.',
    }),
    invalidates,
  }),
  removeBreachNotice: route({
    method: 'DELETE',
    path: `${base}/breach-notices/:noticeId`,
    tags,
    summary:
      'Take back a notice recorded by mistake within 24 hours by whoever recorded it; otherwise kept six years (409)',
    permission: 'incidents.breach_determine',
    params: NoticeParamsSchema,
    status: 204,
    audits: ['incident.breach_notice_removed'],
    invalidates,
  }),
  saveBreachUnreachable: route({
    method: 'PUT',
    path: `${base}/breach-unreachable`,
    tags,
    summary:
      'How many affected people cannot be reached (out-of-date or missing contact information)',
    permission: 'incidents.breach_determine',
    params: IncidentParamsSchema,
    body: UnreachableBodySchema,
    response: BreachNoticesSchema,
    audits: ['incident.breach_unreachable_saved'],
    example: () => ({ unreachable: 12 }),
    invalidates,
  }),
  breachPortalFacts: route({
    method: 'GET',
    path: `${base}/breach-portal-facts`,
    tags,
    summary: 'What the HHS breach portal asks for, filled from the incident (to be checked)',
    permission: 'incidents.breach_read',
    params: IncidentParamsSchema,
    response: PortalFactsSchema,
  }),
  breachMediaNotice: route({
    method: 'GET',
    path: `${base}/breach-media-notices/:state`,
    tags,
    summary: 'The media notice (press release) for a State: as edited, else from the template',
    permission: 'incidents.breach_read',
    params: StateParamsSchema,
    response: BreachLetterSchema,
  }),
  saveBreachMediaNotice: route({
    method: 'PUT',
    path: `${base}/breach-media-notices/:state`,
    tags,
    summary: 'Keep the edited media notice for a State',
    permission: 'incidents.breach_determine',
    params: StateParamsSchema,
    body: BreachLetterBodySchema,
    response: BreachLetterSchema,
    audits: ['incident.breach_media_notice_saved'],
    example: () => ({ body: 'FOR IMMEDIATE RELEASE\n\nRiverside Clinic notifies…' }),
    invalidates,
  }),
  breachMediaNoticePdf: mediaFile('pdf'),
  breachMediaNoticeDocx: mediaFile('docx'),
};
