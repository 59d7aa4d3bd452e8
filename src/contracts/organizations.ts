import { z } from 'zod';
import { Email, LinkToken, Name, Password } from './auth-schemas';
import { DateOnly, OrgParamsSchema, Required, TimeZone } from './common';
import { route } from './route';
import { ROLES } from './roles';
import { ADMINS, EVERY_ROLE, STAFF_READERS, type Grant } from './grants';
import { IssuedPasswordResetSchema } from './password-reset-notices';

/** Names this feature's folders under src/server/features and src/web/features. */
export const feature = 'organizations';

/** Who may use what this feature offers (assembled into PERMISSIONS, contracts/permissions.ts). */
export const permissions = {
  'organization.read': EVERY_ROLE,
  'organization.settings.update': ADMINS,
  'organization.profile.update': [...ADMINS, 'security_officer'],
  // Contributors pick owners for safeguards and tasks, so they see who the members are.
  'members.read': STAFF_READERS,
  'members.invite': ADMINS,
  'members.manage': ADMINS,
  // Capability checked inside member management: only owners grant, change or remove ownership.
  'members.manage_owners': ['owner'],
  // 164.308(a)(5)(ii)(D): a one-time reset link for a member, when SMTP cannot reach them.
  'members.reset_password': ADMINS,
  'invitations.lookup': 'public',
  'invitations.accept_new': 'public',
  'invitations.accept': 'authenticated',
  // The outbox holds every message sent (invitations, resets without their links): owners only.
  'outbox.read': ['owner'],
} as const satisfies Record<string, Grant>;

// Held by a signed-in person only, never an API token: it is a person's own act (design.md §6.2).
export const personOnly = [
  // The outbox holds invitation links: a token reading it could join as the invitee.
  'outbox.read',
  // A token acting is not a person re-authenticating: a reset link would take over an account.
  'members.reset_password',
] as const satisfies readonly (keyof typeof permissions)[];

/** What this feature keeps as the written record of 164.316(b)(1) (contracts/records-kept.ts). */
export const recordsKept = ["the Security Official's designation and its date"] as const;

/** The audit actions this feature writes (assembled into AUDIT_ACTIONS, contracts/audit-actions.ts). */
export const auditActions = [
  'organization.created',
  'organization.settings_changed',
  'organization.profile_changed',
  'invitation.created',
  'invitation.revoked',
  'membership.created',
  'membership.changed',
  'membership.removed',
  'outbox.read',
  'user.password_reset_issued',
] as const;
/** What a person reads for each of this feature's audit actions (the audit log, its export). */
export const auditActionLabels: Record<(typeof auditActions)[number], string> = {
  'organization.created': 'Organization created',
  'organization.settings_changed': 'Security settings changed',
  'organization.profile_changed': 'Organization profile changed',
  'invitation.created': 'Invitation sent',
  'invitation.revoked': 'Invitation revoked',
  'membership.created': 'Member joined',
  'membership.changed': "Member's role changed",
  'membership.removed': 'Member removed',
  'outbox.read': 'Outbox read',
  'user.password_reset_issued': 'Password reset link issued for a member',
};

export const OrganizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  idleTimeoutMinutes: z.number().int(),
  mfaRequired: z.boolean(),
  escalateOverdueAfterDays: z
    .number()
    .int()
    .describe('Days a task may be overdue before the Security Official is notified'),
  createdAt: z.iso.datetime(),
});
export type Organization = z.infer<typeof OrganizationSchema>;

export const OrganizationSettingsBodySchema = z
  .object({
    // 164.312(a)(2)(iii): automatic logoff after 5 to 60 minutes without activity.
    idleTimeoutMinutes: z
      .number({ error: 'must be a whole number of minutes' })
      .int({ error: 'must be a whole number of minutes' })
      .min(5, { error: 'must be at least 5 minutes' })
      .max(60, { error: 'must be at most 60 minutes' })
      .optional(),
    // 164.312(d): members must use a second factor to reach this organization.
    mfaRequired: z.boolean({ error: 'must be true or false' }).optional(),
    escalateOverdueAfterDays: z
      .number({ error: 'must be a whole number' })
      .int({ error: 'must be a whole number' })
      .min(1, { error: 'must be at least 1 day' })
      .max(90, { error: 'must be at most 90 days' })
      .optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    error: 'names no setting to change',
  });
