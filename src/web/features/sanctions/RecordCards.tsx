import {
  Button,
  Card,
  Group,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { ACKNOWLEDGEMENT_WAY_LABELS, type Sanction } from '../../../contracts/sanctions';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { RecordLink } from '../../app/RecordLink';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { formatDate } from '../../components/format';
import { MutationError } from '../../components/MutationError';
import { useOrgTime } from '../../components/useOrgTime';
import type { Allowed } from './SanctionPage';

interface CardProps {
  sanction: Sanction;
  allowed: Allowed;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      <Stack gap="xs">{children}</Stack>
    </Card>
  );
}

/** The HR sign-off: by a member other than who decided, as themselves. */
export function SignOffCard({ sanction: s, allowed }: CardProps) {
  const orgId = useActiveOrg()?.orgId ?? '';
  const time = useOrgTime();
  const sign = useApiMutation(api.sanctions.signOff);
  return (
    <Section title="HR sign-off">
      {s.hrSignOff ? (
        <Text size="sm">
          Signed off by {s.hrSignOff.by.name} on {time.day(s.hrSignOff.at)}.
        </Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            Not signed off yet. Another member than {s.decidedBy.name}, who decided, signs it off.
          </Text>
          {allowed.signOff ? (
            <Group>
              <Button
                size="xs"
                loading={sign.isPending}
                onClick={() => sign.mutate([{ orgId, sanctionId: s.id }])}
              >
                Sign off {s.reference} for HR
              </Button>
            </Group>
          ) : null}
          <MutationError error={sign.error} action="sign off" />
        </>
      )}
    </Section>
  );
}

/**
 * The person's acknowledgement: in Custos by the person when they have an account, otherwise the
 * signed paper, recorded by an official as its recorder (never in the person's name).
 */
export function AcknowledgementCard({ sanction: s, allowed }: CardProps) {
  const orgId = useActiveOrg()?.orgId ?? '';
  const time = useOrgTime();
  const [signedOn, setSignedOn] = useState('');
  const record = useApiMutation(api.sanctions.paperAcknowledgement);
  const errors = fieldErrors(record.error);
  const ack = s.acknowledgement;
  return (
    <Section title="The person's acknowledgement">
      {s.acknowledgedOn ? (
        <Text size="sm">
          Acknowledged on {formatDate(s.acknowledgedOn)}
          {ack
            ? ` ${ACKNOWLEDGEMENT_WAY_LABELS[ack.way]}${ack.way === 'paper' ? `, recorded by ${ack.recordedBy.name} on ${time.day(ack.at)}` : ''}`
            : ''}
          .
        </Text>
      ) : s.person.userId ? (
        <Text size="sm" c="dimmed">
          Awaiting {s.person.name}: they acknowledge it themselves in Custos, from their dashboard.
        </Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {s.person.name} has no Custos account: they sign a paper acknowledgement, and you record
            the date they signed it. You are recorded as who recorded it.
          </Text>
          {allowed.edit ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                record.mutate([{ orgId, sanctionId: s.id }, { signedOn }]);
              }}
            >
              <Group align="end" gap="xs">
                <TextInput
                  type="date"
                  label="Signed on"
                  required
                  value={signedOn}
                  max={time.today()}
                  onChange={(e) => setSignedOn(e.currentTarget.value)}
                  error={errors.signedOn}
                />
                <Button type="submit" size="sm" loading={record.isPending} disabled={!signedOn}>
                  Record the signed paper
                </Button>
              </Group>
            </form>
          ) : null}
          <MutationError error={record.error} action="record the acknowledgement" />
        </>
      )}
    </Section>
  );
}

/** The investigation notes, changed by those who keep the record (not its subject). */
export function NotesCard({ sanction: s, allowed }: CardProps) {
  const orgId = useActiveOrg()?.orgId ?? '';
  const [notes, setNotes] = useState<string | null>(null);
  const save = useApiMutation(api.sanctions.update, { onSuccess: () => setNotes(null) });
  const errors = fieldErrors(save.error);
  if (!allowed.edit) {
    return (
      <Section title="Investigation notes">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {s.investigationNotes || 'None written.'}
        </Text>
      </Section>
    );
  }
  const value = notes ?? s.investigationNotes;
  return (
    <Section title="Investigation notes">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate([{ orgId, sanctionId: s.id }, { investigationNotes: value }]);
        }}
      >
        <Stack gap="xs">
          <Textarea
            aria-label="Investigation notes"
            autosize
            minRows={3}
            value={value}
            onChange={(e) => setNotes(e.currentTarget.value)}
            error={errors.investigationNotes}
          />
          <MutationError error={save.error} action="save the notes" />
          <Group>
            <Button
              type="submit"
              size="xs"
              loading={save.isPending}
              disabled={notes === null || notes === s.investigationNotes}
            >
              Save the notes
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

/** The incident the violation came to light in (164.308(a)(6) with (a)(1)(ii)(C)). */
export function IncidentCard({ sanction: s, allowed }: CardProps) {
  const org = useActiveOrg();
  const orgId = org?.orgId ?? '';
  const readsIncidents = can(org?.role, api.incidents.list);
  const incidents = useApiQuery(
    api.incidents.list,
    orgId && allowed.edit && readsIncidents ? [{ orgId }, {}] : null,
  );
  const link = useApiMutation(api.sanctions.update);
  const errors = fieldErrors(link.error);
  return (
    <Section title="Linked incident">
      {s.incident ? (
        <RecordLink to={`/incidents/${s.incident.id}`}>{s.incident.label}</RecordLink>
      ) : (
        <Text size="sm" c="dimmed">
          No incident linked.
        </Text>
      )}
      {allowed.edit && readsIncidents ? (
        <Select
          label={s.incident ? 'Change the incident' : 'Link an incident'}
          placeholder="Choose an incident"
          searchable
          clearable
          data={(incidents.data?.data ?? []).map((i) => ({
            value: i.id,
            label: `${i.reference} ${i.title}`,
          }))}
          value={s.incidentId}
          onChange={(incidentId) => link.mutate([{ orgId, sanctionId: s.id }, { incidentId }])}
          error={errors.incidentId}
        />
      ) : null}
      <MutationError error={link.error} action="link the incident" />
    </Section>
  );
}
