import type {
  AccessDecision,
  AccessFlag,
  AccessReviewStatus,
} from '../../../contracts/access-reviews';

/** Badge colours (labels live in the contract). */
export const STATUS_COLORS: Record<AccessReviewStatus, string> = {
  open: 'blue',
  completed: 'teal',
};
export const FLAG_COLORS: Record<AccessFlag, string> = {
  left_before_period: 'orange',
  no_match: 'red',
};
export const DECISION_COLORS: Record<AccessDecision, string> = {
  keep: 'teal',
  modify: 'yellow',
  revoke: 'red',
};
