import {
  Button,
  CopyButton,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import {
  US_JURISDICTION_CODES,
  US_JURISDICTION_CODE_LABELS,
} from '../../../contracts/breach-deadlines';
import {
  isCounted,
  NOTICE_KINDS,
  NOTICE_KIND_LABELS,
  type NoticeKind,
} from '../../../contracts/breach-notice-schemas';
import { countOf } from '../../../contracts/words';
import { api } from '../../api';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { formatDate } from '../../components/format';
import { MutationError } from '../../components/MutationError';
import { ScrollTable } from '../../components/ScrollTable';
import { useOrgTime } from '../../components/useOrgTime';

const STATES = Object.entries(US_JURISDICTION_CODE_LABELS).map(([value, label]) => ({
  value,
  label,
}));

/**
 * The notices actually sent (164.404-164.410, to be checked): when, how, to how many, recorded
 * by the person acting; the substitute-notice guidance; what the HHS portal asks for.
 */
export function BreachNotices(props: { orgId: string; incidentId: string; edits: boolean }) {
  const params = { orgId: props.orgId, incidentId: props.incidentId };
  const notices = useApiQuery(api.incidents.breachNotices, [params]);
  const time = useOrgTime();
  const [done, setDone] = useState<string | null>(null);
  const empty = {
    kind: null as NoticeKind | null,
    sentOn: time.today(),
    state: null as string | null,
    people: '' as number | string,
    channel: '',
  };
  const [form, setForm] = useState(empty);
  const record = useApiMutation(api.incidents.recordBreachNotice, {
    onSuccess: (answer) => {
      setDone(answer.task);
      setForm(empty);
    },
  });
  const [unreachable, setUnreachable] = useState<number | string>('');
  const saveUnreachable = useApiMutation(api.incidents.saveBreachUnreachable);
  const data = notices.data;
  const counted = form.kind !== null && isCounted(form.kind);
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Notices sent
      </Title>
      {data && data.data.length > 0 ? (
        <ScrollTable label="Notices sent" minWidth={560} verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Notice</Table.Th>
              <Table.Th>Sent on</Table.Th>
              <Table.Th>To</Table.Th>
              <Table.Th>Recorded by</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.data.map((n) => (
              <Table.Tr key={n.id}>
                <Table.Td>
                  <Text size="sm">
                    {NOTICE_KIND_LABELS[n.kind]}
                    {n.state
                      ? `: ${STATES.find((st) => st.value === n.state)?.label ?? n.state}`
                      : ''}
                  </Text>
                  {n.channel ? (
                    <Text size="xs" c="dimmed">
                      {n.channel}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{formatDate(n.sentOn)}</Table.Td>
                <Table.Td>
                  {n.people === null ? '—' : countOf(n.people, 'person', 'people')}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{n.recordedBy?.name ?? 'Former member'}</Text>
                  {n.corrected ? (
                    <Text size="xs" c="dimmed">
                      Corrected by {n.corrected.by.name}: {n.corrected.reason}
                    </Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      ) : (
        <Text size="sm" c="dimmed">
          No notice recorded yet.
        </Text>
      )}
      {done ? <Text size="sm">{done}</Text> : null}
      {props.edits ? (
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label="Notice sent"
              data={NOTICE_KINDS.map((k) => ({ value: k, label: NOTICE_KIND_LABELS[k] }))}
              value={form.kind}
              onChange={(v) =>
                setForm({ ...form, kind: NOTICE_KINDS.find((k) => k === v) ?? null })
              }
            />
            <TextInput
              type="date"
              label="Sent on"
              value={form.sentOn}
              onChange={(e) => setForm({ ...form, sentOn: e.currentTarget.value })}
            />
            {form.kind === 'media' ? (
              <Select
                label="State"
                searchable
                data={STATES}
                value={form.state}
                onChange={(v) => setForm({ ...form, state: v })}
              />
            ) : null}
            {counted ? (
              <NumberInput
                label="People it reached"
                min={1}
                value={form.people}
                onChange={(v) => setForm({ ...form, people: v })}
              />
            ) : null}
            <TextInput
              label="How, outlet or recipient"
              value={form.channel}
              onChange={(e) => setForm({ ...form, channel: e.currentTarget.value })}
            />
          </SimpleGrid>
          <MutationError error={record.error} action="record the notice" />
          <Group>
            <Button
              size="xs"
              disabled={form.kind === null}
              loading={record.isPending}
              onClick={() =>
                form.kind &&
                record.mutate([
                  params,
                  {
                    kind: form.kind,
                    sentOn: form.sentOn,
                    ...(form.kind === 'media'
                      ? { state: US_JURISDICTION_CODES.find((c) => c === form.state) ?? null }
                      : {}),
                    ...(counted && typeof form.people === 'number' ? { people: form.people } : {}),
                    ...(form.channel ? { channel: form.channel } : {}),
                  },
                ])
              }
            >
              Record the notice
            </Button>
          </Group>
        </Stack>
      ) : null}
      <Title order={3} size="h5">
        People who cannot be reached
      </Title>
      <Text size="sm">
        {data?.guidance
          ? `${countOf(data.guidance.unreachable, 'person', 'people')} with out-of-date or missing contact information. ${data.guidance.text}`
          : 'Not recorded: how many affected people have out-of-date or missing contact information.'}
      </Text>
      <Text size="xs" c="dimmed">
        Substitute notice, 164.404(d)(2): to be checked against the regulation.
      </Text>
      {props.edits ? (
        <Group align="flex-end" gap="xs">
          <NumberInput
            label="How many cannot be reached"
            min={0}
            w={220}
            value={unreachable}
            onChange={setUnreachable}
          />
          <Button
            size="xs"
            variant="default"
            loading={saveUnreachable.isPending}
            onClick={() =>
              typeof unreachable === 'number' && saveUnreachable.mutate([params, { unreachable }])
            }
          >
            Save the number
          </Button>
        </Group>
      ) : null}
      <MutationError error={saveUnreachable.error} action="save the number" />
      <PortalFacts orgId={props.orgId} incidentId={props.incidentId} />
    </Stack>
  );
}

/** What the HHS breach portal asks for, each with a Copy button (the list to be checked). */
function PortalFacts({ orgId, incidentId }: { orgId: string; incidentId: string }) {
  const facts = useApiQuery(api.incidents.breachPortalFacts, [{ orgId, incidentId }]);
  const rows = facts.data?.data ?? [];
  const all = rows.map((f) => `${f.label}: ${f.value}`).join('\n');
  return (
    <Stack gap={6}>
      <Group justify="space-between">
        <Title order={3} size="h5">
          For the HHS breach portal
        </Title>
        <CopyButton value={all}>
          {({ copied, copy }) => (
            <Button size="xs" variant="default" onClick={copy}>
              {copied ? 'Copied' : 'Copy all'}
            </Button>
          )}
        </CopyButton>
      </Group>
      {rows.map((f) => (
        <Group key={f.key} justify="space-between" wrap="nowrap" align="flex-start">
          <div style={{ minWidth: 0, flex: 1 }}>
            <Text size="xs" c="dimmed">
              {f.label}
            </Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {f.value}
            </Text>
          </div>
          <CopyButton value={f.value}>
            {({ copied, copy }) => (
              <Button
                size="xs"
                variant="subtle"
                onClick={copy}
                aria-label={`Copy: ${f.label}`}
                style={{ flexShrink: 0 }}
              >
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
        </Group>
      ))}
      <Text size="xs" c="dimmed">
        Our reading of the portal’s form: to be checked against the HHS breach portal.
      </Text>
    </Stack>
  );
}
