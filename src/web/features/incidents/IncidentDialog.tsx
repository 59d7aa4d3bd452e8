import {
  Button,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import {
  INCIDENT_CATEGORIES,
  INCIDENT_CATEGORY_LABELS,
  type Incident,
  type IncidentCategory,
} from '../../../contracts/incidents-schemas';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { MutationError } from '../../components/MutationError';
import { useOrgTime } from '../../components/useOrgTime';
import { useMemberOptions } from '../organizations/useMemberOptions';
import { isoToZoned, zonedToIso } from './local-time';
import { options } from './words';

interface Form {
  title: string;
  description: string;
  category: IncidentCategory;
  severity: string | null;
  occurredAt: string;
  discoveredAt: string;
  ownerId: string | null;
  system: string;
  businessAssociate: string;
  assetIds: string[];
}

/** Records an incident, or changes one's facts, severity and owner (`incident` given). */
export function IncidentDialog({
  orgId,
  incident,
  onClose,
}: {
  orgId: string;
  incident?: Incident;
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const org = useActiveOrg();
  const time = useOrgTime();
  const zone = incident?.discoveredTimeZone ?? time.timeZone;
  const [form, setForm] = useState<Form>({
    title: incident?.title ?? '',
    description: incident?.description ?? '',
    category: incident?.category ?? 'other',
    severity: incident?.severity ? String(incident.severity.level) : null,
    occurredAt: isoToZoned(incident?.occurredAt ?? null, zone),
    discoveredAt: isoToZoned(incident?.discoveredAt ?? null, zone),
    ownerId: incident?.owner?.id ?? null,
    system: incident?.system ?? '',
    businessAssociate: incident?.businessAssociate ?? '',
    assetIds: incident?.assets.map((a) => a.id) ?? [],
  });
  const members = useMemberOptions({
    activeOnly: true,
    able: 'incidents.manage',
    ...(incident?.owner ? { current: incident.owner } : {}),
  });
  const scale = useApiQuery(api.incidents.severityScale, [{ orgId }]);
  const readsAssets = org !== undefined && can(org.role, api.assets.list);
  const assets = useApiQuery(api.assets.list, readsAssets ? [{ orgId }, { limit: 200 }] : null);
  const create = useApiMutation(api.incidents.create, {
    onSuccess: async (made) => {
      onClose();
      await navigate(`/incidents/${made.id}`);
    },
  });
  const update = useApiMutation(api.incidents.update, { onSuccess: onClose });
  const mutation = incident ? update : create;
  const errors = fieldErrors(mutation.error, {
    title: 'The title',
    description: 'The description',
    severity: 'The severity',
    occurredAt: 'When it occurred',
    discoveredAt: 'When it was discovered',
    ownerId: 'The owner',
    system: 'The device or system',
    businessAssociate: 'The business associate',
    assetIds: 'The assets',
  });
  const body = {
    title: form.title,
    description: form.description,
    category: form.category,
    severity: form.severity === null ? null : Number(form.severity),
    occurredAt: zonedToIso(form.occurredAt, zone) ?? null,
    discoveredAt: zonedToIso(form.discoveredAt, zone) ?? null,
    discoveredTimeZone: zone,
    ownerId: form.ownerId,
    system: form.system,
    businessAssociate: form.businessAssociate,
    ...(readsAssets ? { assetIds: form.assetIds } : {}),
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={incident ? `Change ${incident.reference}` : 'Record an incident'}
      size="lg"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (incident) update.mutate([{ orgId, incidentId: incident.id }, body]);
          else create.mutate([{ orgId }, body]);
        }}
      >
        <Stack gap="sm">
          <TextInput
            label="Title"
            required
            value={form.title}
            onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
            error={errors.title}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Category"
              data={options(INCIDENT_CATEGORIES, INCIDENT_CATEGORY_LABELS)}
              value={form.category}
              allowDeselect={false}
              onChange={(v) => v && setForm({ ...form, category: v })}
            />
            <Select
              label="Severity"
              placeholder="Not rated"
              clearable
              data={(scale.data?.data ?? []).map((l) => ({
                value: String(l.level),
                label: l.name,
              }))}
              value={form.severity}
              onChange={(v) => setForm({ ...form, severity: v })}
              error={errors.severity}
            />
            <TextInput
              type="datetime-local"
              label="Occurred"
              description={zone}
              value={form.occurredAt}
              onChange={(e) => setForm({ ...form, occurredAt: e.currentTarget.value })}
              error={errors.occurredAt}
            />
            <TextInput
              type="datetime-local"
              label="Discovered"
              description={zone}
              value={form.discoveredAt}
              onChange={(e) => setForm({ ...form, discoveredAt: e.currentTarget.value })}
              error={errors.discoveredAt}
            />
            <Select
              label="Owner"
              placeholder="Nobody yet"
              clearable
              data={members}
              value={form.ownerId}
              onChange={(v) => setForm({ ...form, ownerId: v })}
              error={errors.ownerId}
            />
            <TextInput
              label="Device or system"
              value={form.system}
              onChange={(e) => setForm({ ...form, system: e.currentTarget.value })}
              error={errors.system}
            />
          </SimpleGrid>
          {readsAssets ? (
            <MultiSelect
              label="Assets involved"
              searchable
              data={(assets.data?.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
              value={form.assetIds}
              onChange={(v) => setForm({ ...form, assetIds: v })}
              error={errors.assetIds}
            />
          ) : null}
          <TextInput
            label="Business associate involved"
            description="The vendor's name, if a vendor was involved"
            value={form.businessAssociate}
            onChange={(e) => setForm({ ...form, businessAssociate: e.currentTarget.value })}
            error={errors.businessAssociate}
          />
          <Textarea
            label="Description"
            autosize
            minRows={3}
            value={form.description}
            onChange={(e) => setForm({ ...form, description: e.currentTarget.value })}
            error={errors.description}
          />
          <MutationError
            error={mutation.error}
            action={incident ? 'save' : 'record the incident'}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {incident ? 'Save' : 'Record'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
