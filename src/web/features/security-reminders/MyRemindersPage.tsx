import { Anchor, Card, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { useOrgTime } from '../../components/useOrgTime';

/** The security reminders sent to me, newest first. */
export function MyRemindersPage() {
  const org = useActiveOrg();
  const { dateTime } = useOrgTime();
  const mine = useApiQuery(api.securityReminders.mine, org ? [{ orgId: org.orgId }] : null);
  if (!org) return <NoOrganization />;
  const rows = mine.data?.data ?? [];
  return (
    <>
      <PageHeader
        title="My security reminders"
        description="The security reminders your organization sent you, newest first."
      />
      {mine.isError ? <ErrorNotice error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      <Stack gap="sm" maw={760}>
        {can(org.role, api.securityReminders.list) ? (
          <Text size="sm">
            <Anchor component={Link} to="/security-reminders">
              Schedule and review the organization’s reminders
            </Anchor>
          </Text>
        ) : null}
        {mine.data && rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            No security reminder has been sent to you yet.
          </Text>
        ) : null}
        {rows.map((r) => (
          <Card key={r.id} withBorder padding="md">
            <Text fw={600} component="h2" size="md">
              {r.title}
            </Text>
            <Text size="xs" c="dimmed">
              Sent {dateTime(r.sentAt)}
            </Text>
            <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
              {r.message}
            </Text>
            {r.linkUrl ? (
              <Anchor size="sm" href={r.linkUrl} target="_blank" rel="noreferrer noopener">
                {r.linkUrl}
              </Anchor>
            ) : null}
          </Card>
        ))}
      </Stack>
    </>
  );
}
