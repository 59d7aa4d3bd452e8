import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import {
  SANCTION_INTENTS,
  SANCTION_INTENT_LABELS,
  SANCTION_SEVERITIES,
  SANCTION_SEVERITY_LABELS,
  type Sanction,
  type SanctionIntent,
  type SanctionSeverity,
} from '../../../contracts/sanctions';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { can, useMe } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDate } from '../../components/format';
import { MutationError } from '../../components/MutationError';
import { NoOrganization } from '../../components/NoOrganization';
import { PersonPicker } from '../../components/PeoplePicker';
import { PageHeader } from '../../components/PageHeader';
import { ScrollTable } from '../../components/ScrollTable';

function SignOff({ sanction }: { sanction: Sanction }) {
  const orgId = useActiveOrg()?.orgId ?? '';
  const me = useMe().data;
  const sign = useApiMutation(api.sanctions.signOff);
  if (sanction.hrSignOff) {
    return (
      <Text size="sm">
        {sanction.hrSignOff.by.name}, {formatDate(sanction.hrSignOff.at.slice(0, 10))}
      </Text>
    );
  }
  // Who approved is who acted: the decider does not sign off their own decision.
  if (me?.user.id === sanction.decidedBy.id) {
    return <Text size="sm">Awaiting another member</Text>;
  }
  return (
    <Stack gap={4}>
      <Button
        size="xs"
        variant="default"
        loading={sign.isPending}
        onClick={() => sign.mutate([{ orgId, sanctionId: sanction.id }])}
      >
        Sign off {sanction.reference} for HR
      </Button>
      <MutationError error={sign.error} action="sign off" />
    </Stack>
  );
}

