import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { PERSON_KIND_LABELS } from '../../../contracts/people-schemas';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDate } from '../../components/format';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { useOrgTime } from '../../components/useOrgTime';
import { PersonAccessGrants } from '../access-reviews/PersonAccessGrants';
import { ClearanceWarningAlert, useClearanceWarnings } from '../workforce/clearance-warnings';
import { PersonChecklists } from '../workforce/PersonChecklists';
import { PersonDrawer } from './PersonDrawer';
import { CLEARANCE_COLORS, STATUS_COLORS, clearanceLabel, statusLabel } from './words';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </div>
  );
}

/** One person of the roster: who they are, their dates, clearance, authorization, supervision. */
export function PersonPage() {
  const org = useActiveOrg();
  const time = useOrgTime();
  const { personId = '' } = useParams();
  const [editing, setEditing] = useState(false);
  const orgId = org?.orgId;
  const got = useApiQuery(api.people.get, orgId ? [{ orgId, personId }] : null);
  const warnings = useClearanceWarnings();
  if (!org) return <NoOrganization />;
  const p = got.data;
  return (
    <>
      <PageHeader
        title={p?.name ?? 'Person'}
        description={p ? `${PERSON_KIND_LABELS[p.kind]} · ${p.jobRole || p.reference}` : ''}
      />
      {got.isError ? <ErrorNotice error={got.error} onRetry={() => void got.refetch()} /> : null}
      {p ? (
        <Stack gap="md" maw={960}>
          <Group justify="space-between">
            <Group gap="xs">
              <Badge variant="dot" color={STATUS_COLORS[p.status]}>
                {statusLabel(p)}
              </Badge>
              <Badge
                variant="dot"
                color={p.clearanceOutcome ? CLEARANCE_COLORS[p.clearanceOutcome] : 'gray'}
              >
                Clearance: {clearanceLabel(p)}
              </Badge>
            </Group>
            <Group gap="xs">
              <Anchor component={Link} to="/people" size="sm">
                Back to people
              </Anchor>
              {can(org.role, api.people.update) ? (
                <Button
                  leftSection={<IconPencil size={16} aria-hidden />}
                  onClick={() => setEditing(true)}
                >
                  Edit {p.name}
                </Button>
              ) : null}
            </Group>
          </Group>
          <ClearanceWarningAlert warning={warnings.get(p.id)} />
          <Card withBorder padding="md">
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
              <Fact label="Reference">{p.reference}</Fact>
              <Fact label="Employee id">{p.employeeId ?? '—'}</Fact>
              <Fact label="Email">{p.email ?? '—'}</Fact>
              <Fact label="Department">{p.department?.name ?? '—'}</Fact>
              <Fact label="Manager">
                {p.manager ? (
                  <Anchor component={Link} to={`/people/${p.manager.id}`} size="sm">
                    {p.manager.name}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Fact>
              <Fact label="Location">{p.location || '—'}</Fact>
              <Fact label="Start date">{formatDate(p.startDate)}</Fact>
              <Fact label="End date (last day worked)">{formatDate(p.endDate)}</Fact>
              <Fact label="Custos account">{p.user?.name ?? 'None linked'}</Fact>
            </SimpleGrid>
          </Card>
          <Card withBorder padding="md">
            <Stack gap="sm">
              <Text fw={600}>Clearance (164.308(a)(3)(ii)(B))</Text>
              <SimpleGrid cols={{ base: 1, xs: 2 }}>
                <Fact label="Background check">{clearanceLabel(p)}</Fact>
                <Fact label="Checked on">{formatDate(p.clearanceDate)}</Fact>
              </SimpleGrid>
              {p.clearanceNote !== null ? (
                <Fact label="Clearance note">{p.clearanceNote || '—'}</Fact>
              ) : null}
              <Text fw={600}>Authorization and supervision (164.308(a)(3)(ii)(A))</Text>
              <Fact label="Authorization">{p.authorizationNote || '—'}</Fact>
              <Fact label="Supervision">{p.supervisionNote || '—'}</Fact>
            </Stack>
          </Card>
          {can(org.role, api.workforce.checklists) ? (
            <PersonChecklists personId={p.id} name={p.name} hasAccount={p.user !== null} />
          ) : null}
          <PersonAccessGrants personId={p.id} />
          <Text size="xs" c="dimmed">
            Added {time.dateTime(p.createdAt)}; last changed {time.dateTime(p.updatedAt)}.
          </Text>
        </Stack>
      ) : null}
      {editing && p ? <PersonDrawer person={p} onClose={() => setEditing(false)} /> : null}
    </>
  );
}
