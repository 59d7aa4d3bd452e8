import { Alert, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { INCIDENT_STATUS_LABELS } from '../../../contracts/incidents-schemas';
import { api } from '../../api';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { useOrgTime } from '../../components/useOrgTime';
import { ProblemForm } from './ProblemForm';
import { STATUS_COLORS } from './words';

/** "Report a problem" for every member, and the status of their own reports (nothing else). */
export function ReportProblemPage() {
  const org = useActiveOrg();
  const time = useOrgTime();
  const orgId = org?.orgId;
  const [sent, setSent] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const mine = useApiQuery(api.incidents.ownReports, orgId ? [{ orgId }] : null);
  const report = useApiMutation(api.incidents.report, {
    onSuccess: (made) => {
      setSent(made.reference);
      setRound((n) => n + 1);
    },
  });
  if (!org) return <NoOrganization />;
  const reports = mine.data?.data ?? [];
  return (
    <>
      <PageHeader
        title="Report a problem"
        description="Something looks wrong: a lost device, a strange email, a screen left open, information sent to the wrong person. Tell the Security Official now; it takes two minutes."
      />
      <Stack gap="md" maw={760}>
        {sent ? (
          <Alert color="teal" variant="light" role="status">
            <Text size="sm" fw={600}>
              Thank you: {sent} is sent
            </Text>
            <Text size="sm">
              The Security Official has been told. You can follow its status below.
            </Text>
          </Alert>
        ) : null}
        <Card withBorder padding="lg">
          <ProblemForm
            key={round}
            timeZone={time.timeZone}
            pending={report.isPending}
            error={report.error}
            onSubmit={(fields) => report.mutate([{ orgId: org.orgId }, fields])}
          />
        </Card>
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="sm">
            My reports
          </Title>
          {mine.isError ? (
            <ErrorNotice error={mine.error} onRetry={() => void mine.refetch()} />
          ) : null}
          {mine.isSuccess && reports.length === 0 ? (
            <Text size="sm" c="dimmed">
              You have not reported anything yet.
            </Text>
          ) : null}
          <Stack gap="xs">
            {reports.map((r) => (
              <Group key={r.id} justify="space-between" wrap="nowrap">
                <div>
                  <Text size="sm">
                    {r.reference} {r.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    Reported {time.dateTime(r.reportedAt)}
                  </Text>
                </div>
                <Badge variant="dot" color={STATUS_COLORS[r.status]}>
                  {INCIDENT_STATUS_LABELS[r.status]}
                </Badge>
              </Group>
            ))}
          </Stack>
        </Card>
      </Stack>
    </>
  );
}
