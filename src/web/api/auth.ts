import { authRoutes } from '../../contracts/auth';
import { clientOf } from './endpoints';

/**
 * The auth feature's client (`api.auth`), on its own so that the app shell (session, menus, idle
 * warning, re-authentication), which every page loads first, does not load every feature's
 * contracts: they come with the pages that use them.
 */
export const authApi = clientOf('auth', authRoutes);
