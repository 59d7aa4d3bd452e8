import { Alert, Badge } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ClearanceWarning } from '../../../contracts/workforce';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';

/**
 * 164.308(a)(3)(ii)(B): people with a pending or failed background check who hold access to
 * systems with ePHI, by person id; empty for a role that may not read them.
 */
export function useClearanceWarnings(): ReadonlyMap<string, ClearanceWarning> {
  const org = useActiveOrg();
  const reads = org ? can(org.role, api.workforce.clearanceWarnings) : false;
  const got = useApiQuery(
    api.workforce.clearanceWarnings,
    org && reads ? [{ orgId: org.orgId }] : null,
  );
  return new Map((got.data?.data ?? []).map((w) => [w.person.id, w]));
}

const systemsOf = (w: ClearanceWarning) =>
  w.systems.map((s) => `${s.name} (${s.accessLevel})`).join(', ');

/** The roster's mark on such a person. */
export function ClearanceWarningBadge({ warning }: { warning: ClearanceWarning | undefined }) {
  if (!warning) return null;
  return (
    <Badge color="red.9" variant="light" title={`Access to ePHI: ${systemsOf(warning)}`}>
      Access to ePHI before clearance
    </Badge>
  );
}

/** The person page's warning. */
export function ClearanceWarningAlert({ warning }: { warning: ClearanceWarning | undefined }) {
  if (!warning) return null;
  const outcome = warning.clearanceOutcome === 'pending' ? 'still pending' : 'failed (not cleared)';
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title="Access to ePHI without clearance"
      role="alert"
    >
      {warning.person.name}&apos;s background check is {outcome}, yet they hold access to{' '}
      {systemsOf(warning)}. End that access, or record the check&apos;s outcome once it is known
      (HIPAA 164.308(a)(3)(ii)(B)).
    </Alert>
  );
}
