import { Alert, Button, Card, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import {
  DELIVERIES,
  DELIVERY_LABELS,
  NOTIFICATION_KIND_LABELS,
  type Delivery,
  type NotificationKind,
} from '../../../contracts/notifications';
import { api } from '../../api';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { MutationError } from '../../components/MutationError';
import { ScrollTable } from '../../components/ScrollTable';

const HOURS = Array.from({ length: 24 }, (_, hour) => ({
  value: String(hour),
  label: `${String(hour).padStart(2, '0')}:00`,
}));
const DELIVERY_OPTIONS = DELIVERIES.map((d) => ({ value: d, label: DELIVERY_LABELS[d] }));
const isDelivery = (value: string | null): value is Delivery => DELIVERIES.some((d) => d === value);

/** "Notifications" of the profile: per kind, email at once, in the daily digest, or not at all. */
export function PreferencesSection() {
  const org = useActiveOrg();
  const prefs = useApiQuery(api.notifications.preferences, org ? [{ orgId: org.orgId }] : null);
  // The person's edits over what the server holds; cleared once saved.
  const [hourEdit, setHour] = useState<number | null>(null);
  const [edits, setEdits] = useState<ReadonlyMap<NotificationKind, Delivery>>(new Map());
  const save = useApiMutation(api.notifications.setPreferences, {
    onSuccess: () => {
      setHour(null);
      setEdits(new Map());
    },
  });
  const hour = hourEdit ?? prefs.data?.digestHour ?? null;
  const deliveryOf = (kind: NotificationKind) =>
    edits.get(kind) ?? prefs.data?.kinds.find((k) => k.kind === kind)?.delivery ?? null;
  // Auditors change nothing, their own choices included (164.308(a)(4)).
  if (!org || !can(org.role, api.notifications.setPreferences)) return null;
  return (
    <Card withBorder padding="lg" id="notifications">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate([
            { orgId: org.orgId },
            {
              ...(hourEdit === null ? {} : { digestHour: hourEdit }),
              kinds: [...edits].map(([kind, delivery]) => ({ kind, delivery })),
            },
          ]);
        }}
      >
        <Stack gap="sm">
          <Text fw={600} component="h2" size="md">
            Notifications
          </Text>
          <Text size="sm" c="dimmed">
            Every notification shows on the bell. Choose which ones also reach you by email, at once
            or in one daily digest, in {org.orgName}.
          </Text>
          {prefs.isError ? (
            <ErrorNotice error={prefs.error} onRetry={() => void prefs.refetch()} />
          ) : null}
          {prefs.data && !prefs.data.email ? (
            <Alert variant="light" color="orange">
              This installation does not send email yet (no SMTP server is set): emails wait in the
              organization’s outbox.
            </Alert>
          ) : null}
          <Select
            label="Daily digest at"
            description={`In the organization’s time zone (${prefs.data?.timeZone ?? '…'})`}
            data={HOURS}
            value={hour === null ? null : String(hour)}
            onChange={(v) => setHour(v === null ? null : Number(v))}
            allowDeselect={false}
            maw={240}
          />
          <ScrollTable label="How each kind of notification reaches you" minWidth={420} stack>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Email</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(prefs.data?.kinds ?? []).map(({ kind }) => (
                <Table.Tr key={kind}>
                  <Table.Td data-label="When">
                    <Text size="sm">{NOTIFICATION_KIND_LABELS[kind]}</Text>
                  </Table.Td>
                  <Table.Td miw={200} data-label="Email">
                    <Select
                      aria-label={`Email for: ${NOTIFICATION_KIND_LABELS[kind]}`}
                      data={DELIVERY_OPTIONS}
                      value={deliveryOf(kind)}
                      onChange={(v) => {
                        if (isDelivery(v)) setEdits(new Map(edits).set(kind, v));
                      }}
                      allowDeselect={false}
                      size="xs"
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
          <Group>
            <Button type="submit" variant="default" loading={save.isPending}>
              Save notification choices
            </Button>
          </Group>
          {save.isSuccess ? (
            <Alert color="teal" variant="light" role="status">
              Saved.
            </Alert>
          ) : null}
          {save.isError ? <MutationError error={save.error} /> : null}
        </Stack>
      </form>
    </Card>
  );
}
