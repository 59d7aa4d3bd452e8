import type { Feature } from '../platform/feature';
import { assetsFeature } from './assets';
import { auditLogFeature } from './audit-log';
import { authFeature } from './auth';
import { catalogFeature } from './catalog';
import { dashboardFeature } from './dashboard';
import { linksFeature } from './links';
import { organizationsFeature } from './organizations';
import { riskAssessmentsFeature } from './risk-assessments';
import { risksFeature } from './risks';
import { safeguardsFeature } from './safeguards';
import { systemFeature } from './system';
import { tasksFeature } from './tasks';

/** Every feature of Custos: adding one means its folder, its migration and a line here. */
export const FEATURES: readonly Feature[] = [
  systemFeature,
  authFeature,
  organizationsFeature,
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