export type OrganizationSettings = z.infer<typeof OrganizationSettingsBodySchema>;

export const MemberSchema = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  accessExpiresAt: z.iso.datetime().nullable(),
  since: z.iso.datetime(),
});
export type Member = z.infer<typeof MemberSchema>;
export const MemberListSchema = z.object({ data: z.array(MemberSchema) });

const FutureInstant = z.iso.datetime({ error: 'must be an ISO-8601 instant' });

export const InviteBodySchema = z.object({
  email: Email,
  role: z.enum(ROLES, { error: 'must be one of the roles' }),
  accessExpiresAt: FutureInstant.optional().describe(
    'Required for auditors: their access ends then',
  ),
});
export type InviteBody = z.infer<typeof InviteBodySchema>;

export const INVITATION_STATUSES = ['pending', 'expired', 'accepted', 'revoked'] as const;
export const INVITATION_STATUS_LABELS: Record<(typeof INVITATION_STATUSES)[number], string> = {
  pending: 'Pending',
  expired: 'Expired',
  accepted: 'Accepted',
  revoked: 'Revoked',
};
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const InvitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  accessExpiresAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  status: z.enum(INVITATION_STATUSES),
});
export type Invitation = z.infer<typeof InvitationSchema>;
export const InvitationListSchema = z.object({ data: z.array(InvitationSchema) });

export const InvitationTokenBodySchema = z.object({ token: LinkToken });
export const InvitationLookupSchema = z.object({
  orgName: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  status: z.enum(INVITATION_STATUSES),
  accountExists: z.boolean(),
});
export const AcceptNewBodySchema = z.object({ token: LinkToken, name: Name, password: Password });
export type AcceptNewBody = z.infer<typeof AcceptNewBodySchema>;

export const MemberChangeBodySchema = z
  .object({
    role: z.enum(ROLES, { error: 'must be one of the roles' }).optional(),
    accessExpiresAt: FutureInstant.nullable().optional(),
  })
  .refine((b) => b.role !== undefined || b.accessExpiresAt !== undefined, {
    error: 'names nothing to change',
  });
export type MemberChange = z.infer<typeof MemberChangeBodySchema>;

export const OutboxMessageSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  body: z
    .string()
    .nullable()
    .describe('Null when the message carries a link only its recipient may use (a password reset)'),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
  error: z.string().nullable(),
});
export const OutboxListSchema = z.object({ data: z.array(OutboxMessageSchema) });

// ---------- the organization profile ----------

export const ENTITY_TYPES = [
  'provider',
  'health_plan',
  'clearinghouse',
  'business_associate',
  'hybrid',
] as const;
export const ENTITY_TYPE_LABELS: Record<EntityType, string> = {
  provider: 'Covered entity: health care provider',
  health_plan: 'Covered entity: health plan',
  clearinghouse: 'Covered entity: health care clearinghouse',
  business_associate: 'Business associate',
  hybrid: 'Hybrid entity',
};
export type EntityType = (typeof ENTITY_TYPES)[number];
export const ORGANIZATION_SIZES = ['1-10', '11-50', '51-200', '201-1000', '1000+'] as const;
export type OrganizationSize = (typeof ORGANIZATION_SIZES)[number];
export const ORGANIZATION_SIZE_LABELS: Record<OrganizationSize, string> = {
  '1-10': '1 to 10 people',
  '11-50': '11 to 50 people',
  '51-200': '51 to 200 people',
  '201-1000': '201 to 1,000 people',
  '1000+': 'More than 1,000 people',
};

const OfficialSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  since: z.string().nullable().describe('Appointment date'),
});

