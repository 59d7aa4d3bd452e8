import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS } from './audit-actions';
import { WEBHOOK_EVENT_TYPE_LABELS } from './webhooks';

describe('webhook event labels', () => {
  it('name the two-factor event in the words the rest of the app uses (the audit log)', () => {
    expect(WEBHOOK_EVENT_TYPE_LABELS['mfa.disabled']).toBe(AUDIT_ACTION_LABELS.get('mfa.disabled'));
    expect(Object.values(WEBHOOK_EVENT_TYPE_LABELS).join(' ')).not.toMatch(/two-step/i);
  });
});
