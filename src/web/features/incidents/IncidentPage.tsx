import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router';
import {
  INCIDENT_CATEGORY_LABELS,
  INCIDENT_SOURCE_LABELS,
  INCIDENT_STATUSES,
  INCIDENT_STATUS_LABELS,
  type Incident,
  type IncidentStatus,
} from '../../../contracts/incidents-schemas';
import { api } from '../../api';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { RecordLink } from '../../app/RecordLink';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { MutationError } from '../../components/MutationError';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { useOrgTime } from '../../components/useOrgTime';
import { BreachCard } from './BreachCard';
import { ChecklistCard } from './ChecklistCard';
import { IncidentDialog } from './IncidentDialog';
import { ReviewCard } from './ReviewCard';
import { TimelineCard } from './TimelineCard';
import { MOVE_LABELS, STATUS_COLORS, severityColor } from './words';

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

/** What a button moving from `from` to `to` says: forward in words, backward as such. */
function moveLabel(from: IncidentStatus, to: IncidentStatus): string {
  if (from === 'closed' || from === 'not_an_incident') return 'Reopen';
  if (to !== 'not_an_incident' && INCIDENT_STATUSES.indexOf(to) < INCIDENT_STATUSES.indexOf(from)) {
    return `Back to ${INCIDENT_STATUS_LABELS[to].toLowerCase()}`;
  }
  return MOVE_LABELS[to];
}

/** One incident: its facts, its response, its timeline and its review. */
export function IncidentPage() {
  const org = useActiveOrg();
  const { incidentId = '' } = useParams();
  const orgId = org?.orgId;
  const got = useApiQuery(api.incidents.get, orgId ? [{ orgId, incidentId }] : null);
  if (!org) return <NoOrganization />;
  const incident = got.data;
  return (
    <>
      <PageHeader
        title={incident ? `${incident.reference} ${incident.title}` : 'Incident'}
        description={incident ? INCIDENT_CATEGORY_LABELS[incident.category] : ''}
      />
      {got.isError ? <ErrorNotice error={got.error} onRetry={() => void got.refetch()} /> : null}
      {incident ? (
        <IncidentBody
          orgId={org.orgId}
          incident={incident}
          manages={can(org.role, api.incidents.update)}
          readsBreach={can(org.role, api.incidents.breachDeterminations)}
        />
      ) : null}
    </>
  );
}

function IncidentBody({
  orgId,
  incident,
  manages,
  readsBreach,
}: {
  orgId: string;
  incident: Incident;
  manages: boolean;
  readsBreach: boolean;
}) {
  const time = useOrgTime();
  const [editing, setEditing] = useState(false);
  const scale = useApiQuery(api.incidents.severityScale, [{ orgId }]);
  const move = useApiMutation(api.incidents.changeStatus);
  const zone = incident.discoveredTimeZone;
  const inZone = (iso: string | null) =>
    iso === null
      ? 'Not recorded'
      : `${time.dateTime(iso)}${zone === time.timeZone ? '' : ` (recorded in ${zone})`}`;
  return (
    <Stack gap="md" maw={980}>
      <Group justify="space-between">
        <Group gap="xs">
          <Badge variant="dot" color={STATUS_COLORS[incident.status]}>
            {INCIDENT_STATUS_LABELS[incident.status]}
          </Badge>
          {incident.severity ? (
            <Badge
              variant="dot"
              color={severityColor(incident.severity.level, scale.data?.data.length ?? 4)}
            >
              Severity: {incident.severity.name}
            </Badge>
          ) : (
            <Badge variant="dot" color="gray">
              Severity not rated
            </Badge>
          )}
        </Group>
        {manages ? (
          <Group gap="xs">
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPencil size={14} aria-hidden />}
              onClick={() => setEditing(true)}
            >
              Change
            </Button>
            {incident.nextStatuses.map((status) => (
              <Button
                key={status}
                size="xs"
                variant={status === 'not_an_incident' ? 'default' : 'filled'}
                loading={move.isPending && move.variables[1].status === status}
                onClick={() => move.mutate([{ orgId, incidentId: incident.id }, { status }])}
              >
                {moveLabel(incident.status, status)}
              </Button>
            ))}
          </Group>
        ) : null}
      </Group>
      <MutationError error={move.error} action="change the status" />
      <Card withBorder padding="lg">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
          <Fact label="Reported">
            {time.dateTime(incident.reportedAt)} · {INCIDENT_SOURCE_LABELS[incident.source]}
            {incident.reportedBy ? ` · ${incident.reportedBy.name}` : ''}
          </Fact>
          <Fact label="Occurred">{inZone(incident.occurredAt)}</Fact>
          <Fact label="Discovered">{inZone(incident.discoveredAt)}</Fact>
          <Fact label="Owner">{incident.owner?.name ?? 'Nobody yet'}</Fact>
          <Fact label="Device or system">{incident.system || 'Not recorded'}</Fact>
          <Fact label="Business associate involved">{incident.businessAssociate || 'None'}</Fact>
          <Fact label="Assets involved">
            {incident.assets.length === 0
              ? 'None recorded'
              : incident.assets.map((a) => a.name).join(', ')}
          </Fact>
          <Fact label="People involved">
            {incident.people.length === 0
              ? 'None recorded'
              : incident.people.map((p) => p.name).join(', ')}
          </Fact>
          {incident.reporterContact ? (
            <Fact label="Reporter's contact">{incident.reporterContact}</Fact>
          ) : null}
        </SimpleGrid>
        {incident.description ? (
          <>
            <Title order={2} size="h5" mt="md" mb={4}>
              What happened
            </Title>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {incident.description}
            </Text>
          </>
        ) : null}
      </Card>
      {readsBreach ? <BreachCard orgId={orgId} incident={incident} /> : null}
      <TimelineCard orgId={orgId} incident={incident} manages={manages} />
      <ChecklistCard orgId={orgId} incident={incident} manages={manages} />
      <ReviewCard orgId={orgId} incident={incident} manages={manages} />
      {editing ? (
        <IncidentDialog orgId={orgId} incident={incident} onClose={() => setEditing(false)} />
      ) : null}
      <div>
        <RecordLink to="/tasks?scope=all" size="sm">
          Open the task list
        </RecordLink>
      </div>
    </Stack>
  );
}