export const OrganizationProfileSchema = z.object({
  name: z.string(),
  entityType: z.enum(ENTITY_TYPES).nullable(),
  includesGroupHealthPlan: z.boolean(),
  includesClearinghouse: z.boolean(),
  size: z.enum(ORGANIZATION_SIZES).nullable(),
  locations: z.array(z.string()),
  timeZone: z.string(),
  securityOfficial: OfficialSchema.nullable().describe('164.308(a)(2)'),
  privacyOfficial: OfficialSchema.nullable().describe('164.530(a)'),
});
export type OrganizationProfile = z.infer<typeof OrganizationProfileSchema>;

const OfficialBody = z.object({
  userId: z.uuid({ error: 'must be a member id' }),
  since: DateOnly,
});

export const OrganizationProfileBodySchema = z.object({
  name: Required(200).optional(),
  entityType: z.enum(ENTITY_TYPES).nullable().optional(),
  includesGroupHealthPlan: z.boolean().optional(),
  includesClearinghouse: z.boolean().optional(),
  size: z.enum(ORGANIZATION_SIZES).nullable().optional(),
  locations: z.array(Required(200)).max(100).optional(),
  timeZone: TimeZone.optional(),
  securityOfficial: OfficialBody.nullable().optional(),
  privacyOfficial: OfficialBody.nullable().optional(),
});
export type OrganizationProfileBody = z.infer<typeof OrganizationProfileBodySchema>;

// ---------- routes ----------

const members = ['members'];
const organizations = ['organizations'];
const MemberParamsSchema = OrgParamsSchema.extend({ memberId: z.uuid() });
// The session lists the organizations, their names and their sign-in rules (GET /api/me).
const session = ['auth'];

