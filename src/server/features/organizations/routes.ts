import { organizationRoutes } from '../../../contracts/organizations';
import { actingOf } from '../../platform/auth/acting';
import { auditContextOf } from '../../platform/auth/context';
import { setSessionCookie } from '../../platform/auth/hooks';
import { principalOf } from '../../platform/auth/principal';
import type { AppDeps } from '../../platform/deps';
import type { App } from '../../platform/http/app';
import { registerRoutes } from '../../platform/http/contract-routes';
import {
  acceptAsMember,
  acceptAsNewUser,
  getInvitations,
  inviteMember,
  lookupInvitation,
  revokeInvitation,
} from './service/invitations';
import { issueMemberPasswordReset } from './service/member-password-reset';
import { changeMember, getMembers, removeMember } from './service/members';
import { getOrganization, updateSettings } from './service/organization';
import { readOutbox } from './service/outbox';
import { getProfile, updateProfile } from './service/profile';

export function registerOrganizationRoutes(app: App, deps: AppDeps): void {
  registerRoutes(app, organizationRoutes, {
    get: (request) => getOrganization(deps, request.params.orgId),
    updateSettings: (request) =>
      updateSettings(
        deps,
        auditContextOf(request),
        principalOf(request),
        request.params.orgId,
        request.body,
      ),
    profile: (request) => getProfile(deps, request.params.orgId),
    updateProfile: (request) =>
      updateProfile(deps, auditContextOf(request), request.params.orgId, request.body),
    members: (request) => getMembers(deps, request.params.orgId),
    changeMember: (request) =>
      changeMember(
        deps,
        auditContextOf(request),
        principalOf(request),
        actingOf(request),
        request.params.orgId,
        request.params.memberId,
        request.body,
      ),
    removeMember: (request) =>
      removeMember(
        deps,
        auditContextOf(request),
        actingOf(request),
        request.params.orgId,
        request.params.memberId,
      ),
    invitations: (request) => getInvitations(deps, request.params.orgId),
    invite: (request) =>
      inviteMember(
        deps,
        auditContextOf(request),
        principalOf(request),
        actingOf(request),
        request.params.orgId,
        request.body,
      ),
    withdrawInvitation: (request) =>
      revokeInvitation(
        deps,
        auditContextOf(request),
        request.params.orgId,
        request.params.invitationId,
      ),
    resetMemberPassword: (request) =>
      issueMemberPasswordReset(
        deps,
        auditContextOf(request),
        principalOf(request),
        actingOf(request),
        request.params.orgId,
        request.params.memberId,
      ),
    outbox: (request) => readOutbox(deps, auditContextOf(request), request.params.orgId),
    lookupInvitation: (request) => lookupInvitation(deps, request.body.token),
    acceptInvitationAsNew: async (request, reply) => {
      const { token, session } = await acceptAsNewUser(deps, auditContextOf(request), request.body);
      setSessionCookie(request, reply, token, session.expires_at, deps.clock.now());
    },
    acceptInvitation: async (request, reply) => {
      const principal = principalOf(request);
      const token = await acceptAsMember(
        deps,
        auditContextOf(request),
        principal,
        request.body.token,
      );
      setSessionCookie(request, reply, token, principal.expiresAt, deps.clock.now());
    },
  });
}
