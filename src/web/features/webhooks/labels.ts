import {
  WEBHOOK_EVENT_TYPE_LABELS,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_TEST_EVENT,
} from '../../../contracts/webhooks';

/** Badge colours of a delivery's state (presentation only; the words are the contract's). */
export const DELIVERY_STATE_COLOR = {
  pending: 'orange',
  delivered: 'teal',
  failed: 'red',
} as const;

/** The label of a delivered event type: the test event, an offered type, or the stored name. */
export function eventLabel(type: string): string {
  if (type === WEBHOOK_TEST_EVENT) return 'Test event';
  const known = WEBHOOK_EVENT_TYPES.find((t) => t === type);
  return known ? WEBHOOK_EVENT_TYPE_LABELS[known] : type;
}
