import { z } from 'zod';
import {
  AcceptNewBodySchema,
  InvitationListSchema,
  InvitationLookupSchema,
  InvitationSchema,
  InvitationTokenBodySchema,
  InviteBodySchema,
  MemberChangeBodySchema,
  OutboxListSchema,
} from '../../../contracts/identity';
import { roleOf } from '../../../contracts/roles';
import type { App } from '../../platform/http/app';
import { appendAuditEvent } from '../../platform/audit/append';
import { actingOf } from '../../platform/auth/acting';
import { auditContextOf } from '../../platform/auth/context';
import { setSessionCookie } from '../../platform/auth/hooks';
import { principalOf } from '../../platform/auth/principal';
import type { AppDeps } from '../../platform/deps';
import { listOutbox } from '../../platform/mail/repository';
import { presentInvitation, presentMember, presentOutboxMessage } from './presenter';
import {
  acceptAsMember,
  acceptAsNewUser,
  getInvitations,
  inviteMember,
  lookupInvitation,
  revokeInvitation,
} from './service/invitations';
import { changeMember, removeMember } from './service/members';

const tags = ['members'];
const params = z.object({ orgId: z.uuid() });

export function registerMemberRoutes(app: App, deps: AppDeps): void {
  app.post(
    '/api/orgs/:orgId/invitations',
    {
      config: { permission: 'members.invite' },
      schema: {
        tags,
        summary: 'Invite someone by email',
        params,
        body: InviteBodySchema,
        response: { 201: InvitationSchema },
      },
    },
    async (request, reply) => {
      const row = await inviteMember(
        deps,
        auditContextOf(request),
        principalOf(request),
        actingOf(request),
        request.params.orgId,
        request.body,
      );
      return reply.code(201).send(presentInvitation(row, deps.clock.now()));
    },
  );

  app.get(
    '/api/orgs/:orgId/invitations',
    {
      config: { permission: 'members.read' },
      schema: {
        tags,
        summary: 'Invitations and their state',
        params,
        response: { 200: InvitationListSchema },
      },
    },
    async (request) => ({
      data: (await getInvitations(deps, request.params.orgId)).map((r) =>
        presentInvitation(r, deps.clock.now()),
      ),
    }),
  );

  app.delete(
    '/api/orgs/:orgId/invitations/:invitationId',
    {
      config: { permission: 'members.invite' },
      schema: {
        tags,
        summary: 'Withdraw an invitation',
        params: params.extend({ invitationId: z.uuid() }),
      },
    },
    async (request, reply) => {
      await revokeInvitation(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.invitationId,
      );
      return reply.code(204).send();
    },
  );

  app.patch(
    '/api/orgs/:orgId/members/:memberId',
    {
      config: { permission: 'members.manage' },
      schema: {
        tags,
        summary: "Change a member's role or access end date",
        params: params.extend({ memberId: z.uuid() }),
        body: MemberChangeBodySchema,
      },
    },
    async (request) => {
      const member = await changeMember(
        deps,
        auditContextOf(request),
        principalOf(request),
        actingOf(request),
        request.params.orgId,
        request.params.memberId,
        request.body,
      );
      return presentMember(member);
    },
  );

  app.delete(
    '/api/orgs/:orgId/members/:memberId',
    {
      config: { permission: 'members.manage' },
      schema: {
        tags,
        summary: 'Remove a member (access ends at once)',
        params: params.extend({ memberId: z.uuid() }),
      },
    },
    async (request, reply) => {
      await removeMember(
        deps,
        auditContextOf(request),
        actingOf(request),
        request.params.orgId,
        request.params.memberId,
      );
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/orgs/:orgId/outbox',
    {
      config: { permission: 'outbox.read' },
      schema: {
        tags,
        summary: 'Messages Custos sent or holds (without SMTP)',
        params,
        response: { 200: OutboxListSchema },
      },
    },
    async (request) => {
      const orgId = request.params.orgId;
      // Without SMTP the outbox holds other members' reset links: reading it is an audited sensitive read.
      await deps.database.db.transaction().execute((trx) =>
        appendAuditEvent(trx, deps, auditContextOf(request), {
          orgId,
          action: 'outbox.read',
        }),
      );
      return { data: (await listOutbox(deps.database.db, orgId, 100)).map(presentOutboxMessage) };
    },
  );

  app.post(
    '/api/invitations/lookup',
    {
      config: { permission: 'invitations.lookup' },
      schema: {
        tags,
        summary: 'What an invitation link offers',
        body: InvitationTokenBodySchema,
        response: { 200: InvitationLookupSchema },
      },
    },
    async (request) => {
      const { invitation, status, accountExists } = await lookupInvitation(
        deps,
        request.body.token,
      );
      return {
        orgName: invitation.org_name,
        email: invitation.email,
        role: roleOf(invitation.role),
        status,
        accountExists,
      };
    },
  );

  app.post(
    '/api/invitations/accept-new',
    {
      config: { permission: 'invitations.accept_new' },
      schema: {
        tags,
        summary: 'Accept an invitation with a new account',
        body: AcceptNewBodySchema,
      },
    },
    async (request, reply) => {
      const { token, session } = await acceptAsNewUser(deps, auditContextOf(request), request.body);
      setSessionCookie(request, reply, token, session.expires_at, deps.clock.now());
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/invitations/accept',
    {
      config: { permission: 'invitations.accept' },
      schema: {
        tags,
        summary: 'Accept an invitation as the signed-in user',
        body: InvitationTokenBodySchema,
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const token = await acceptAsMember(
        deps,
        auditContextOf(request),
        principal,
        request.body.token,
      );
      setSessionCookie(request, reply, token, principal.expiresAt, deps.clock.now());
      return reply.code(204).send();
    },
  );
}
