import { Button, Group, Modal, MultiSelect, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { DEFAULT_ACKNOWLEDGE_DAYS, type Audience } from '../../../contracts/attestations';
import { ROLE_LABELS, ROLES, roleOf } from '../../../contracts/roles';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { MutationError } from '../../components/MutationError';
import { useMemberOptions } from '../organizations/useMemberOptions';

/**
 * Chooses who must acknowledge a policy: roles and named people, and the days they have. Opened
 * for one policy, or with a list of policies in effect to pick from.
 */
export function AudienceDialog(props: {
  orgId: string;
  opened: boolean;
  onClose: () => void;
  documentId?: string;
  audience?: Audience | null;
  choices?: { value: string; label: string }[];
}) {
  const { orgId, opened, onClose, audience } = props;
  const [documentId, setDocumentId] = useState<string | null>(props.documentId ?? null);
  const [roles, setRoles] = useState<string[]>(
    audience?.publishedAt ? audience.roles : ['workforce', 'contributor'],
  );
  const [people, setPeople] = useState<string[]>(audience?.people.map((p) => p.id) ?? []);
  const [days, setDays] = useState<number | string>(audience?.dueDays ?? DEFAULT_ACKNOWLEDGE_DAYS);
  const members = useMemberOptions({ activeOnly: true });
  const publish = useApiMutation(api.attestations.publish, { onSuccess: onClose });
  const errors = fieldErrors(publish.error, {
    roles: 'The roles',
    userIds: 'The people',
    dueDays: 'The days',
  });
  const target = props.documentId ?? documentId;
  return (
    <Modal opened={opened} onClose={onClose} title="Who must acknowledge this policy">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!target) return;
          publish.mutate([
            { orgId, documentId: target },
            { roles: roles.map(roleOf), userIds: people, dueDays: Number(days) },
          ]);
        }}
      >
        <Stack gap="sm">
          {props.choices ? (
            <Select
              label="Policy in effect"
              data={props.choices}
              value={documentId}
              onChange={setDocumentId}
              searchable
              required
            />
          ) : null}
          <MultiSelect
            label="Everyone with these roles"
            data={ROLES.filter((role) => role !== 'auditor').map((role) => ({
              value: role,
              label: ROLE_LABELS[role],
            }))}
            value={roles}
            onChange={setRoles}
            error={errors.roles}
          />
          <MultiSelect
            label="And these people"
            data={members}
            value={people}
            onChange={setPeople}
            searchable
            error={Object.entries(errors).find(([k]) => k.startsWith('userIds'))?.[1]}
          />
          <NumberInput
            label="Days to acknowledge"
            description="From when the version takes effect (or from now, for the one in effect)."
            min={1}
            max={365}
            value={days}
            onChange={setDays}
            error={errors.dueDays}
          />
          <Text size="xs" c="dimmed">
            Each person is notified, reminded when late, and asked again whenever a new version
            takes effect.
          </Text>
          {publish.isError && Object.keys(errors).length === 0 ? (
            <MutationError error={publish.error} />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={publish.isPending} disabled={!target}>
              Ask them to acknowledge
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
