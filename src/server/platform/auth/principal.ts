import { roleOf, type Role } from '../../../contracts/roles';
import type { Principal } from './sessions';

/** The preValidation hook guarantees a principal on every route whose grant is not public. */
export function principalOf(request: { principal: Principal | null }): Principal {
  if (!request.principal) {
    throw new Error('authenticated route reached without a principal');
  }
  return request.principal;
}

/**
 * The roles a request acts with in its organization: the member's, and the token's when a token
 * calls (a token holds the lesser of both, so a rule must hold for each).
 */
export function rolesOf(request: {
  principal: Principal | null;
  membership: { role: string } | null;
}): Role[] {
  const principal = principalOf(request);
  if (!request.membership) {
    throw new Error('organization route reached without a membership');
  }
  return [roleOf(request.membership.role), ...(principal.token ? [principal.token.role] : [])];
}
