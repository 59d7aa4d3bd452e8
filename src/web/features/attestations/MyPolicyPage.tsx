import { Alert, Button, Card, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { MutationError } from '../../components/MutationError';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../components/format';
import { useOrgTime } from '../../components/useOrgTime';
import { MarkdownView } from '../documents/MarkdownView';
import { AckBadge } from './AckBadge';

/** One policy version to read, and my acknowledgement of that exact text (its hash). */
export function MyPolicyPage() {
  const org = useActiveOrg();
  const time = useOrgTime();
  const { versionId = '' } = useParams();
  const params = org ? { orgId: org.orgId, versionId } : null;
  const policy = useApiQuery(api.attestations.myPolicy, params ? [params] : null);
  const [read, setRead] = useState(false);
  const acknowledge = useApiMutation(api.attestations.acknowledge);
  if (!org || !params) return <NoOrganization />;
  const p = policy.data;
  if (!p) {
    return policy.isError ? (
      <ErrorNotice error={policy.error} onRetry={() => void policy.refetch()} />
    ) : null;
  }
  return (
    <>
      <PageHeader
        title={`${p.policy.reference} ${p.title}`}
        description={`Version ${p.version.number}${p.version.effectiveOn ? `, in effect since ${formatDate(p.version.effectiveOn)}` : ''}`}
      />
      <Stack gap="md" maw={860}>
        {p.replaces ? (
          <Alert variant="light" color="blue" role="status">
            A newer version is in effect: the link named version {p.replaces.number}, and version{' '}
            {p.version.number} replaced it. This is the one that applies now.
          </Alert>
        ) : null}
        <Card withBorder padding="lg">
          <MarkdownView markdown={p.body} />
        </Card>
        <Card withBorder padding="md">
          {p.acknowledgedAt ? (
            <Group gap="sm">
              <AckBadge status="acknowledged" />
              <Text size="sm">
                You acknowledged this version on {time.dateTime(p.acknowledgedAt)}.
              </Text>
            </Group>
          ) : (
            <Stack gap="sm">
              <Group gap="sm">
                <AckBadge status={p.status} />
                <Text size="sm">Please acknowledge it by {formatDate(p.dueOn)}.</Text>
              </Group>
              {acknowledge.isError ? <MutationError error={acknowledge.error} /> : null}
              <Checkbox
                label="I have read this policy and I will follow it."
                checked={read}
                onChange={(e) => setRead(e.currentTarget.checked)}
              />
              <Group>
                <Button
                  disabled={!read}
                  loading={acknowledge.isPending}
                  onClick={() =>
                    acknowledge.mutate([
                      { ...params, versionId: p.version.id },
                      { sha256: p.version.sha256 },
                    ])
                  }
                >
                  Acknowledge version {p.version.number}
                </Button>
              </Group>
              <Alert variant="light" color="gray" p="xs">
                <Text size="xs">
                  Your acknowledgement records this exact text (fingerprint{' '}
                  {p.version.sha256.slice(0, 12)}…), your name and the time. A later version asks
                  you again.
                </Text>
              </Alert>
            </Stack>
          )}
        </Card>
      </Stack>
    </>
  );
}
