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
import { IconExternalLink, IconTrash, IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { Link, LinkType } from '../../contracts/links';
import { api } from '../api';
import { fieldErrors } from '../api/client';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { RecordLink } from '../app/RecordLink';
import { can } from '../app/session';
import { useActiveOrg } from '../app/useActiveOrg';
import { pageOfLink } from './link-pages';
import { MutationError } from './MutationError';

function LinkedRecord({ link, orgId }: { link: Link; orgId: string }) {
  if (link.type === 'url' || link.type === 'risk_report') {
    return (
      <Anchor
        href={
          link.type === 'url'
            ? link.targetId
            : `/api/orgs/${orgId}/risk-assessments/${link.targetId}/report.pdf`
        }
        target="_blank"
        rel="noreferrer"
        size="sm"
        style={{ overflowWrap: 'anywhere' }}
      >
        {link.label} <IconExternalLink size={12} aria-hidden />
      </Anchor>
    );
  }
  return <RecordLink to={pageOfLink(link) ?? ''}>{link.label}</RecordLink>;
}

/**
 * What proves a record (a safeguard, a risk, a task): the evidence items linked to it, with, for
 * those who keep records, an existing item to link, a file to upload or an address to record
 * (each linked here at once), and unlinking. Each control shows only to a role it works for:
 * auditors read (164.316(b)(2)(ii): available to those who need it), editors change.
 */
export function EvidenceCard(props: {
  record: { type: Exclude<LinkType, 'url'>; id: string };
  /** The links to show: the record's evidence, or (a safeguard) its evidence and related records. */
  links: Link[];
  title: string;
  description: string;
  /** False where the record no longer changes (a completed task). */
  open?: boolean;
}) {
  const org = useActiveOrg();
  const orgId = org?.orgId ?? '';
  const mayLink = (props.open ?? true) && can(org?.role, api.links.create);
  const mayAdd = mayLink && can(org?.role, api.evidence.upload);
  const file = useRef<HTMLInputElement>(null);
  const [label, setLabel] = useState('');
  const [url, setUrl] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const link = useApiMutation(api.links.create, {
    onSuccess: () => {
      setLabel('');
      setUrl('');
      setChosen(null);
    },
  });
  const linkTo = (evidenceId: string) =>
    link.mutate([{ orgId }, { from: props.record, to: { type: 'evidence', id: evidenceId } }]);
  // A new file or address becomes an evidence item, then is linked here.
  const upload = useApiMutation(api.evidence.upload, { onSuccess: (item) => linkTo(item.id) });
  const add = useApiMutation(api.evidence.createLink, { onSuccess: (item) => linkTo(item.id) });
  const remove = useApiMutation(api.links.remove);
  const evidence = useApiQuery(api.evidence.list, mayLink && orgId ? [{ orgId }, {}] : null);
  const linked = new Set(props.links.filter((l) => l.type === 'evidence').map((l) => l.targetId));
  const choices = (evidence.data?.data ?? [])
    .filter((e) => !linked.has(e.id))
    .map((e) => ({ value: e.id, label: `${e.reference} ${e.title}` }));
  const errors = fieldErrors(add.error, { url: 'The address', title: 'The name' });
  const failed = [
    { m: link, act: 'link it' },
    { m: remove, act: 'unlink it' },
    ...(Object.keys(errors).length === 0 ? [{ m: add, act: 'record the address' }] : []),
  ].find((f) => f.m.isError);
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb={4}>
        {props.title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {props.description}
      </Text>
      <Stack gap={6}>
        {props.links.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing linked yet.
          </Text>
        ) : (
          props.links.map((l) => (
            <Group key={l.id} justify="space-between" wrap="nowrap">
              <LinkedRecord link={l} orgId={orgId} />
              {mayLink ? (
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Unlink ${l.label}`}
                  onClick={() => remove.mutate([{ orgId, linkId: l.id }])}
                  loading={remove.isPending && remove.variables[0].linkId === l.id}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              ) : null}
            </Group>
          ))
        )}
      </Stack>
      {mayLink ? (
        <Stack gap="xs" mt="md">
          <Group align="end" wrap="wrap">
            <Select
              label="Existing evidence"
              placeholder="Choose a file or link"
              data={choices}
              searchable
              value={chosen}
              onChange={setChosen}
              style={{ flex: 1, minWidth: 200 }}
            />
            <Button
              variant="light"
              loading={link.isPending}
              disabled={chosen === null}
              onClick={() => {
                if (chosen) linkTo(chosen);
              }}
            >
              Link evidence
            </Button>
          </Group>
          {mayAdd ? (
            <>
              <Group gap="xs" wrap="wrap">
                <Button
                  variant="light"
                  leftSection={<IconUpload size={16} aria-hidden />}
                  loading={upload.isPending}
                  onClick={() => file.current?.click()}
                >
                  Upload a file
                </Button>
                <Text size="xs" c="dimmed">
                  PDF, images, office documents, CSV or text; stored encrypted.
                </Text>
                <input
                  ref={file}
                  type="file"
                  hidden
                  aria-label="Evidence file to upload and link"
                  onChange={(e) => {
                    const chosenFile = e.currentTarget.files?.[0];
                    e.currentTarget.value = '';
                    if (chosenFile) {
                      upload.mutate([{ orgId }, chosenFile, { filename: chosenFile.name }]);
                    }
                  }}
                />
              </Group>
              {/* Said under its own button: the form below would push it out of sight. */}
              <MutationError error={upload.error} action="upload the file" />
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  add.mutate([{ orgId }, { title: label === '' ? url : label, url }]);
                }}
              >
                <Group align="end" wrap="wrap">
                  <TextInput
                    label="Name"
                    placeholder="e.g. BitLocker report, March"
                    value={label}
                    onChange={(e) => setLabel(e.currentTarget.value)}
                    error={errors.title}
                    style={{ flex: 1, minWidth: 180 }}
                  />
                  <TextInput
                    label="Address"
                    placeholder="https://…"
                    value={url}
                    onChange={(e) => setUrl(e.currentTarget.value)}
                    error={errors.url}
                    style={{ flex: 1, minWidth: 180 }}
                  />
                  <Button
                    type="submit"
                    variant="light"
                    loading={add.isPending}
                    disabled={url === ''}
                  >
                    Add link
                  </Button>
                </Group>
              </form>
            </>
          ) : null}
          {failed ? <MutationError error={failed.m.error} action={failed.act} /> : null}
        </Stack>
      ) : null}
    </Card>
  );
}
