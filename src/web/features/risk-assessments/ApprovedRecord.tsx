import { Badge, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { AssessmentDetail, FrozenRecord } from '../../../contracts/risk-assessments';
import type { Level } from '../../../contracts/risk-library';
import { TREATMENT_LABELS } from '../../../contracts/risks';
import { formatDate } from '../../components/format';
import { ScrollTable } from '../../components/ScrollTable';
import { useOrgTime } from '../../components/useOrgTime';
import { GapList } from './GapsPanel';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </Stack>
  );
}

function Level({ level }: { level: Level | null }) {
  if (!level) {
    return (
      <Badge variant="outline" color="gray" size="sm" tt="none">
        Not rated
      </Badge>
    );
  }
  return (
    <Badge variant="dot" color={level.color} size="sm" tt="none">
      {level.label}
    </Badge>
  );
}

/** The risks as they stood at approval, and the pairs judged negligible. */
function FrozenRegister({ record }: { record: FrozenRecord }) {
  const time = useOrgTime();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4">
        Register as approved
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Frozen on {time.dateTime(record.takenAt)}; later changes to the register do not alter it.
      </Text>
      <ScrollTable label="Register as approved" minWidth={640} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Risk</Table.Th>
            <Table.Th>Assets</Table.Th>
            <Table.Th>Level</Table.Th>
            <Table.Th>Treatment</Table.Th>
            <Table.Th>Residual</Table.Th>
            <Table.Th>Owner</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {record.risks.map((r) => (
            <Table.Tr key={r.reference}>
              <Table.Td>
                <Text span ff="monospace" size="xs" c="dimmed" mr={6}>
                  {r.reference}
                </Text>
                <Text span size="sm">
                  {r.title}
                  {r.status === 'closed' ? ' (closed)' : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{r.assets.join(', ') || '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Level level={r.inherentLevel} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{r.treatment ? TREATMENT_LABELS[r.treatment] : '—'}</Text>
              </Table.Td>
              <Table.Td>{r.residualLevel ? <Level level={r.residualLevel} /> : '—'}</Table.Td>
              <Table.Td>
                <Text size="sm">{r.owner ?? '—'}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
      {record.risks.length === 0 ? (
        <Text size="sm" c="dimmed">
          The register held no risks.
        </Text>
      ) : null}
      <Title order={3} size="h5" mt="md" mb={4}>
        Pairs considered and judged negligible
      </Title>
      {record.negligiblePairs.length === 0 ? (
        <Text size="sm" c="dimmed">
          None.
        </Text>
      ) : (
        <Stack gap={4}>
          {record.negligiblePairs.map((p) => (
            <Text key={p.id} size="sm">
              <strong>
                {p.asset.reference} {p.asset.name} × {p.threat.title}
              </strong>
              : {p.reason}{' '}
              <Text span size="xs" c="dimmed">
                ({p.decidedBy?.name ?? 'unknown'}, {time.dateTime(p.decidedAt)})
              </Text>
            </Text>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/**
 * An assessment read as a record: fields as text, not a disabled form (an approved one, and any
 * one for a role that reads without changing it).
 */
export function AssessmentRecord({ assessment: a }: { assessment: AssessmentDetail }) {
  const time = useOrgTime();
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Field label="Period">
            {formatDate(a.startsOn)} – {formatDate(a.endsOn)}
          </Field>
          <Field label="Participants">
            {a.participants.map((p) => `${p.name}${p.role ? `, ${p.role}` : ''}`).join('\n') || '—'}
          </Field>
          <Field label="Submitted">
            {a.submitted
              ? `${a.submitted.by?.name ?? '—'}, ${time.dateTime(a.submitted.at)}`
              : 'Not yet'}
          </Field>
          <Field label="Approved">
            {a.approved ? `${a.approved.by.name}, ${time.dateTime(a.approved.at)}` : 'Not yet'}
          </Field>
        </SimpleGrid>
        {a.approved?.note ? <Field label="Approval note">{a.approved.note}</Field> : null}
        <Field label="Scope">{a.scope || '—'}</Field>
        <Field label="Method">{a.method || '—'}</Field>
        {a.approved?.incomplete ? (
          <Stack gap={2}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase">
              Incomplete at approval, acknowledged by {a.approved.by.name}
            </Text>
            <GapList gaps={a.approved.incomplete} />
          </Stack>
        ) : a.approved ? (
          <Field label="Completeness">Nothing was left incomplete at approval.</Field>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** An approved assessment, read as the record it is, with the register it froze. */
export function ApprovedRecord({ assessment: a }: { assessment: AssessmentDetail }) {
  return (
    <>
      <AssessmentRecord assessment={a} />
      {a.record ? <FrozenRegister record={a.record} /> : null}
    </>
  );
}