function RecordDialog({ onClose }: { onClose: () => void }) {
  const orgId = useActiveOrg()?.orgId ?? '';
  const documents = useApiQuery(api.documents.list, orgId ? [{ orgId }] : null);
  const tiers = useApiQuery(api.sanctions.tiers, orgId ? [{ orgId }] : null);
  const [personId, setPersonId] = useState<string | null>(null);
  const prior = useApiQuery(
    api.sanctions.list,
    orgId && personId ? [{ orgId }, { personId }] : null,
  );
  const [violation, setViolation] = useState('');
  const [policyVersionId, setPolicyVersionId] = useState<string | null>(null);
  const [severity, setSeverity] = useState<SanctionSeverity>('moderate');
  const [intent, setIntent] = useState<SanctionIntent>('negligent');
  const [notes, setNotes] = useState('');
  const [decision, setDecision] = useState<string | null>(null);
  const [decidedOn, setDecidedOn] = useState('');
  const [action, setAction] = useState('');
  const [actionDue, setActionDue] = useState('');
  const [courseId, setCourseId] = useState<string | null>(null);
  const [retrainingDue, setRetrainingDue] = useState('');
  const create = useApiMutation(api.sanctions.create, { onSuccess: onClose });
  const suggested = prior.data?.suggestion?.name ?? null;
  const chosen = decision ?? suggested;
  // 164.308(a)(1)(ii)(C) with (a)(5): a sanction of retraining assigns the course chosen here.
  const retraining = chosen?.toLowerCase() === 'retraining';
  const courses = useApiQuery(api.training.courses, orgId && retraining ? [{ orgId }] : null);
  const errors = fieldErrors(create.error);
  return (
    <Modal opened onClose={onClose} title="Record a sanction" size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!personId || !chosen) return;
          create.mutate([
            { orgId },
            {
              personId,
              violation,
              policyVersionId,
              severity,
              intent,
              investigationNotes: notes,
              decision: chosen,
              decidedOn,
              correctiveActions:
                action.trim() && actionDue ? [{ title: action, dueOn: actionDue }] : [],
              ...(retraining && courseId ? { retraining: { courseId, dueOn: retrainingDue } } : {}),
            },
          ]);
        }}
      >
        <Stack gap="sm">
          <PersonPicker
            orgId={orgId}
            label="Person"
            required
            value={personId}
            onChange={(value) => {
              setPersonId(value);
              setDecision(null);
            }}
            error={errors.personId}
          />
          {personId && prior.data ? (
            <Alert variant="light" color="gray" title="Prior records">
              {prior.data.data.length === 0 ? (
                <Text size="sm">None.</Text>
              ) : (
                prior.data.data.map((s) => (
                  <Text size="sm" key={s.id}>
                    {s.reference} · {formatDate(s.decidedOn)} · {s.decision.name}
                  </Text>
                ))
              )}
              {suggested ? (
                <Text size="sm" mt={4}>
                  Progressive discipline suggests: <strong>{suggested}</strong>
                </Text>
              ) : null}
            </Alert>
          ) : null}
          <Textarea
            label="Violation"
            required
            autosize
            minRows={2}
            value={violation}
            onChange={(e) => setViolation(e.currentTarget.value)}
          />
          <Select
            label="Policy violated"
            clearable
            data={(documents.data?.data ?? []).flatMap((d) =>
              d.inEffect
                ? [
                    {
                      value: d.inEffect.id,
                      label: `${d.reference} v${d.inEffect.number} ${d.title}`,
                    },
                  ]
                : [],
            )}
            value={policyVersionId}
            onChange={setPolicyVersionId}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Severity"
              allowDeselect={false}
              data={SANCTION_SEVERITIES.map((v) => ({
                value: v,
                label: SANCTION_SEVERITY_LABELS[v],
              }))}
              value={severity}
              onChange={(v) => {
                if (v) setSeverity(v);
              }}
            />
            <Select
              label="Intent"
              allowDeselect={false}
              data={SANCTION_INTENTS.map((v) => ({ value: v, label: SANCTION_INTENT_LABELS[v] }))}
              value={intent}
              onChange={(v) => {
                if (v) setIntent(v);
              }}
            />
          </SimpleGrid>
          <Textarea
            label="Investigation notes"
            autosize
            minRows={2}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Decision"
              required
              allowDeselect={false}
              data={(tiers.data?.data ?? []).map((t) => t.name)}
              value={chosen}
              onChange={setDecision}
            />
            <TextInput
              type="date"
              label="Decided on"
              required
              value={decidedOn}
              onChange={(e) => setDecidedOn(e.currentTarget.value)}
            />
          </SimpleGrid>
          {retraining ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ alignItems: 'end' }}>
              <Select
                label="Retraining course"
                description="Assigned to the person once; without one, a task to arrange it"
                clearable
                searchable
                data={(courses.data?.data ?? []).map((c) => ({ value: c.id, label: c.title }))}
                value={courseId}
                onChange={setCourseId}
                error={errors['retraining.courseId']}
              />
              <TextInput
                type="date"
                label="Retraining due"
                description="Within a year"
                required={!!courseId}
                value={retrainingDue}
                onChange={(e) => setRetrainingDue(e.currentTarget.value)}
                error={errors['retraining.dueOn']}
              />
            </SimpleGrid>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ alignItems: 'end' }}>
            <TextInput
              label="Corrective action (becomes a task)"
              description="Everyone who reads tasks sees it: word it without the sanction"
              value={action}
              onChange={(e) => setAction(e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label="Corrective action due"
              value={actionDue}
              onChange={(e) => setActionDue(e.currentTarget.value)}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            You are recorded as who decided; another member signs it off for HR.
          </Text>
          <MutationError error={create.error} action="record the sanction" />
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              type="submit"
              loading={create.isPending}
              disabled={
                !personId ||
                !violation.trim() ||
                !chosen ||
                !decidedOn ||
                (retraining && !!courseId && !retrainingDue)
              }
            >
              Record sanction
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Sanction records (164.308(a)(1)(ii)(C)): only owners, admins and the officials see this page. */
export function SanctionsPage() {
  const org = useActiveOrg();
  const orgId = org?.orgId;
  const list = useApiQuery(api.sanctions.list, orgId ? [{ orgId }, {}] : null);
  const [recording, setRecording] = useState(false);
  if (!org) return <NoOrganization />;
  const records = list.data?.data ?? [];
  return (
    <>
      <Group justify="space-between" align="start">
        <PageHeader
          title="Sanctions"
          description="Sanctions applied to workforce members who failed to comply with the security policies (164.308(a)(1)(ii)(C)). Seen only by owners, admins and the Security and Privacy Officials."
        />
        {can(org.role, api.sanctions.create) ? (
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setRecording(true)}
          >
            Record a sanction
          </Button>
        ) : null}
      </Group>
      {list.isError ? <ErrorNotice error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && records.length === 0 ? (
        <EmptyState filtered={false} noun="sanction">
          <Text size="sm">
            No sanction recorded. Record one when a workforce member failed to comply with the
            security policies; progressive discipline suggests the tier.
          </Text>
        </EmptyState>
      ) : null}
      {records.length > 0 ? (
        <ScrollTable label="Sanctions" minWidth={860} stack>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Record</Table.Th>
              <Table.Th>Person</Table.Th>
              <Table.Th>Decision</Table.Th>
              <Table.Th>Decided</Table.Th>
              <Table.Th>HR sign-off</Table.Th>
              <Table.Th>Acknowledged</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {records.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {s.reference}
                  </Text>
                  <Text size="xs">{s.violation}</Text>
                  {s.policy ? <Text size="xs">Policy: {s.policy.label}</Text> : null}
                </Table.Td>
                <Table.Td data-label="Person">{s.person.name}</Table.Td>
                <Table.Td data-label="Decision">
                  <Badge variant="light" color="gray">
                    {s.decision.name}
                  </Badge>
                  <Text size="xs">
                    {SANCTION_SEVERITY_LABELS[s.severity]} · {SANCTION_INTENT_LABELS[s.intent]}
                  </Text>
                </Table.Td>
                <Table.Td data-label="Decided">
                  {formatDate(s.decidedOn)}, {s.decidedBy.name}
                </Table.Td>
                <Table.Td data-label="HR sign-off">
                  <SignOff sanction={s} />
                </Table.Td>
                <Table.Td data-label="Acknowledged">{formatDate(s.acknowledgedOn)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      ) : null}
      {recording ? <RecordDialog onClose={() => setRecording(false)} /> : null}
    </>
  );
}
