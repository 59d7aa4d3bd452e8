import {
  Alert,
  Anchor,
  Button,
  Divider,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { TREATMENTS, TREATMENT_LABELS, type Risk, type RiskBody } from '../../../contracts/risks';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { useAllAssets } from '../assets/useAllAssets';
import { useMemberOptions } from '../organizations/useMemberOptions';
import { FormFooter } from '../../components/FormFooter';
import { LevelBadge } from './LevelBadge';
import { RiskAcceptance } from './RiskAcceptance';
import { taskStatusLabel } from '../../../contracts/tasks';

function initial(risk: Risk | null): RiskBody {
  if (!risk) return { title: '', assetIds: [], controls: [] };
  return {
    title: risk.title,
    description: risk.description,
    status: risk.status,
    ownerId: risk.owner?.id ?? null,
    assetIds: risk.assets.map((a) => a.id),
    threatId: risk.threat?.id ?? null,
    vulnerabilityId: risk.vulnerability?.id ?? null,
    controls: risk.controls.map((c) => c.citation),
    likelihood: risk.likelihood?.index ?? null,
    impact: risk.impact?.index ?? null,
    ratingRationale: risk.ratingRationale,
    treatment: risk.treatment,
    treatmentPlan: risk.treatmentPlan,
    residualLikelihood: risk.residualLikelihood?.index ?? null,
    residualImpact: risk.residualImpact?.index ?? null,
    residualRationale: risk.residualRationale,
    nextReviewOn: risk.nextReviewOn,
    lastReviewedOn: risk.lastReviewedOn,
  };
}

const index = (v: string | null) => (v === null ? null : Number(v));

/** Adds a risk or changes one: what is at risk, its rating, its treatment and its review. */
export function RiskForm(props: { risk: Risk | null; onSaved: (risk: Risk) => void }) {
  const org = useActiveOrg();
  const members = useMemberOptions({
    activeOnly: true,
    able: 'risks.manage',
    current: props.risk?.owner,
  });
  const orgId = org?.orgId ?? '';
  const matrix = useApiQuery(api.risks.getMatrix, org ? [{ orgId }] : null).data?.matrix;
  const library = useApiQuery(api.risks.getLibrary, org ? [{ orgId }] : null).data;
  const assets = useAllAssets().data ?? [];
  // The catalog changes only with a release.
  const catalog = useApiQuery(api.catalog.requirements, [], { staleTime: Infinity }).data?.data;
  const [form, setForm] = useState<RiskBody>(() => initial(props.risk));
  const set = (patch: Partial<RiskBody>) => setForm((f) => ({ ...f, ...patch }));
  const create = useApiMutation(api.risks.create);
  const update = useApiMutation(api.risks.update);
  const save = props.risk ? update : create;
  const [taskTitle, setTaskTitle] = useState('');
  const [taskDue, setTaskDue] = useState('');
  const addTask = useApiMutation(api.risks.addPlanTask, {
    onSuccess: () => {
      setTaskTitle('');
      setTaskDue('');
    },
  });
  const errors = fieldErrors(save.error, {
    title: 'The title',
    ratingRationale: 'The rationale',
    likelihood: 'The likelihood',
    impact: 'The impact',
    residualLikelihood: 'The residual likelihood',
    residualImpact: 'The residual impact',
  });
  const editable = can(org?.role, api.risks.update);
  const scale = (labels: readonly string[] | undefined) =>
    (labels ?? []).map((label, i) => ({ value: String(i), label }));
  const levelOf = (l: number | null | undefined, i: number | null | undefined) => {
    if (!matrix || l === null || l === undefined || i === null || i === undefined) return null;
    const k = matrix.cells[l]?.[i];
    const level = k === undefined ? undefined : matrix.levels[k];
    return level && k !== undefined ? { ...level, index: k } : null;
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (props.risk) {
          update.mutate([{ orgId, riskId: props.risk.id }, form], { onSuccess: props.onSaved });
        } else {
          create.mutate([{ orgId }, form], { onSuccess: props.onSaved });
        }
      }}
    >
      <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="sm">
          <TextInput
            label="Risk"
            withAsterisk
            value={form.title}
            onChange={(e) => set({ title: e.currentTarget.value })}
            error={errors.title}
          />
          <Textarea
            label="Description"
            autosize
            minRows={2}
            value={form.description ?? ''}
            onChange={(e) => set({ description: e.currentTarget.value })}
          />
          <SimpleGrid cols={2}>
            <MultiSelect
              label="Assets"
              data={assets.map((a) => ({ value: a.id, label: `${a.reference} ${a.name}` }))}
              value={form.assetIds ?? []}
              onChange={(v) => set({ assetIds: v })}
              searchable
            />
            <Select
              label="Owner"
              data={members}
              value={form.ownerId ?? null}
              onChange={(v) => set({ ownerId: v })}
              clearable
            />
            <Select
              label="Threat"
              data={(library?.threats ?? []).map((t) => ({ value: t.id, label: t.title }))}
              value={form.threatId ?? null}
              onChange={(v) => set({ threatId: v })}
              searchable
              clearable
              error={errors.threatId}
            />
            <Select
              label="Vulnerability"
              data={(library?.vulnerabilities ?? []).map((v) => ({ value: v.id, label: v.title }))}
              value={form.vulnerabilityId ?? null}
              onChange={(v) => set({ vulnerabilityId: v })}
              searchable
              clearable
              error={errors.vulnerabilityId}
            />
          </SimpleGrid>
          <MultiSelect
            label="Existing controls"
            description="The safeguard records that already reduce this risk"
            data={(catalog ?? []).map((r) => ({ value: r.id, label: `${r.id} ${r.title}` }))}
            value={form.controls ?? []}
            onChange={(v) => set({ controls: v })}
            searchable
          />
          <Divider label="Inherent risk" labelPosition="left" />
          <SimpleGrid cols={3}>
            <Select
              label="Likelihood"
              data={scale(matrix?.likelihood)}
              value={
                form.likelihood === null || form.likelihood === undefined
                  ? null
                  : String(form.likelihood)
              }
              onChange={(v) => set({ likelihood: index(v) })}
              clearable
              error={errors.likelihood}
            />
            <Select
              label="Impact"
              data={scale(matrix?.impact)}
              value={form.impact === null || form.impact === undefined ? null : String(form.impact)}
              onChange={(v) => set({ impact: index(v) })}
              clearable
              error={errors.impact}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                Level of risk
              </Text>
              <LevelBadge level={levelOf(form.likelihood, form.impact)} />
            </Stack>
          </SimpleGrid>
          <Textarea
            label="Why this rating"
            withAsterisk={form.likelihood !== null && form.likelihood !== undefined}
            autosize
            minRows={2}
            value={form.ratingRationale ?? ''}
            onChange={(e) => set({ ratingRationale: e.currentTarget.value })}
            error={errors.ratingRationale}
          />
          <Divider label="Treatment" labelPosition="left" />
          <SimpleGrid cols={2}>
            <Select
              label="Treatment"
              data={TREATMENTS.map((t) => ({ value: t, label: TREATMENT_LABELS[t] }))}
              value={form.treatment ?? null}
              onChange={(v) => set({ treatment: v })}
              clearable
            />
            <Select
              label="Status"
              data={[
                { value: 'open', label: 'Open' },
                { value: 'closed', label: 'Closed' },
              ]}
              value={form.status ?? 'open'}
              onChange={(v) => set({ status: v ?? 'open' })}
              allowDeselect={false}
            />
          </SimpleGrid>
          <Textarea
            label="Plan"
            autosize
            minRows={2}
            value={form.treatmentPlan ?? ''}
            onChange={(e) => set({ treatmentPlan: e.currentTarget.value })}
          />
          {form.treatment === 'accept' ? (
            <RiskAcceptance risk={props.risk} onTreatment={(treatment) => set({ treatment })} />
          ) : null}
          <SimpleGrid cols={3}>
            <Select
              label="Residual likelihood"
              data={scale(matrix?.likelihood)}
              value={
                form.residualLikelihood === null || form.residualLikelihood === undefined
                  ? null
                  : String(form.residualLikelihood)
              }
              onChange={(v) => set({ residualLikelihood: index(v) })}
              clearable
              error={errors.residualLikelihood}
            />
            <Select
              label="Residual impact"
              data={scale(matrix?.impact)}
              value={
                form.residualImpact === null || form.residualImpact === undefined
                  ? null
                  : String(form.residualImpact)
              }
              onChange={(v) => set({ residualImpact: index(v) })}
              clearable
              error={errors.residualImpact}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                Residual level
              </Text>
              <LevelBadge level={levelOf(form.residualLikelihood, form.residualImpact)} />
            </Stack>
          </SimpleGrid>
          <Textarea
            label="Why this residual rating"
            autosize
            minRows={1}
            value={form.residualRationale ?? ''}
            onChange={(e) => set({ residualRationale: e.currentTarget.value })}
          />
          <SimpleGrid cols={2}>
            <TextInput
              label="Last reviewed on"
              type="date"
              value={form.lastReviewedOn ?? ''}
              onChange={(e) => set({ lastReviewedOn: e.currentTarget.value || null })}
            />
            <TextInput
              label="Next review on"
              type="date"
              value={form.nextReviewOn ?? ''}
              onChange={(e) => set({ nextReviewOn: e.currentTarget.value || null })}
            />
          </SimpleGrid>
          <FormFooter
            mutation={save}
            fieldErrors={errors}
            label={props.risk ? 'Save risk' : 'Add risk'}
            done="Saved."
            editable={editable}
          />
        </Stack>
      </fieldset>
      {props.risk ? (
        <Stack gap="xs" mt="lg">
          <Divider label="Plan tasks" labelPosition="left" />
          {props.risk.planTasks.length === 0 ? (
            <Text size="sm" c="dimmed">
              No task yet.
            </Text>
          ) : (
            props.risk.planTasks.map((t) => (
              <Anchor
                key={t.id}
                component={Link}
                to={`/tasks?scope=all&status=${t.status === 'done' ? 'done' : 'active'}&task=${t.id}`}
                size="sm"
              >
                {t.reference} {t.title} ({taskStatusLabel(t.status).toLowerCase()})
              </Anchor>
            ))
          )}
          {editable ? (
            <Group align="end">
              <TextInput
                label="New task"
                value={taskTitle}
                onChange={(e) => setTaskTitle(e.currentTarget.value)}
                style={{ flex: 1 }}
              />
              <TextInput
                label="Due"
                type="date"
                value={taskDue}
                onChange={(e) => setTaskDue(e.currentTarget.value)}
              />
              <Button
                variant="default"
                disabled={!taskTitle.trim()}
                loading={addTask.isPending}
                onClick={() =>
                  addTask.mutate([
                    { orgId, riskId: props.risk?.id ?? '' },
                    { title: taskTitle, ...(taskDue ? { dueOn: taskDue } : {}) },
                  ])
                }
              >
                Add task
              </Button>
            </Group>
          ) : null}
          {addTask.error ? (
            <Alert color="red" variant="light" role="alert">
              {addTask.error.message}
            </Alert>
          ) : null}
        </Stack>
      ) : null}
    </form>
  );
}