// Operations sharing a path keep their order (POST before GET for invitations): the OpenAPI
// document lists a path's methods in registration order.
/** Organizations, their profile and security settings, members, invitations and the outbox. */
export const organizationRoutes = {
  get: route({
    method: 'GET',
    path: '/api/orgs/:orgId',
    tags: organizations,
    summary: 'An organization',
    permission: 'organization.read',
    params: OrgParamsSchema,
    response: OrganizationSchema,
  }),
  updateSettings: route({
    method: 'PATCH',
    path: '/api/orgs/:orgId/settings',
    tags: organizations,
    summary: 'Change security settings (automatic logoff)',
    permission: 'organization.settings.update',
    params: OrgParamsSchema,
    body: OrganizationSettingsBodySchema,
    response: OrganizationSchema,
    audits: ['organization.settings_changed'],
    example: () => ({ idleTimeoutMinutes: 10 }),
    invalidates: session,
  }),
  profile: route({
    method: 'GET',
    path: '/api/orgs/:orgId/profile',
    tags: organizations,
    summary: 'The organization profile: entity type, size, locations, officials',
    permission: 'organization.read',
    params: OrgParamsSchema,
    response: OrganizationProfileSchema,
  }),
  updateProfile: route({
    method: 'PATCH',
    path: '/api/orgs/:orgId/profile',
    tags: organizations,
    summary: 'Change the organization profile or designate its officials',
    permission: 'organization.profile.update',
    params: OrgParamsSchema,
    body: OrganizationProfileBodySchema,
    response: OrganizationProfileSchema,
    audits: ['organization.profile_changed', 'safeguard.changed'],
    example: () => ({
      size: '11-50',
      locations: ['Riverside Main Clinic', 'Eastside Satellite Office'],
    }),
    // The entity type decides what applies, the time zone what is overdue, the Security
    // Official's designation records 164.308(a)(2), and the name shows in reports and menus.
    invalidates: ['dashboard', 'safeguards', 'tasks', 'risks', 'risk-assessments', 'auth'],
  }),
  members: route({
    method: 'GET',
    path: '/api/orgs/:orgId/members',
    tags: organizations,
    summary: 'Members and their roles',
    permission: 'members.read',
    params: OrgParamsSchema,
    response: MemberListSchema,
  }),
  changeMember: route({
    method: 'PATCH',
    path: '/api/orgs/:orgId/members/:memberId',
    tags: members,
    summary: "Change a member's role or access end date",
    permission: 'members.manage',
    params: MemberParamsSchema,
    body: MemberChangeBodySchema,
    // A member whose new role cannot complete tasks hands their open tasks on.
    audits: ['membership.changed', 'task.changed'],
    // An end date for someone whose engagement ends (an auditor's is required).
    example: () => ({ accessExpiresAt: '2027-06-30T23:59:59.000Z' }),
    invalidates: [...session, 'tasks', 'dashboard'],
  }),
  removeMember: route({
    method: 'DELETE',
    path: '/api/orgs/:orgId/members/:memberId',
    tags: members,
    summary: 'Remove a member (access ends at once)',
    permission: 'members.manage',
    params: MemberParamsSchema,
    status: 204,
    // Their open tasks go to the Security Official (tasks/handover.ts).
    audits: ['membership.removed', 'task.changed'],
    invalidates: [...session, 'tasks', 'dashboard'],
  }),
  invite: route({
    method: 'POST',
    path: '/api/orgs/:orgId/invitations',
    tags: members,
    summary: 'Invite someone by email',
    permission: 'members.invite',
    params: OrgParamsSchema,
    body: InviteBodySchema,
    status: 201,
    response: InvitationSchema,
    audits: ['invitation.created'],
    example: () => ({ email: 'rosa.delgado@riverside-clinic.example', role: 'workforce' }),
  }),
  invitations: route({
    method: 'GET',
    path: '/api/orgs/:orgId/invitations',
    tags: members,
    summary: 'Invitations and their state',
    permission: 'members.read',
    params: OrgParamsSchema,
    response: InvitationListSchema,
  }),
  withdrawInvitation: route({
    method: 'DELETE',
    path: '/api/orgs/:orgId/invitations/:invitationId',
    tags: members,
    summary: 'Withdraw an invitation',
    permission: 'members.invite',
    params: OrgParamsSchema.extend({ invitationId: z.uuid() }),
    status: 204,
    audits: ['invitation.revoked'],
  }),
  resetMemberPassword: route({
    method: 'POST',
    path: '/api/orgs/:orgId/members/:memberId/password-reset',
    tags: members,
    summary: "Issue a one-time link to reset a member's password",
    permission: 'members.reset_password',
    params: MemberParamsSchema,
    status: 201,
    response: IssuedPasswordResetSchema,
    audits: ['user.password_reset_issued'],
  }),
  outbox: route({
    method: 'GET',
    path: '/api/orgs/:orgId/outbox',
    tags: members,
    summary: 'Messages Custos sent or holds (without SMTP)',
    permission: 'outbox.read',
    params: OrgParamsSchema,
    response: OutboxListSchema,
    // Without SMTP the outbox holds invitation links (never reset links): an audited read.
    audits: ['outbox.read'],
  }),
  lookupInvitation: route({
    method: 'POST',
    path: '/api/invitations/lookup',
    tags: members,
    summary: 'What an invitation link offers',
    permission: 'invitations.lookup',
    body: InvitationTokenBodySchema,
    response: InvitationLookupSchema,
    // A read sent as POST so that the token stays out of the logged path: it writes nothing.
    example: () => ({ token: 'Qm8xV2c5Tn4kR7pL1sD3fG6hJ0aZ' }),
  }),
  acceptInvitationAsNew: route({
    method: 'POST',
    path: '/api/invitations/accept-new',
    tags: members,
    summary: 'Accept an invitation with a new account',
    permission: 'invitations.accept_new',
    body: AcceptNewBodySchema,
    status: 204,
    audits: ['membership.created'],
    example: () => ({
      token: 'Qm8xV2c5Tn4kR7pL1sD3fG6hJ0aZ',
      name: 'Rosa Delgado',
      password: 'harbor violet compass 1987',
    }),
    invalidates: session,
  }),
  acceptInvitation: route({
    method: 'POST',
    path: '/api/invitations/accept',
    tags: members,
    summary: 'Accept an invitation as the signed-in user',
    permission: 'invitations.accept',
    body: InvitationTokenBodySchema,
    status: 204,
    audits: ['membership.created'],
    example: () => ({ token: 'Qm8xV2c5Tn4kR7pL1sD3fG6hJ0aZ' }),
    invalidates: session,
  }),
};
