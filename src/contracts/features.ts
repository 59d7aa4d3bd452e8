/**
 * Every feature of Custos, named by its contract module: the one list a new feature adds a line to
 * (issue 11). Each module exports `feature`, the name of its folders under src/server/features and
 * src/web/features. Order is the order routes are registered and the navigation is grouped in.
 */
export * as system from './system';
export * as auth from './auth';
export * as organizations from './organizations';
export * as auditLog from './audit';
export * as catalog from './catalog';
export * as safeguards from './safeguards';
export * as tasks from './tasks';
export * as links from './links';
export * as dashboard from './dashboard';
export * as assets from './assets';
export * as risks from './risks';
export * as riskAssessments from './risk-assessments';
