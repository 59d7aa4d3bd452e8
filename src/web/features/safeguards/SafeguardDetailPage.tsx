import {
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  List,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { SAFEGUARD_CATEGORY_LABELS } from '../../../contracts/catalog';
import {
  SAFEGUARD_STATUSES,
  SAFEGUARD_STATUS_LABELS,
  type SafeguardDetail as Detail,
  type SafeguardUpdateBody,
} from '../../../contracts/safeguards';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { DecisionForm } from './DecisionForm';
import { EvidenceCard } from '../../components/EvidenceCard';
import { SafeguardPolicies } from './SafeguardPolicies';
import { TaskDialog } from '../tasks/TaskDialog';
import { StatusBadge } from './StatusBadge';
import { describeChanges } from '../../components/changes';
import { formatDate } from '../../components/format';
import { useOrgTime } from '../../components/useOrgTime';
import { auditActionLabel } from '../../../contracts/audit-actions';
import { usePeopleNames } from '../organizations/usePeopleNames';
import { useMemberOptions } from '../organizations/useMemberOptions';
import { FormFooter } from '../../components/FormFooter';

function RecordForm({ detail, editable }: { detail: Detail; editable: boolean }) {
  const org = useActiveOrg();
  const members = useMemberOptions({
    activeOnly: true,
    able: 'safeguards.update',
    current: detail.owner,
  });
  const [form, setForm] = useState<SafeguardUpdateBody>({});
  const save = useApiMutation(api.safeguards.update, {
    onSuccess: () => {
      setForm({});
    },
  });
  const errors = fieldErrors(save.error, {
    status: 'The status',
    ownerId: 'The owner',
    nextReviewOn: 'The date',
  });
  const value = <K extends keyof SafeguardUpdateBody>(key: K, fallback: SafeguardUpdateBody[K]) =>
    key in form ? form[key] : fallback;
  return (
    <Card withBorder padding="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate([{ orgId: org?.orgId ?? '', requirementId: detail.requirementId }, form]);
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4">
            How you comply
          </Title>
          <Group grow align="start">
            <Select
              label="Status"
              data={SAFEGUARD_STATUSES.map((s) => ({
                value: s,
                label: SAFEGUARD_STATUS_LABELS[s],
                disabled:
                  s === 'not_applicable' &&
                  !detail.notApplicableAllowed &&
                  detail.status !== 'not_applicable',
              }))}
              value={value('status', detail.status) ?? null}
              onChange={(v) => v && setForm({ ...form, status: v })}
              error={errors.status}
              disabled={!editable || detail.notApplicableReason !== null}
              allowDeselect={false}
            />
            <Select
              label="Owner"
              placeholder="Nobody yet"
              data={members}
              clearable
              searchable
              value={value('ownerId', detail.owner?.id ?? null) ?? null}
              onChange={(v) => setForm({ ...form, ownerId: v })}
              error={errors.ownerId}
              disabled={!editable}
            />
          </Group>
          {detail.notApplicableReason ? (
            <Text size="sm" data-testid="not-applicable-reason">
              Not applicable: {detail.notApplicableReason} It counts as done; if this changes,
              update the organization profile.
            </Text>
          ) : detail.notApplicableAllowed ? null : (
            <Text size="xs" c="dimmed">
              “Not applicable” is available only where the rule allows it (a clearinghouse function,
              a group health plan) and the organization profile says it does not apply.
            </Text>
          )}
          <Textarea
            label="Implementation statement"
            description="What you do to meet this requirement, in words an auditor can check."
            autosize
            minRows={4}
            value={value('statement', detail.statement) ?? ''}
            onChange={(e) => setForm({ ...form, statement: e.currentTarget.value })}
            error={errors.statement}
            disabled={!editable}
          />
          <Group grow align="start">
            <NumberInput
              label="Review every (months)"
              min={1}
              max={60}
              value={value('reviewIntervalMonths', detail.reviewIntervalMonths) ?? ''}
              onChange={(v) =>
                setForm({ ...form, reviewIntervalMonths: v === '' ? null : Number(v) })
              }
              error={errors.reviewIntervalMonths}
              disabled={!editable}
            />
            <TextInput
              type="date"
              label="Next review"
              value={value('nextReviewOn', detail.nextReviewOn) ?? ''}
              onChange={(e) =>
                setForm({
                  ...form,
                  nextReviewOn: e.currentTarget.value === '' ? null : e.currentTarget.value,
                })
              }
              error={errors.nextReviewOn}
              disabled={!editable}
            />
          </Group>
          <FormFooter
            mutation={save}
            fieldErrors={errors}
            label="Save"
            done="Saved."
            editable={editable}
            disabled={Object.keys(form).length === 0}
          />
        </Stack>
      </form>
    </Card>
  );
}

/** One requirement: what the rule asks, how the organization complies, its decision and history. */
export function SafeguardDetailPage() {
  const org = useActiveOrg();
  const id = useParams().requirementId ?? '';
  const detail = useApiQuery(
    api.safeguards.get,
    org && id ? [{ orgId: org.orgId, requirementId: id }] : null,
  );
  const tasks = useApiQuery(
    api.tasks.list,
    org && id
      ? [{ orgId: org.orgId }, { status: 'active', linkedType: 'safeguard', linkedId: id }]
      : null,
  );
  const [taskOpen, setTaskOpen] = useState(false);
  const time = useOrgTime();
  const people = usePeopleNames();
  if (!org) return <NoOrganization />;
  if (detail.isError)
    return <ErrorNotice error={detail.error} onRetry={() => void detail.refetch()} />;
  const d = detail.data;
  if (!d) return <Text c="dimmed">Loading…</Text>;
  const r = d.requirement;
  const editable = can(org.role, api.safeguards.update);
  return (
    <>
      <Anchor component={Link} to="/safeguards" size="sm">
        ← Safeguards
      </Anchor>
      <Group justify="space-between" align="start" mt="xs">
        <PageHeader title={`${r.id} ${r.title}`} description={r.summary} />
        <StatusBadge status={d.status} />
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <RecordForm key={d.requirementId} detail={d} editable={editable} />
            {r.designation === 'addressable' && r.kind === 'implementation_specification' ? (
              <DecisionForm
                key={`decision-${d.requirementId}`}
                detail={d}
                editable={can(org.role, api.safeguards.decide)}
              />
            ) : null}
            <SafeguardPolicies links={d.links.filter((l) => l.type === 'document')} />
            <EvidenceCard
              record={{ type: 'safeguard', id: r.id }}
              links={d.links.filter((l) => l.type !== 'document')}
              title="Evidence and related records"
              description="What proves this safeguard: reports, screenshots, signed documents, and the records it is about."
            />
            <Card withBorder padding="lg">
              <Group justify="space-between" mb="sm">
                <Title order={2} size="h4">
                  Open tasks
                </Title>
                {can(org.role, api.tasks.create) ? (
                  <Button size="xs" variant="light" onClick={() => setTaskOpen(true)}>
                    New task
                  </Button>
                ) : null}
              </Group>
              {(tasks.data?.data ?? []).length === 0 ? (
                <Text size="sm" c="dimmed">
                  No open task is linked to this requirement.
                </Text>
              ) : (
                <List spacing={4} size="sm">
                  {(tasks.data?.data ?? []).map((t) => (
                    <List.Item key={t.id}>
                      <Anchor component={Link} to={`/tasks?scope=all&task=${t.id}`} size="sm">
                        {t.reference} {t.title}
                      </Anchor>{' '}
                      <Text span size="xs" c={t.overdue ? 'red.8' : 'dimmed'}>
                        due {formatDate(t.dueOn)}
                      </Text>
                    </List.Item>
                  ))}
                </List>
              )}
              <TaskDialog
                opened={taskOpen}
                onClose={() => setTaskOpen(false)}
                link={{ type: 'safeguard', id: r.id, label: `${r.id} ${r.title}` }}
              />
            </Card>
            <Card withBorder padding="lg">
              <Title order={2} size="h4" mb="sm">
                History
              </Title>
              {d.history.length === 0 ? (
                <Text size="sm" c="dimmed">
                  Nothing recorded yet.
                </Text>
              ) : (
                <Timeline bulletSize={12} lineWidth={2}>
                  {d.history.map((h, i) => (
                    <Timeline.Item
                      key={i}
                      title={
                        <Text size="sm" fw={600}>
                          {auditActionLabel(h.action)}
                        </Text>
                      }
                    >
                      <Text size="xs" c="dimmed">
                        {time.dateTime(h.at)} · {h.actor ?? 'Custos'}
                      </Text>
                      <Text size="xs">
                        {describeChanges(h.changes, { people, timeZone: time.timeZone }, [
                          'requirement',
                        ])}
                      </Text>
                    </Timeline.Item>
                  ))}
                </Timeline>
              )}
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder padding="lg">
            <Stack gap="sm">
              <Group gap="xs">
                <Badge variant="light">{SAFEGUARD_CATEGORY_LABELS[r.safeguard]}</Badge>
                <Badge variant="outline" color={r.designation === 'required' ? 'indigo' : 'grape'}>
                  {r.kind === 'standard'
                    ? 'Standard'
                    : r.designation === 'required'
                      ? 'Required'
                      : 'Addressable'}
                </Badge>
              </Group>
              {r.parent ? (
                <Text size="sm">
                  Part of the standard{' '}
                  <Anchor
                    component={Link}
                    to={`/safeguards/${encodeURIComponent(r.parent)}`}
                    underline="always"
                  >
                    {r.parent}
                  </Anchor>
                  .
                </Text>
              ) : null}
              <Title order={3} size="h5">
                Guidance
              </Title>
              <Text size="sm">{r.guidance}</Text>
              {r.keyActivities ? (
                <>
                  <Title order={3} size="h5">
                    Key activities (NIST SP 800-66r2)
                  </Title>
                  <List size="sm" spacing={2}>
                    {r.keyActivities.map((k) => (
                      <List.Item key={k.title}>{k.title}</List.Item>
                    ))}
                  </List>
                </>
              ) : null}
              {r.mappings ? (
                <>
                  <Title order={3} size="h5">
                    Mapped controls
                  </Title>
                  <Text size="xs" c="dimmed">
                    NIST SP 800-53 Rev. 5
                  </Text>
                  <Text size="sm">{r.mappings.nistSp80053r5.join(', ')}</Text>
                  <Text size="xs" c="dimmed">
                    NIST CSF 1.1
                  </Text>
                  <Text size="sm">{r.mappings.nistCsf11.join(', ')}</Text>
                </>
              ) : null}
              {r.aliases?.length ? (
                <Text size="xs" c="dimmed">
                  Also cited as {r.aliases.join(', ')}.
                </Text>
              ) : null}
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}
