import type { Principal } from './sessions';

/** The preValidation hook guarantees a principal on every route whose grant is not public. */
export function principalOf(request: { principal: Principal | null }): Principal {
  if (!request.principal) {
    throw new Error('authenticated route reached without a principal');
  }
  return request.principal;
}
