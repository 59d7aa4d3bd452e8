import {
  Button,
  Card,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import {
  MANUAL_TIMELINE_KINDS,
  MANUAL_TIMELINE_KIND_LABELS,
  TIMELINE_KIND_LABELS,
  type Incident,
  type ManualTimelineKind,
} from '../../../contracts/incidents-schemas';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { RecordLink } from '../../app/RecordLink';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { MutationError } from '../../components/MutationError';
import { useOrgTime } from '../../components/useOrgTime';
import { zonedToIso } from './local-time';
import { options } from './words';

const EMPTY = {
  kind: 'note' as ManualTimelineKind,
  text: '',
  at: '',
  evidenceId: null as string | null,
};

/** Every change Custos recorded and every entry people added, oldest first, with who and when. */
export function TimelineCard({
  orgId,
  incident,
  manages,
}: {
  orgId: string;
  incident: Incident;
  manages: boolean;
}) {
  const org = useActiveOrg();
  const time = useOrgTime();
  const timeline = useApiQuery(api.incidents.timeline, [{ orgId, incidentId: incident.id }]);
  const readsEvidence = org !== undefined && can(org.role, api.evidence.list);
  const evidence = useApiQuery(
    api.evidence.list,
    manages && readsEvidence ? [{ orgId }, {}] : null,
  );
  const [form, setForm] = useState(EMPTY);
  const add = useApiMutation(api.incidents.addTimelineEntry, { onSuccess: () => setForm(EMPTY) });
  const errors = fieldErrors(add.error, {
    text: 'What happened',
    at: 'When',
    evidenceId: 'The evidence',
  });
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        Timeline
      </Title>
      {timeline.isError ? (
        <ErrorNotice error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : null}
      <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {(timeline.data?.data ?? []).map((entry) => (
          <li key={entry.id}>
            <Text size="xs" c="dimmed">
              {time.dateTime(entry.at)} · {TIMELINE_KIND_LABELS[entry.kind]} · {entry.by}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {entry.text}
            </Text>
            {entry.evidence ? (
              <RecordLink to={`/evidence/${entry.evidence.id}`} size="sm">
                {entry.evidence.name}
              </RecordLink>
            ) : null}
          </li>
        ))}
      </Stack>
      {manages ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const at = zonedToIso(form.at, time.timeZone);
            add.mutate([
              { orgId, incidentId: incident.id },
              {
                kind: form.kind,
                text: form.text,
                ...(at ? { at } : {}),
                ...(form.evidenceId ? { evidenceId: form.evidenceId } : {}),
              },
            ]);
          }}
        >
          <Stack gap="sm" mt="md">
            <Title order={3} size="h5">
              Add to the timeline
            </Title>
            <Group grow align="flex-start">
              <Select
                label="Kind"
                data={options(MANUAL_TIMELINE_KINDS, MANUAL_TIMELINE_KIND_LABELS)}
                value={form.kind}
                allowDeselect={false}
                onChange={(v) => v && setForm({ ...form, kind: v })}
              />
              <TextInput
                type="datetime-local"
                label="When"
                description={`Now if left empty · ${time.timeZone}`}
                value={form.at}
                onChange={(e) => setForm({ ...form, at: e.currentTarget.value })}
                error={errors.at}
              />
            </Group>
            <Textarea
              label="What happened"
              required
              autosize
              minRows={2}
              value={form.text}
              onChange={(e) => setForm({ ...form, text: e.currentTarget.value })}
              error={errors.text}
            />
            {readsEvidence ? (
              <Select
                label="Evidence from the vault"
                placeholder="None"
                clearable
                searchable
                data={(evidence.data?.data ?? []).map((item) => ({
                  value: item.id,
                  label: `${item.reference} ${item.title}`,
                }))}
                value={form.evidenceId}
                onChange={(v) => setForm({ ...form, evidenceId: v })}
                error={errors.evidenceId}
              />
            ) : null}
            <MutationError error={add.error} action="add the entry" />
            <Group justify="flex-end">
              <Button type="submit" loading={add.isPending}>
                Add
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Card>
  );
}
