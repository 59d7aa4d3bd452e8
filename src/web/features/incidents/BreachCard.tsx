import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import {
  BREACH_EXCLUSION_LABELS,
  US_JURISDICTION_CODES,
  US_JURISDICTION_CODE_LABELS,
} from '../../../contracts/breach-deadlines';
import {
  BREACH_FACTORS,
  BREACH_FACTOR_LABELS,
  BREACH_OUTCOME_LABELS,
  BREACH_STEPS,
  BREACH_STEP_LABELS,
  DETERMINATION_STATUS_LABELS,
  FACTOR_RATING_LABELS,
  type BreachDeterminationView,
} from '../../../contracts/breach-determination-schemas';
import type { Incident } from '../../../contracts/incidents-schemas';
import { api } from '../../api';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { formatDate } from '../../components/format';
import { MutationError } from '../../components/MutationError';
import { useOrgTime } from '../../components/useOrgTime';
import { BreachDeadlines } from './BreachDeadlines';
import { BreachFormFields } from './BreachFormFields';
import { BreachLetter } from './BreachLetterCard';
import { BreachNotices } from './BreachNoticesCard';
import { bodyOf, formOf, type BreachForm } from './breach-form';

/**
 * The breach determination (164.402, to be checked): a guided record, each step saved with who
 * and when, approved by someone else where there is someone else, then frozen; a change is a
 * new version with its reason. Its deadlines come from the engine, with the days left.
 */
export function BreachCard({ orgId, incident }: { orgId: string; incident: Incident }) {
  const org = useActiveOrg();
  const role = org?.role;
  const list = useApiQuery(api.incidents.breachDeterminations, [
    { orgId, incidentId: incident.id },
  ]);
  const versions = list.data?.data ?? [];
  const latest = versions[0];
  const determines = role !== undefined && can(role, api.incidents.saveBreachSteps);
  const approves = role !== undefined && can(role, api.incidents.approveBreachDetermination);
  const [editing, setEditing] = useState(false);
  const [revising, setRevising] = useState(false);
  // The notices follow the newest approved determination, even while a next version is drafted.
  const breach = versions.find((v) => v.status === 'approved');
  const notifiable = breach?.outcome === 'breach' ? breach : undefined;
  const notices = useApiQuery(
    api.incidents.breachNotices,
    notifiable ? [{ orgId, incidentId: incident.id }] : null,
  );
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          Breach determination
        </Title>
        {latest ? (
          <Group gap="xs">
            <Badge variant="dot" color={latest.status === 'approved' ? 'green' : 'gray'}>
              Version {latest.version}: {DETERMINATION_STATUS_LABELS[latest.status]}
            </Badge>
          </Group>
        ) : null}
      </Group>
      {!latest && !editing ? (
        <Stack gap="xs" align="flex-start">
          <Text size="sm" c="dimmed">
            Whether this incident is a breach of unsecured protected health information, and the
            notices it makes due.
          </Text>
          {determines ? (
            <Button size="xs" onClick={() => setEditing(true)}>
              Record the breach determination
            </Button>
          ) : null}
        </Stack>
      ) : null}
      {editing && latest?.status !== 'approved' ? (
        <DeterminationForm
          orgId={orgId}
          incidentId={incident.id}
          draft={latest}
          onDone={() => setEditing(false)}
        />
      ) : latest ? (
        <Stack gap="sm">
          <Summary determination={latest} />
          {latest.deadlines ? (
            <>
              <Title order={3} size="h5">
                Deadlines
              </Title>
              <BreachDeadlines
                deadlines={latest.deadlines}
                progress={latest === notifiable ? notices.data?.progress : null}
              />
            </>
          ) : null}
          {latest.outcome === 'breach' ? (
            <BreachLetter orgId={orgId} incidentId={incident.id} edits={determines} />
          ) : null}
          {notifiable?.deadlines?.mediaNoticeRequiredStates.map((code) => {
            const state = US_JURISDICTION_CODES.find((c) => c === code);
            return state ? (
              <BreachLetter
                key={state}
                orgId={orgId}
                incidentId={incident.id}
                edits={determines}
                state={{ code: state, name: US_JURISDICTION_CODE_LABELS[state] }}
              />
            ) : null;
          })}
          {notifiable ? (
            <BreachNotices orgId={orgId} incidentId={incident.id} edits={determines} />
          ) : null}
          <Actions
            orgId={orgId}
            incidentId={incident.id}
            latest={latest}
            determines={determines}
            approves={approves}
            onEdit={() => setEditing(true)}
            revising={revising}
            setRevising={setRevising}
          />
          {versions.length > 1 ? <Earlier versions={versions.slice(1)} /> : null}
        </Stack>
      ) : null}
    </Card>
  );
}

