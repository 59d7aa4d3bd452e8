import type { Feature } from '../../platform/feature';
import * as recordResetIssuer from './migrations/0013_record_reset_issuer';
import { registerAuthRoutes } from './routes';

/** Auth: first-run setup, sign-in, sessions, second factor, passwords and API tokens. */
export const feature: Feature = {
  name: 'auth',
  tables: ['users', 'sessions', 'recovery_codes', 'password_resets', 'api_tokens'],
  routes: registerAuthRoutes,
  migrations: { '0013_record_reset_issuer': recordResetIssuer },
  records: { sessionId: 'sessions', tokenId: 'api_tokens' },
};
