import { Alert, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { useOrgTime } from '../../components/useOrgTime';

/** Messages Custos sent for this organization; without SMTP they wait here to be passed on by hand. */
export function OutboxPage() {
  const org = useActiveOrg();
  const time = useOrgTime();
  const outbox = useApiQuery(api.organizations.outbox, org ? [{ orgId: org.orgId }] : null);
  if (!org) {
    return <NoOrganization />;
  }
  const messages = outbox.data?.data ?? [];
  return (
    <>
      <PageHeader
        title="Outbox"
        description="Invitations and notices Custos sent for this organization. Until an administrator sets SMTP_URL, messages are not emailed: copy an invitation's link from here to the recipient. Password reset links are never shown here: only their recipient may hold one."
      />
      {outbox.isError ? (
        <ErrorNotice error={outbox.error} onRetry={() => void outbox.refetch()} />
      ) : null}
      <Stack gap="sm" maw={860}>
        {outbox.isSuccess && messages.length === 0 ? (
          <Alert variant="light">No message yet.</Alert>
        ) : null}
        {messages.map((m) => (
          <Card key={m.id} withBorder padding="md">
            <Group justify="space-between" mb={4}>
              <Text fw={600} size="sm">
                {m.subject}
              </Text>
              <Badge size="sm" variant="dot" color={m.sentAt ? 'teal' : 'orange'}>
                {m.sentAt ? 'Sent' : 'Not emailed'}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed" mb="xs">
              To {m.to} · {time.dateTime(m.createdAt)}
              {m.error ? ` · last error: ${m.error}` : ''}
            </Text>
            {m.body === null ? (
              <Text size="sm" c="dimmed">
                The link in this message is for {m.to} only: Custos does not show it here.
                {m.sentAt
                  ? ''
                  : ' Without email, an owner or administrator can issue a reset link on the Members page and hand it over in person.'}
              </Text>
            ) : (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                {m.body}
              </Text>
            )}
          </Card>
        ))}
      </Stack>
    </>
  );
}
