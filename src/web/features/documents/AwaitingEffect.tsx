import { Alert, Stack, Text } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import type { DocumentDetail, VersionSummary } from '../../../contracts/documents';
import { api } from '../../api';
import { useApiMutation } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ConfirmButton } from '../../components/ConfirmButton';
import { MutationError } from '../../components/MutationError';
import { useOrgTime } from '../../components/useOrgTime';

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
  const effect = useApiMutation(api.documents.putInEffect);
  const params = { orgId: org?.orgId ?? '', documentId: doc.id, versionId: v.id };
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
          <ConfirmButton
            loading={effect.isPending}
            question={`Put version ${v.number} in effect today?`}
            consequence={
              doc.inEffect
                ? `Version ${v.number} will apply from today and version ${doc.inEffect.number} will be superseded. You can then ask people to acknowledge it.`
                : `Version ${v.number} will apply from today. You can then ask people to acknowledge it.`
            }
            onConfirm={() => effect.mutate([params, {}])}
          >
            Put in effect today
          </ConfirmButton>
        ) : (
          <Text size="sm" c="dimmed">
            An owner, an administrator or an official puts it in effect.
          </Text>
        )}
        <MutationError error={effect.error} action="put it in effect" />
      </Stack>
    </Alert>
  );
}
