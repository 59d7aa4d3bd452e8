import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { countOf } from '../../../contracts/words';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { RecordLink } from '../../app/RecordLink';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../components/format';
import { StatusBadge } from './StatusBadge';

/** 164.308(a)(5)(i): the courses assigned to me, what to do first at the top, and my certificates. */
export function MyTrainingPage() {
  const org = useActiveOrg();
  const mine = useApiQuery(api.training.mine, org ? [{ orgId: org.orgId }] : null);
  if (!org) return <NoOrganization />;
  const courses = mine.data?.data ?? [];
  const open = courses.filter((c) => c.status !== 'passed').length;
  return (
    <>
      <PageHeader
        title="My training"
        description={
          mine.isSuccess && courses.length > 0
            ? open === 0
              ? 'You have completed every course assigned to you.'
              : `${countOf(open, 'course')} to complete.`
            : 'The security awareness courses your organization asks you to take.'
        }
      />
      {mine.isError ? <ErrorNotice error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      <Stack gap="sm" maw={860}>
        {mine.isSuccess && courses.length === 0 ? (
          <Text c="dimmed" size="sm">
            No course is assigned to you yet. When one is, it appears here and you are told by
            notification.
          </Text>
        ) : null}
        {courses.map((c) => (
          <Card key={c.id} withBorder padding="md">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <RecordLink to={`/my-training/${c.id}`} fw={600}>
                {c.course.title}
              </RecordLink>
              <StatusBadge status={c.status} />
            </Group>
            <Text size="sm" c="dimmed" mt={4}>
              {c.completedOn
                ? `Completed on ${formatDate(c.completedOn)}${c.score === null ? '' : ` with ${c.score}%`}`
                : `Due by ${formatDate(c.dueOn)}${c.failedAttempts > 0 ? ` · ${countOf(c.failedAttempts, 'attempt')} not passed yet` : ''}`}
            </Text>
            {c.hasCertificate ? (
              <Anchor
                size="sm"
                mt={4}
                href={api.training.myCertificate({ orgId: org.orgId, personTrainingId: c.id })}
              >
                Download my certificate (PDF)
              </Anchor>
            ) : null}
          </Card>
        ))}
      </Stack>
    </>
  );
}