function Summary({ determination: d }: { determination: BreachDeterminationView }) {
  const time = useOrgTime();
  return (
    <Stack gap={6}>
      {d.reason ? (
        <Text size="sm">
          <b>Why this version:</b> {d.reason}
        </Text>
      ) : null}
      {d.outcome ? (
        <Alert
          variant="light"
          color={d.outcome === 'breach' ? 'red' : 'green'}
          title={BREACH_OUTCOME_LABELS[d.outcome]}
        >
          {d.approved ? (
            <Text size="sm">
              Approved by {d.approved.by.name}, {time.dateTime(d.approved.at)}
              {d.approved.note ? `: ${d.approved.note}` : ''}
            </Text>
          ) : (
            <Text size="sm">Not approved yet.</Text>
          )}
        </Alert>
      ) : (
        <Text size="sm">Still to record: {d.missing.join('; ')}.</Text>
      )}
      <List size="sm" spacing={2}>
        {d.phi ? (
          <List.Item>
            PHI {d.phi.involved ? 'involved' : 'not involved'}
            {d.phi.involved ? `, ${d.phi.unsecured ? 'unsecured' : 'secured'}` : ''}
            {d.phi.rationale ? `: ${d.phi.rationale}` : ''}
          </List.Item>
        ) : null}
        {d.exclusion ? (
          <List.Item>
            {d.exclusion.applies
              ? `${BREACH_EXCLUSION_LABELS[d.exclusion.applies]}: ${d.exclusion.facts}`
              : 'No exclusion applies'}
          </List.Item>
        ) : null}
        {d.factors
          ? BREACH_FACTORS.map((f) => (
              <List.Item key={f}>
                {BREACH_FACTOR_LABELS[f]}: {FACTOR_RATING_LABELS[d.factors?.[f].rating ?? 'high']}
                {d.factors?.[f].rationale ? `. ${d.factors[f].rationale}` : ''}
              </List.Item>
            ))
          : null}
        {d.conclusion ? (
          <List.Item>
            {d.conclusion.lowProbability
              ? 'Low probability of compromise demonstrated'
              : 'Low probability of compromise not demonstrated'}
            {d.conclusion.rationale ? `: ${d.conclusion.rationale}` : ''}
          </List.Item>
        ) : null}
        {d.facts ? (
          <List.Item>
            Discovered {formatDate(d.discoveredOn)}; occurred {formatDate(d.facts.breachOccurredOn)}
            ; {d.facts.affectedTotal.toLocaleString('en-US')} affected
            {d.facts.lawEnforcementDelay
              ? `; law-enforcement delay until ${formatDate(d.facts.lawEnforcementDelay.until)}`
              : ''}
          </List.Item>
        ) : null}
      </List>
      <Text size="xs" c="dimmed">
        {BREACH_STEPS.filter((s) => d.saved[s])
          .map(
            (s) =>
              `${BREACH_STEP_LABELS[s]}: ${d.saved[s]?.by.name}, ${time.dateTime(d.saved[s]?.at ?? null)}`,
          )
          .join(' · ')}
      </Text>
    </Stack>
  );
}

function Actions(props: {
  orgId: string;
  incidentId: string;
  latest: BreachDeterminationView;
  determines: boolean;
  approves: boolean;
  onEdit: () => void;
  revising: boolean;
  setRevising: (v: boolean) => void;
}) {
  const { latest, determines, approves } = props;
  const params = { orgId: props.orgId, incidentId: props.incidentId };
  const [reason, setReason] = useState('');
  const approve = useApiMutation(api.incidents.approveBreachDetermination);
  const revise = useApiMutation(api.incidents.reviseBreachDetermination, {
    onSuccess: () => {
      props.setRevising(false);
      props.onEdit();
    },
  });
  if (latest.status === 'draft') {
    return (
      <Stack gap="xs">
        <Group gap="xs">
          {determines ? (
            <Button size="xs" variant="default" onClick={props.onEdit}>
              Continue the determination
            </Button>
          ) : null}
          {approves && latest.missing.length === 0 ? (
            <Button
              size="xs"
              loading={approve.isPending}
              onClick={() => approve.mutate([params, {}])}
            >
              Approve the determination
            </Button>
          ) : null}
        </Group>
        <MutationError error={approve.error} action="approve" />
      </Stack>
    );
  }
  if (!determines) return null;
  return props.revising ? (
    <Stack gap="xs">
      <Textarea
        label="Why the determination changes"
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      <Group gap="xs">
        <Button
          size="xs"
          loading={revise.isPending}
          onClick={() => revise.mutate([params, { reason }])}
        >
          Start version {latest.version + 1}
        </Button>
        <Button size="xs" variant="default" onClick={() => props.setRevising(false)}>
          Cancel
        </Button>
      </Group>
      <MutationError error={revise.error} action="start a new version" />
    </Stack>
  ) : (
    <Group>
      <Button size="xs" variant="default" onClick={() => props.setRevising(true)}>
        Start a new version
      </Button>
    </Group>
  );
}

function DeterminationForm(props: {
  orgId: string;
  incidentId: string;
  draft: BreachDeterminationView | undefined;
  onDone: () => void;
}) {
  const [form, setForm] = useState<BreachForm>(() => formOf(props.draft));
  const save = useApiMutation(api.incidents.saveBreachSteps, { onSuccess: props.onDone });
  return (
    <Stack gap="md">
      <BreachFormFields form={form} setForm={setForm} />
      <MutationError error={save.error} action="save the determination" />
      <Group gap="xs">
        <Button
          size="xs"
          loading={save.isPending}
          onClick={() =>
            save.mutate([{ orgId: props.orgId, incidentId: props.incidentId }, bodyOf(form)])
          }
        >
          Save the determination
        </Button>
        <Button size="xs" variant="default" onClick={props.onDone}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}

function Earlier({ versions }: { versions: BreachDeterminationView[] }) {
  const time = useOrgTime();
  return (
    <Stack gap={2}>
      <Title order={3} size="h5">
        Earlier versions
      </Title>
      {versions.map((v) => (
        <Text key={v.id} size="sm">
          Version {v.version}: {v.outcome ? BREACH_OUTCOME_LABELS[v.outcome] : 'incomplete'}
          {v.approved ? `, approved by ${v.approved.by.name} ${time.dateTime(v.approved.at)}` : ''}
          {v.reason ? `. ${v.reason}` : ''}
        </Text>
      ))}
    </Stack>
  );
}
