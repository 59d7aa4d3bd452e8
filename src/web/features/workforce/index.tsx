import type { WebFeature } from '../../app/web-feature';

/**
 * Onboarding and termination (app/web-feature.ts): no page of its own, its sections sit on the
 * person's page (`PersonChecklists`).
 */
export const manifest: WebFeature = { feature: 'workforce' };
