import {
  ActionIcon,
  Anchor,
  Button,
  Card,
  Group,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconExternalLink, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Link } from '../../../contracts/links';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { RecordLink } from '../../app/RecordLink';
import { useActiveOrg } from '../../app/useActiveOrg';
import { pageOfLink } from '../../components/link-pages';

/** What proves a safeguard: links to documents elsewhere and to related records. */
export function EvidenceCard(props: { requirementId: string; links: Link[]; editable: boolean }) {
  const org = useActiveOrg();
  const orgId = org?.orgId ?? '';
  const [label, setLabel] = useState('');
  const [url, setUrl] = useState('');
  const add = useApiMutation(api.links.create, {
    onSuccess: () => {
      setLabel('');
      setUrl('');
    },
  });
  const remove = useApiMutation(api.links.remove);
  const errors = fieldErrors(add.error, { 'to.id': 'The address', label: 'The name' });
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb={4}>
        Evidence and related records
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        What proves this safeguard: reports, screenshots, signed documents kept elsewhere.
      </Text>
      <Stack gap={6}>
        {props.links.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing linked yet.
          </Text>
        ) : (
          props.links.map((link) => (
            <Group key={link.id} justify="space-between" wrap="nowrap">
              {link.type === 'url' || link.type === 'risk_report' ? (
                <Anchor
                  href={
                    link.type === 'url'
                      ? link.targetId
                      : `/api/orgs/${orgId}/risk-assessments/${link.targetId}/report.pdf`
                  }
                  target="_blank"
                  rel="noreferrer"
                  size="sm"
                >
                  {link.label} <IconExternalLink size={12} aria-hidden />
                </Anchor>
              ) : (
                <RecordLink to={pageOfLink(link) ?? ''}>{link.label}</RecordLink>
              )}
              {props.editable ? (
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Remove link ${link.label}`}
                  onClick={() => remove.mutate([{ orgId, linkId: link.id }])}
                  loading={remove.isPending && remove.variables[0].linkId === link.id}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              ) : null}
            </Group>
          ))
        )}
      </Stack>
      {props.editable ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate([
              { orgId },
              {
                from: { type: 'safeguard', id: props.requirementId },
                to: { type: 'url', id: url },
                ...(label ? { label } : {}),
              },
            ]);
          }}
        >
          <Group align="end" mt="md" wrap="nowrap">
            <TextInput
              label="Name"
              placeholder="e.g. BitLocker report, March"
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
              error={errors.label}
              style={{ flex: 1 }}
            />
            <TextInput
              label="Address"
              placeholder="https://…"
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
              error={errors['to.id']}
              style={{ flex: 1 }}
            />
            <Button type="submit" variant="light" loading={add.isPending} disabled={url === ''}>
              Add link
            </Button>
          </Group>
        </form>
      ) : null}
    </Card>
  );
}
