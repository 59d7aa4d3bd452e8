import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import {
  SANCTION_INTENT_LABELS,
  SANCTION_SEVERITY_LABELS,
  type Sanction,
} from '../../../contracts/sanctions';
import { TASK_STATUS_LABELS } from '../../../contracts/tasks';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { RecordLink } from '../../app/RecordLink';
import { can, useMe } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDate } from '../../components/format';
import { pageOfLink } from '../../components/link-pages';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { AcknowledgementCard, IncidentCard, NotesCard, SignOffCard } from './RecordCards';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </div>
  );
}

/** What each member may do with a record: the server's rules, so nothing is offered to be refused. */
export interface Allowed {
  /** Change notes and links, record a paper acknowledgement: not the person it is about. */
  edit: boolean;
  /** HR sign-off: neither the person it is about nor who decided it. */
  signOff: boolean;
  /** It is about the reader. */
  aboutMe: boolean;
}

function allowedFor(role: Parameters<typeof can>[0], me: string | undefined, s: Sanction): Allowed {
  // 164.308(a)(1)(ii)(C): the sanction is the organization's act, never its subject's.
  const aboutMe = me !== undefined && s.person.userId === me;
  return {
    aboutMe,
    edit: !aboutMe && can(role, api.sanctions.update),
    signOff: !aboutMe && me !== s.decidedBy.id && can(role, api.sanctions.signOff),
  };
}

function Facts({ sanction: s }: { sanction: Sanction }) {
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="sm">
        The violation and the decision
      </Title>
      <Stack gap="sm">
        <Fact label="Violation">{s.violation}</Fact>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Fact label="Person">
            {s.person.name}
            {s.person.reference ? ` (${s.person.reference})` : ''}
          </Fact>
          <Fact label="Policy violated">
            {s.policy ? (
              <RecordLink to={`/documents/${s.policy.documentId}`}>{s.policy.label}</RecordLink>
            ) : (
              'None named'
            )}
          </Fact>
          <Fact label="Severity">{SANCTION_SEVERITY_LABELS[s.severity]}</Fact>
          <Fact label="Intent">{SANCTION_INTENT_LABELS[s.intent]}</Fact>
          <Fact label="Decision">
            <Badge variant="light" color="gray">
              {s.decision.name}
            </Badge>
          </Fact>
          <Fact label="Decided">
            {formatDate(s.decidedOn)} by {s.decidedBy.name}
          </Fact>
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

function CorrectiveActions({ sanction: s }: { sanction: Sanction }) {
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="sm">
        Corrective actions
      </Title>
      <Stack gap={6}>
        {s.correctiveTasks.length === 0 && !s.retrainingAssignmentId ? (
          <Text size="sm" c="dimmed">
            None recorded with this sanction.
          </Text>
        ) : null}
        {s.correctiveTasks.map((t) => (
          <Group key={t.id} gap="xs" wrap="nowrap">
            <RecordLink to={pageOfLink({ type: 'task', targetId: t.id }) ?? '/tasks'}>
              {t.reference} {t.title}
            </RecordLink>
            <Badge size="sm" variant="light" color={t.status === 'done' ? 'green' : 'gray'}>
              {TASK_STATUS_LABELS[t.status]}
            </Badge>
          </Group>
        ))}
        {s.retrainingAssignmentId ? (
          <Text size="sm">
            A training course was assigned to {s.person.name}:{' '}
            <RecordLink to="/training">see it on the training page</RecordLink>.
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}

/** One sanction record (164.308(a)(1)(ii)(C)), read in full, completed by whom the server allows. */
export function SanctionPage() {
  const org = useActiveOrg();
  const me = useMe().data;
  const { sanctionId = '' } = useParams();
  const orgId = org?.orgId;
  const got = useApiQuery(api.sanctions.get, orgId ? [{ orgId, sanctionId }] : null);
  if (!org) return <NoOrganization />;
  const s = got.data;
  const allowed = s ? allowedFor(org.role, me?.user.id, s) : null;
  return (
    <>
      <Anchor component={Link} to="/sanctions" size="sm">
        All sanctions
      </Anchor>
      <PageHeader
        title={s ? `${s.reference} · ${s.person.name}` : 'Sanction'}
        description={s ? `${s.decision.name}, decided on ${formatDate(s.decidedOn)}` : ''}
      />
      {got.isError ? <ErrorNotice error={got.error} onRetry={() => void got.refetch()} /> : null}
      {s && allowed ? (
        <Stack gap="md" maw={960}>
          {allowed.aboutMe ? (
            <Text size="sm" c="dimmed">
              This sanction is about you: other members complete it.
            </Text>
          ) : null}
          <Facts sanction={s} />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <SignOffCard sanction={s} allowed={allowed} />
            <AcknowledgementCard sanction={s} allowed={allowed} />
          </SimpleGrid>
          <NotesCard sanction={s} allowed={allowed} />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <IncidentCard sanction={s} allowed={allowed} />
            <CorrectiveActions sanction={s} />
          </SimpleGrid>
        </Stack>
      ) : null}
    </>
  );
}
