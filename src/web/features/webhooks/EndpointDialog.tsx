import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import {
  WEBHOOK_EVENT_GROUPS,
  WEBHOOK_EVENT_TYPE_LABELS,
  WEBHOOK_EVENT_TYPES,
  type Webhook,
  type WebhookEventType,
} from '../../../contracts/webhooks';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { ApiError } from '../../api/errors';
import { useApiMutation } from '../../api/hooks';

const isEventType = (value: string): value is WebhookEventType =>
  WEBHOOK_EVENT_TYPES.some((t) => t === value);

/** Adds an endpoint (then shows its secret) or changes one: address, description, events, on/off. */
export function EndpointDialog({
  orgId,
  endpoint,
  onClose,
  onCreated,
}: {
  orgId: string;
  /** The endpoint to change; null to add one. */
  endpoint: Webhook | null;
  onClose: () => void;
  onCreated: (secret: string) => void;
}) {
  const [url, setUrl] = useState(endpoint?.url ?? 'https://');
  const [description, setDescription] = useState(endpoint?.description ?? '');
  // A new endpoint subscribes to nothing until its events are chosen: nothing ticked for them.
  const [events, setEvents] = useState<WebhookEventType[]>(endpoint?.eventTypes ?? []);
  const [active, setActive] = useState(endpoint?.active ?? true);
  const create = useApiMutation(api.webhooks.create, {
    onSuccess: (created) => {
      onCreated(created.secret);
      onClose();
    },
  });
  const update = useApiMutation(api.webhooks.update, { onSuccess: onClose });
  const error = endpoint ? update.error : create.error;
  const errors = fieldErrors(error, {
    url: 'The address',
    description: 'The description',
    eventTypes: 'The events',
  });
  const body = { url, description, eventTypes: events, active };
  return (
    <Modal
      opened
      onClose={onClose}
      title={endpoint ? 'Change webhook endpoint' : 'Add webhook endpoint'}
      size="lg"
      centered
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (endpoint) {
            update.mutate([{ orgId, webhookId: endpoint.id }, body]);
          } else {
            create.mutate([{ orgId }, body]);
          }
        }}
      >
        <Stack gap="sm">
          {error instanceof ApiError && error.details.length === 0 ? (
            <Alert color="red" variant="light" role="alert">
              {error.message}
            </Alert>
          ) : null}
          <TextInput
            label="Address"
            description="An https:// address on the internet; Custos refuses private and local networks."
            required
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={errors.url}
            data-autofocus
          />
          <TextInput
            label="Description"
            description="Optional: what receives these events."
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={errors.description}
          />
          <Checkbox.Group
            label="Events"
            description="Choose at least one. Each delivery names the record and who acted, by id; never its content."
            value={events}
            onChange={(values) => setEvents(values.filter(isEventType))}
            error={errors.eventTypes}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" mt="xs">
              {WEBHOOK_EVENT_GROUPS.map((group) => (
                <Stack key={group.label} gap={6}>
                  <Text size="sm" fw={600}>
                    {group.label}
                  </Text>
                  {group.types.map((type) => (
                    <Checkbox
                      key={type}
                      value={type}
                      label={WEBHOOK_EVENT_TYPE_LABELS[type]}
                      size="sm"
                    />
                  ))}
                </Stack>
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Switch
            label="Send deliveries"
            checked={active}
            onChange={(e) => setActive(e.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {endpoint ? 'Save' : 'Add endpoint'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
