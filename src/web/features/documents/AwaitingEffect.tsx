import { Alert, Stack, Text } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import type { DocumentDetail, VersionSummary } from '../../../contracts/documents';
import { api } from '../../api';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { useOrgTime } from '../../components/useOrgTime';
import { PutInEffect } from './PutInEffect';

/**
 * A version approved but not yet in effect, at the top of its policy's page: until someone puts
 * it in effect, what applies is the version before it, or nothing (164.316(a)).
 */
export function AwaitingEffect({
  document: doc,
  version: v,
}: {
  document: DocumentDetail;
  version: VersionSummary;
}) {
  const org = useActiveOrg();
  const time = useOrgTime();
  return (
    <Alert
      color="blue"
      variant="light"
      icon={<IconClockExclamation aria-hidden />}
      title={`Version ${v.number} is approved but not in effect`}
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          Approved{v.approvedBy ? ` by ${v.approvedBy.name}` : ''}
          {v.approvedAt ? ` on ${time.day(v.approvedAt)}` : ''}.{' '}
          {doc.inEffect
            ? `Until it is put in effect, version ${doc.inEffect.number} still applies.`
            : 'Until it is put in effect, no version of this policy applies.'}
        </Text>
        {can(org?.role, api.documents.putInEffect) ? (
          <PutInEffect document={doc} version={v} />
        ) : (
          <Text size="sm" c="dimmed">
            An owner, an administrator or an official puts it in effect.
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
