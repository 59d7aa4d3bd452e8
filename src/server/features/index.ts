import type { Feature } from '../platform/feature';
import { assetsFeature } from './assets';
import { auditLogFeature } from './audit-log';
import { catalogFeature } from './catalog';
import { dashboardFeature } from './dashboard';
import { identityFeature } from './identity';
import { linksFeature } from './links';
import { riskAssessmentsFeature } from './risk-assessments';
import { risksFeature } from './risks';
import { safeguardsFeature } from './safeguards';
import { systemFeature } from './system';
import { tasksFeature } from './tasks';

/** Every feature of Custos: adding one means its folder, its migration and a line here. */
export const FEATURES: readonly Feature[] = [
  systemFeature,
  identityFeature,
  auditLogFeature,
  catalogFeature,
  safeguardsFeature,
  tasksFeature,
  linksFeature,
  dashboardFeature,
  assetsFeature,
  risksFeature,
  riskAssessmentsFeature,
];
