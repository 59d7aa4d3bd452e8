import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import {
  WEBHOOK_DISABLED_REASON_LABELS,
  WEBHOOK_EVENT_TYPE_LABELS,
  type Webhook,
} from '../../../contracts/webhooks';
import { api } from '../../api';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { countOf } from '../../components/format';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { TONE } from '../../components/tones';
import { useOrgTime } from '../../components/useOrgTime';
import { DeliveriesTable } from './DeliveriesTable';
import { EndpointDialog } from './EndpointDialog';
import { SecretDialog } from './SecretDialog';

function StatusBadge({ endpoint }: { endpoint: Webhook }) {
  if (endpoint.active) {
    return (
      <Badge size="sm" variant="dot" color="teal">
        Sending
      </Badge>
    );
  }
  return (
    <Badge size="sm" variant="dot" color="gray">
      {endpoint.disabledReason ? 'Turned off by the receiver' : 'Turned off'}
    </Badge>
  );
}

/** Administration → Webhooks: endpoints, their deliveries, test sends and secret rotation. */
export function WebhooksPage() {
  const org = useActiveOrg();
  const time = useOrgTime();
  const list = useApiQuery(api.webhooks.list, org ? [{ orgId: org.orgId }] : null);
  const [editing, setEditing] = useState<Webhook | 'new' | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ value: string; graceUntil: string | null } | null>(null);
  const rotate = useApiMutation(api.webhooks.rotateSecret, {
    onSuccess: (answer) =>
      setSecret({ value: answer.secret, graceUntil: answer.previousSecretExpiresAt }),
  });
  const test = useApiMutation(api.webhooks.sendTest);
  const update = useApiMutation(api.webhooks.update);
  const remove = useApiMutation(api.webhooks.remove);
  if (!org) {
    return <NoOrganization />;
  }
  const orgId = org.orgId;
  const manage = can(org.role, api.webhooks.create);
  const endpoints = list.data?.data ?? [];
  const selected = endpoints.find((e) => e.id === shown) ?? endpoints[0];
  const failure = rotate.error ?? test.error ?? update.error ?? remove.error;
  return (
    <>
      <Group justify="space-between" align="start" mb="md">
        <PageHeader
          title="Webhooks"
          description="Custos tells your other systems what changed, as it happens: each delivery is signed and names the record and who acted, by id, never its content."
        />
        {manage ? (
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setEditing('new')}
          >
            Add endpoint
          </Button>
        ) : null}
      </Group>
      <Stack gap="md">
        {list.isError ? (
          <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
        ) : null}
        {failure ? (
          <Alert color="red" variant="light" role="alert">
            {failure.message}
          </Alert>
        ) : null}
        {test.isSuccess ? (
          <Alert color="blue" variant="light" role="status">
            Test event queued: it shows in the deliveries below once sent.
          </Alert>
        ) : null}
        {list.isSuccess && endpoints.length === 0 ? (
          <EmptyState filtered={false} noun="endpoint">
            <Text fw={600}>No endpoint yet</Text>
            <Text size="sm">
              An endpoint is an https:// address of one of your systems (a ticketing tool, a SIEM)
              that receives the events it subscribes to, such as a risk changed or a task completed.
            </Text>
          </EmptyState>
        ) : null}
        {endpoints.map((endpoint) => (
          <Card key={endpoint.id} withBorder padding="md">
            <Stack gap={6}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text fw={600} size="sm" style={{ wordBreak: 'break-all' }}>
                  {endpoint.url}
                </Text>
                <StatusBadge endpoint={endpoint} />
              </Group>
              {endpoint.description ? <Text size="sm">{endpoint.description}</Text> : null}
              {endpoint.disabledReason ? (
                <Text size="sm" c="dimmed">
                  {WEBHOOK_DISABLED_REASON_LABELS[endpoint.disabledReason]}.
                </Text>
              ) : null}
              <Text size="sm" c="dimmed">
                {countOf(endpoint.eventTypes.length, 'event')}:{' '}
                {endpoint.eventTypes.map((t) => WEBHOOK_EVENT_TYPE_LABELS[t]).join(', ')}
              </Text>
              {endpoint.previousSecretExpiresAt ? (
                <Text size="sm" c="dimmed">
                  Also signed with the previous secret until{' '}
                  {time.dateTime(endpoint.previousSecretExpiresAt)}.
                </Text>
              ) : null}
              <Group gap="xs" mt={4}>
                <Button
                  size="compact-sm"
                  variant={selected?.id === endpoint.id ? 'light' : 'default'}
                  onClick={() => setShown(endpoint.id)}
                >
                  Deliveries
                </Button>
                {manage ? (
                  <>
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => setEditing(endpoint)}
                    >
                      Change
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="default"
                      loading={test.isPending}
                      onClick={() => {
                        setShown(endpoint.id);
                        test.mutate([{ orgId, webhookId: endpoint.id }]);
                      }}
                    >
                      Send test event
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="default"
                      loading={rotate.isPending}
                      onClick={() => rotate.mutate([{ orgId, webhookId: endpoint.id }])}
                    >
                      Rotate secret
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() =>
                        update.mutate([
                          { orgId, webhookId: endpoint.id },
                          { active: !endpoint.active },
                        ])
                      }
                    >
                      {endpoint.active ? 'Turn off' : 'Turn on'}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      // Subtle red text is pale in dark mode: the app's danger tone reads in both.
                      c={TONE.danger}
                      onClick={() => remove.mutate([{ orgId, webhookId: endpoint.id }])}
                    >
                      Remove
                    </Button>
                  </>
                ) : null}
              </Group>
            </Stack>
          </Card>
        ))}
        {selected ? (
          <>
            <Stack gap={2}>
              <Title order={2} size="h4">
                Deliveries
              </Title>
              <Text size="sm" c="dimmed" style={{ wordBreak: 'break-all' }}>
                To {selected.url}
              </Text>
            </Stack>
            <DeliveriesTable orgId={orgId} webhookId={selected.id} />
          </>
        ) : null}
      </Stack>
      {editing !== null ? (
        <EndpointDialog
          orgId={orgId}
          endpoint={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onCreated={(value) => setSecret({ value, graceUntil: null })}
        />
      ) : null}
      <SecretDialog
        secret={secret?.value ?? null}
        rotated={Boolean(secret?.graceUntil)}
        graceUntil={secret?.graceUntil ? time.dateTime(secret.graceUntil) : null}
        onClose={() => setSecret(null)}
      />
    </>
  );
}
