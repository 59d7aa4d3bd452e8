import type { Feature } from '../../platform/feature';
import { registerAuthRoutes } from './routes';

/** Auth: first-run setup, sign-in, sessions, second factor, passwords and API tokens. */
export const feature: Feature = {
  name: 'auth',
  tables: ['users', 'sessions', 'recovery_codes', 'password_resets', 'api_tokens'],
  routes: registerAuthRoutes,
  records: { sessionId: 'sessions', tokenId: 'api_tokens' },
};
