import { COMING } from './coming';
import { WEB_FEATURES } from './features';
import { navigationOf } from './web-feature';

export type { NavGroup, NavItem } from './web-feature';

/**
 * The navigation, grouped like the design's features: each feature's manifest declares its
 * entries (features/<feature>/index.tsx); features to come show as "Soon" (app/coming.ts).
 */
export const NAVIGATION = navigationOf(WEB_FEATURES, COMING);
