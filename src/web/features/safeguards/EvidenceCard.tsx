import {
  ActionIcon,
  Anchor,
  Button,
  Card,
  Group,
  Select,
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
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { RecordLink } from '../../app/RecordLink';
import { useActiveOrg } from '../../app/useActiveOrg';
import { pageOfLink } from '../../components/link-pages';

/** What proves a safeguard: evidence items (files and links) and related records. */
export function EvidenceCard(props: { requirementId: string; links: Link[]; editable: boolean }) {
  const org = useActiveOrg();
  const orgId = org?.orgId ?? '';
  const [label, setLabel] = useState('');
  const [url, setUrl] = useState('');
  const link = useApiMutation(api.links.create, {
    onSuccess: () => {
      setLabel('');
      setUrl('');
      setChosen(null);
    },
  });
  const linkTo = (evidenceId: string) =>
    link.mutate([
      { orgId },
      {
        from: { type: 'safeguard', id: props.requirementId },
        to: { type: 'evidence', id: evidenceId },
      },
    ]);
  // A new address becomes an evidence item of kind link, then is linked here.
  const add = useApiMutation(api.evidence.createLink, { onSuccess: (item) => linkTo(item.id) });
  const [chosen, setChosen] = useState<string | null>(null);
  const evidence = useApiQuery(api.evidence.list, props.editable && orgId ? [{ orgId }, {}] : null);
  const linked = new Set(props.links.filter((l) => l.type === 'evidence').map((l) => l.targetId));
  const choices = (evidence.data?.data ?? [])
    .filter((e) => !linked.has(e.id))
    .map((e) => ({ value: e.id, label: `${e.reference} ${e.title}` }));
  const remove = useApiMutation(api.links.remove);
  const errors = fieldErrors(add.error, { url: 'The address', title: 'The name' });
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
        <Stack gap="xs" mt="md">
          <Group align="end" wrap="nowrap">
            <Select
              label="Existing evidence"
              placeholder="Choose a file or link"
              data={choices}
              searchable
              value={chosen}
              onChange={setChosen}
              style={{ flex: 1 }}
            />
            <Button
              variant="light"
              loading={link.isPending}
              disabled={chosen === null}
              onClick={() => {
                if (chosen) linkTo(chosen);
              }}
            >
              Attach
            </Button>
          </Group>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              add.mutate([{ orgId }, { title: label === '' ? url : label, url }]);
            }}
          >
            <Group align="end" wrap="nowrap">
              <TextInput
                label="Name"
                placeholder="e.g. BitLocker report, March"
                value={label}
                onChange={(e) => setLabel(e.currentTarget.value)}
                error={errors.title}
                style={{ flex: 1 }}
              />
              <TextInput
                label="Address"
                placeholder="https://…"
                value={url}
                onChange={(e) => setUrl(e.currentTarget.value)}
                error={errors.url}
                style={{ flex: 1 }}
              />
              <Button type="submit" variant="light" loading={add.isPending} disabled={url === ''}>
                Add link
              </Button>
            </Group>
          </form>
        </Stack>
      ) : null}
    </Card>
  );
}
