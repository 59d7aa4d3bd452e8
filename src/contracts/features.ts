/**
 * Every feature of Custos, named by its contract module: the one list a new feature adds a line to
 * (issue 11). Each module exports `feature`, the name of its folders under src/server/features and
 * src/web/features. A module namespace lists its exports by name, so features load, register their
 * routes and contribute permissions and audit actions in alphabetical order of these names, whatever
 * the order of the lines (kept alphabetical here to say so). Nothing may depend on that order:
 * navigation, the dashboard and the demo order themselves by their own `order` or `rank`.
 */
export * as accessReviews from './access-reviews';
export * as assets from './assets';
export * as attestations from './attestations';
export * as auditLog from './audit';
export * as auth from './auth';
export * as catalog from './catalog';
export * as dashboard from './dashboard';
export * as documents from './documents';
export * as evidence from './evidence';
export * as incidents from './incidents';
export * as links from './links';
export * as notifications from './notifications';
export * as organizations from './organizations';
export * as people from './people';
export * as retention from './retention';
export * as riskAssessments from './risk-assessments';
export * as risks from './risks';
export * as safeguards from './safeguards';
export * as sanctions from './sanctions';
export * as securityReminders from './security-reminders';
export * as system from './system';
export * as tasks from './tasks';
export * as training from './training';
export * as webhooks from './webhooks';
export * as workforce from './workforce';
