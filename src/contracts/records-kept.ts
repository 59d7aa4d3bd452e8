import * as features from './features';

/**
 * What Custos keeps as the written record 45 CFR 164.316(b)(1) asks for: each feature's
 * `recordsKept`, in the (alphabetical) order of contracts/features.ts. A feature that lands adds its
 * own line in its contract module, and the catalog's guidance for 164.316(b)(1) names it.
 */
export const RECORDS_KEPT: readonly string[] = Object.values(features).flatMap((module) =>
  'recordsKept' in module ? module.recordsKept : [],
);
