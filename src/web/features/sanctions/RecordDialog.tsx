import {
  Alert,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import {
  SANCTION_INTENTS,
  SANCTION_INTENT_LABELS,
  SANCTION_SEVERITIES,
  SANCTION_SEVERITY_LABELS,
  type SanctionIntent,
  type SanctionSeverity,
} from '../../../contracts/sanctions';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useActiveOrg } from '../../app/useActiveOrg';
import { formatDate } from '../../components/format';
import { MutationError } from '../../components/MutationError';
import { PersonPicker } from '../../components/PeoplePicker';

/**
 * Records a sanction (164.308(a)(1)(ii)(C)): the person's prior records and the tier progressive
 * discipline suggests are shown as soon as the person is chosen.
 */
export function RecordDialog({ onClose }: { onClose: () => void }) {
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
  const navigate = useNavigate();
  const create = useApiMutation(api.sanctions.create, {
    onSuccess: (created) => void navigate(`/sanctions/${created.id}`),
  });
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
                    {s.reference} · {formatDate(s.decidedOn)} · {s.decision.name} · {s.violation}
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
