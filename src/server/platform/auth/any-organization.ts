import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Permission } from '../../../contracts/permissions';
import type { Role } from '../../../contracts/roles';
import type { AppDeps } from '../deps';
import { sendError } from '../http/errors';
import { recordDenied } from './context';
import { holdsRoleInAnyOrganization } from './repository';
import type { Principal } from './sessions';

/**
 * Authorizes an installation-wide route (a `{ anyOrganization: roles }` grant, no `:orgId`): the
 * caller must hold one of `roles` in at least one organization. 403 otherwise, recorded as
 * `access.denied` in the caller's active organization: the route is documented, so 404 would hide
 * nothing and only confuse (design.md §6.2, §6.3). Tokens act in one organization: refused.
 */
export async function authorizeAnyOrganization(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  principal: Principal,
  permission: Permission,
  roles: readonly Role[],
): Promise<FastifyReply | undefined> {
  if (principal.token) {
    return sendError(
      request,
      reply,
      'forbidden',
      'API tokens work on organization records only; sign in to do this.',
    );
  }
  const allowed = await holdsRoleInAnyOrganization(
    deps.database.db,
    principal.userId,
    roles,
    deps.clock.now().toISOString(),
    principal.mfaEnabled,
  );
  if (allowed) {
    return undefined;
  }
  await recordDenied(deps, request, principal.activeOrgId, permission);
  return sendError(
    request,
    reply,
    'forbidden',
    `This needs one of these roles in one of your organizations: ${roles.join(', ')}.`,
  );
}
