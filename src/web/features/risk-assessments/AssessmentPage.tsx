import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { IconDownload, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { AssessmentDetail, AssessmentUpdateBody } from '../../../contracts/risk-assessments';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { NoOrganization } from '../../components/NoOrganization';
import { ExportButtons } from '../../components/ExportButtons';
import { PageHeader } from '../../components/PageHeader';
import { FormFooter } from '../../components/FormFooter';
import { ApprovedRecord, AssessmentRecord } from './ApprovedRecord';
import { Changes } from './AssessmentParts';
import { GapsPanel, useNothingToAcknowledge } from './GapsPanel';
import { Guided } from './Guided';
import { ASSESSMENT_STATUS } from './AssessmentsPage';
import { useOrgTime } from '../../components/useOrgTime';

function Details({ assessment }: { assessment: AssessmentDetail }) {
  const org = useActiveOrg();
  const editable = assessment.status !== 'approved' && can(org?.role, api.riskAssessments.update);
  const [form, setForm] = useState<AssessmentUpdateBody>({
    title: assessment.title,
    scope: assessment.scope,
    method: assessment.method,
    participants: assessment.participants,
    startsOn: assessment.startsOn,
    endsOn: assessment.endsOn,
  });
  const save = useApiMutation(api.riskAssessments.update);
  const errors = fieldErrors(save.error, { title: 'The title', endsOn: 'The end date' });
  const participants = form.participants ?? [];
  if (!editable) return <AssessmentRecord assessment={assessment} />;
  const setParticipant = (i: number, patch: Partial<{ name: string; role: string }>) =>
    setForm({
      ...form,
      participants: participants.map((p, k) => (k === i ? { ...p, ...patch } : p)),
    });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate([
          { orgId: org?.orgId ?? '', assessmentId: assessment.id },
          { ...form, participants: participants.filter((p) => p.name.trim()) },
        ]);
      }}
    >
      <Stack gap="sm">
        <TextInput
          label="Title"
          value={form.title ?? ''}
          onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
          error={errors.title}
        />
        <Textarea
          label="Scope"
          autosize
          minRows={2}
          value={form.scope ?? ''}
          onChange={(e) => setForm({ ...form, scope: e.currentTarget.value })}
        />
        <Textarea
          label="Method"
          autosize
          minRows={3}
          value={form.method ?? ''}
          onChange={(e) => setForm({ ...form, method: e.currentTarget.value })}
        />
        <SimpleGrid cols={2}>
          <TextInput
            label="Starts on"
            type="date"
            value={form.startsOn ?? ''}
            onChange={(e) => setForm({ ...form, startsOn: e.currentTarget.value || null })}
          />
          <TextInput
            label="Ends on"
            type="date"
            value={form.endsOn ?? ''}
            onChange={(e) => setForm({ ...form, endsOn: e.currentTarget.value || null })}
            error={errors.endsOn}
          />
        </SimpleGrid>
        <Text size="sm" fw={500}>
          Participants
        </Text>
        {participants.map((p, i) => (
          // Name and role side by side where they fit, one above the other on a phone.
          <Group key={i} gap="xs" align="end">
            <TextInput
              aria-label={`Participant ${i + 1} name`}
              placeholder="Name"
              value={p.name}
              onChange={(e) => setParticipant(i, { name: e.currentTarget.value })}
              style={{ flex: '1 1 11rem' }}
            />
            <TextInput
              aria-label={`Participant ${i + 1} role`}
              placeholder="Role"
              value={p.role}
              onChange={(e) => setParticipant(i, { role: e.currentTarget.value })}
              style={{ flex: '1 1 11rem' }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Remove participant ${i + 1}`}
              onClick={() =>
                setForm({ ...form, participants: participants.filter((_, k) => k !== i) })
              }
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() =>
              setForm({ ...form, participants: [...participants, { name: '', role: '' }] })
            }
          >
            Add participant
          </Button>
        </Group>
        <FormFooter mutation={save} fieldErrors={errors} label="Save" done="Saved." />
      </Stack>
    </form>
  );
}

/** One assessment: its record, its workflow, the changes since the last one, the guided path. */
export function AssessmentPage() {
  const org = useActiveOrg();
  const { assessmentId = '' } = useParams();
  const params = org && assessmentId ? { orgId: org.orgId, assessmentId } : null;
  const query = useApiQuery(api.riskAssessments.get, params && [params]);
  const [note, setNote] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const time = useOrgTime();
  // One workflow step at a time: starting one clears what the others left (their error).
  const submit = useApiMutation(api.riskAssessments.submit);
  const approve = useApiMutation(api.riskAssessments.approve);
  const sendBack = useApiMutation(api.riskAssessments.return);
  const steps = [submit, approve, sendBack];
  const step = {
    isPending: steps.some((m) => m.isPending),
    error: submit.error ?? approve.error ?? sendBack.error,
    clear: () => {
      for (const m of steps) {
        m.reset();
      }
    },
  };
  const complete = useNothingToAcknowledge(org?.orgId, assessmentId);
  if (!org || !params) return <NoOrganization />;
  const a = query.data;
  if (!a) return query.isError ? <ErrorNotice error={query.error} /> : null;
  const status = ASSESSMENT_STATUS[a.status];
  return (
    <>
      <PageHeader title={`${a.reference} ${a.title}`} description={`Rated on ${a.matrix.name}.`} />
      <Stack gap="lg">
        <Group justify="space-between">
          <Group gap="xs">
            <Badge variant="dot" color={status.color} size="lg">
              {status.label}
            </Badge>
            {a.basedOn ? (
              <Text size="sm" c="dimmed">
                Started from {a.basedOn.reference}
              </Text>
            ) : null}
          </Group>
          <Group gap="xs">
            <Button
              leftSection={<IconDownload size={16} aria-hidden />}
              variant={a.status === 'approved' ? 'filled' : 'default'}
              component="a"
              href={api.riskAssessments.report(params)}
            >
              {a.status === 'approved' ? 'Download report (PDF)' : 'Draft report (PDF)'}
            </Button>
            <ExportButtons
              files={{
                csv: api.riskAssessments.registerCsv(params),
                xlsx: api.riskAssessments.registerXlsx(params),
              }}
              label="Register"
            />
          </Group>
        </Group>
        {a.approved ? (
          <Alert color="teal" variant="light">
            <Text fw={700} size="sm">
              Approved: this record can no longer change
            </Text>
            Approved by {a.approved.by.name} on {time.dateTime(a.approved.at)}.
            {a.approved.note ? ` “${a.approved.note}”` : ''} The report is stored with SHA-256{' '}
            <Text span ff="monospace" size="xs">
              {a.report?.sha256}
            </Text>
            .
          </Alert>
        ) : null}
        {step.error ? <ErrorNotice error={step.error} /> : null}
        {a.status === 'draft' && can(org.role, api.riskAssessments.submit) ? (
          <Paper withBorder p="md">
            <Stack gap="xs">
              <GapsPanel
                orgId={org.orgId}
                assessmentId={a.id}
                step="submit"
                acknowledged={acknowledged}
                onAcknowledge={setAcknowledged}
              />
              <Group>
                <Button
                  onClick={() => {
                    step.clear();
                    submit.mutate([params, { acknowledgeIncomplete: acknowledged }]);
                  }}
                  loading={step.isPending}
                  disabled={!acknowledged && !complete}
                >
                  Submit for review
                </Button>
              </Group>
            </Stack>
          </Paper>
        ) : null}
        {a.status === 'in_review' && can(org.role, api.riskAssessments.approve) ? (
          <Paper withBorder p="md">
            <Stack gap="xs">
              <Text size="sm">
                Approving freezes the matrix and the register as they stand, stores the report, and
                schedules the next update in twelve months.
              </Text>
              {a.submitted?.incomplete ? (
                <Text size="sm">
                  Submitted by {a.submitted.by?.name ?? 'someone'} with gaps they acknowledged.
                </Text>
              ) : null}
              <GapsPanel
                orgId={org.orgId}
                assessmentId={a.id}
                step="approve"
                acknowledged={acknowledged}
                onAcknowledge={setAcknowledged}
              />
              <Textarea
                label="Approval note"
                autosize
                minRows={2}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
              />
              <Group>
                <Button
                  color="teal"
                  onClick={() => {
                    step.clear();
                    approve.mutate([params, { note, acknowledgeIncomplete: acknowledged }]);
                  }}
                  loading={step.isPending}
                  disabled={!acknowledged && !complete}
                >
                  Approve
                </Button>
                <Button
                  variant="default"
                  onClick={() => {
                    step.clear();
                    sendBack.mutate([params]);
                  }}
                >
                  Return to draft
                </Button>
              </Group>
            </Stack>
          </Paper>
        ) : null}
        {a.changes ? <Changes changes={a.changes} /> : null}
        {a.status === 'approved' ? (
          <ApprovedRecord assessment={a} />
        ) : (
          <>
            <Paper withBorder p="md">
              <Details key={a.id} assessment={a} />
            </Paper>
            <Guided assessmentId={a.id} matrix={a.matrix} />
          </>
        )}
      </Stack>
    </>
  );
}
