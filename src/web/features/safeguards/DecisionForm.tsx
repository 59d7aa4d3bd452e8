import {
  Badge,
  Card,
  Group,
  Input,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import {
  DECISIONS,
  DECISION_LABELS,
  type DecisionBody,
  type SafeguardDetail as Detail,
} from '../../../contracts/safeguards';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useActiveOrg } from '../../app/useActiveOrg';
import { useMe } from '../../app/session';
import { formatDate } from '../../components/format';
import { FormFooter } from '../../components/FormFooter';

// The basis picker's choice for an analysis made outside Custos (described in words).
const OUTSIDE = 'outside';

/**
 * The 164.306(d)(3) decision on an addressable specification, with date and basis. The approver
 * is whoever records it (who approved is who acted): the form names nobody else.
 */
export function DecisionForm({ detail, editable }: { detail: Detail; editable: boolean }) {
  const org = useActiveOrg();
  const me = useMe().data;
  const current = detail.decision;
  const [form, setForm] = useState<Partial<DecisionBody>>({
    decision: current?.decision ?? 'as_specified',
    rationale: current?.rationale ?? '',
    alternative: current?.alternative ?? '',
    basis: current?.basis ?? '',
  });
  // The basis picked: an assessment id, OUTSIDE, or undefined until chosen (the latest approved).
  const [chosen, setChosen] = useState<string | undefined>(
    current ? (current.basisAssessment?.id ?? OUTSIDE) : undefined,
  );
  // 164.306(d)(3): the decision rests on the risk analysis, an approved assessment when there is one.
  const assessments = useApiQuery(
    api.riskAssessments.list,
    org && editable ? [{ orgId: org.orgId }] : null,
  );
  const approved = (assessments.data?.data ?? []).filter((a) => a.status === 'approved');
  const basisOptions = [
    ...approved.map((a) => ({
      value: a.id,
      label: `${a.reference} ${a.title}${a.approved ? `, approved ${formatDate(a.approved.at.slice(0, 10))}` : ''}`,
    })),
    ...(current?.basisAssessment && !approved.some((a) => a.id === current.basisAssessment?.id)
      ? [
          {
            value: current.basisAssessment.id,
            label: `${current.basisAssessment.reference} ${current.basisAssessment.title}`,
          },
        ]
      : []),
    { value: OUTSIDE, label: 'An analysis made outside Custos (describe it)' },
  ];
  const picked = chosen ?? approved[0]?.id ?? OUTSIDE;
  const save = useApiMutation(api.safeguards.decide);
  const errors = fieldErrors(save.error, {
    rationale: 'The rationale',
    alternative: 'The alternative',
    approvedOn: 'The date',
    basis: 'The analysis',
    basisAssessmentId: 'The risk assessment',
  });
  return (
    <Card withBorder padding="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate([
            { orgId: org?.orgId ?? '', requirementId: detail.requirementId },
            picked === OUTSIDE
              ? {
                  ...form,
                  decision: form.decision ?? 'as_specified',
                  basis: form.basis ?? '',
                  basisAssessmentId: null,
                }
              : { ...form, decision: form.decision ?? 'as_specified', basisAssessmentId: picked },
          ]);
        }}
      >
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h4">
              Addressable decision (164.306(d)(3))
            </Title>
            {detail.decisionMissing ? (
              <Badge color="orange" variant="dot">
                Missing
              </Badge>
            ) : null}
          </Group>
          <Text size="sm" c="dimmed">
            Assess whether the specification is reasonable and appropriate for you. If it is not,
            document why and implement an equivalent alternative where reasonable.
          </Text>
          <Radio.Group
            value={form.decision ?? null}
            onChange={(v) => setForm({ ...form, decision: v })}
            label="Decision"
          >
            <Stack gap={6} mt={6}>
              {DECISIONS.map((d) => (
                <Radio key={d} value={d} label={DECISION_LABELS[d]} disabled={!editable} />
              ))}
            </Stack>
          </Radio.Group>
          {form.decision !== 'as_specified' ? (
            <Textarea
              label="Why the specification as written is not reasonable and appropriate"
              autosize
              minRows={2}
              value={form.rationale ?? ''}
              onChange={(e) => setForm({ ...form, rationale: e.currentTarget.value })}
              error={errors.rationale}
              disabled={!editable}
              withAsterisk
            />
          ) : null}
          {form.decision === 'alternative' ? (
            <Textarea
              label="The equivalent alternative measure"
              autosize
              minRows={2}
              value={form.alternative ?? ''}
              onChange={(e) => setForm({ ...form, alternative: e.currentTarget.value })}
              error={errors.alternative}
              disabled={!editable}
              withAsterisk
            />
          ) : null}
          <Group grow align="start">
            <Input.Wrapper
              label="Approved by"
              description="Whoever records the decision is its approver"
            >
              <Text size="sm" mt={6}>
                {editable
                  ? `You (${me?.user.name ?? 'the person recording it'})`
                  : (current?.approvedBy?.name ?? '—')}
              </Text>
              {current?.approvedBy && editable ? (
                <Text size="xs" c="dimmed">
                  Recorded until now: {current.approvedBy.name}, {formatDate(current.approvedOn)}
                </Text>
              ) : null}
            </Input.Wrapper>
            <TextInput
              type="date"
              label="Approved on"
              description="Empty: today"
              value={form.approvedOn ?? ''}
              // Empty is sent as absent: the server takes today in the organization's time zone.
              onChange={(e) => setForm({ ...form, approvedOn: e.currentTarget.value || undefined })}
              error={errors.approvedOn}
              disabled={!editable}
            />
          </Group>
          <Select
            label="Basis: the risk analysis it rests on"
            description="An approved risk assessment, or one made outside Custos"
            data={basisOptions}
            value={picked}
            onChange={(v) => v && setChosen(v)}
            error={errors.basisAssessmentId}
            disabled={!editable}
            allowDeselect={false}
          />
          {picked === OUTSIDE ? (
            <TextInput
              label="The analysis it rests on"
              placeholder="e.g. Consultant's risk analysis, approved 12 March 2026"
              value={form.basis ?? ''}
              onChange={(e) => setForm({ ...form, basis: e.currentTarget.value })}
              error={errors.basis}
              disabled={!editable}
              required
            />
          ) : null}
          <FormFooter
            mutation={save}
            fieldErrors={errors}
            label="Record decision"
            done="Recorded."
            editable={editable}
          />
        </Stack>
      </form>
    </Card>
  );
}
