import type { Feature } from '../../platform/feature';
import { registerIdentityRoutes } from './routes';
import { registerMfaRoutes } from './mfa-routes';
import { registerMemberRoutes } from './member-routes';
import { registerTokenRoutes } from './token-routes';
import { registerPasswordRoutes } from './password-routes';
import { registerOrganizationRoutes } from './organization-routes';

/** Identity: setup, sign-in, sessions, MFA, passwords, tokens, organizations and members. */
export const identityFeature: Feature = {
  name: 'identity',
  routes: (app, deps) => {
    registerIdentityRoutes(app, deps);
    registerMfaRoutes(app, deps);
    registerMemberRoutes(app, deps);
    registerTokenRoutes(app, deps);
    registerPasswordRoutes(app, deps);
    registerOrganizationRoutes(app, deps);
  },
};
