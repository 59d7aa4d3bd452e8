import { Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import type { US_JURISDICTION_CODES } from '../../../contracts/breach-deadlines';
import { api } from '../../api';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { MutationError } from '../../components/MutationError';
import { useOrgTime } from '../../components/useOrgTime';

/**
 * The letter to each person affected (164.404(c), to be checked): drawn from our template and the
 * determination, edited here, downloaded as PDF or Word. Words in [brackets] are still to fill in.
 */
export function BreachLetter({
  orgId,
  incidentId,
  edits,
  state,
}: {
  orgId: string;
  incidentId: string;
  edits: boolean;
  /** A media notice for this State (164.406, to be checked) instead of the individual letter. */
  state?: { code: (typeof US_JURISDICTION_CODES)[number]; name: string } | undefined;
}) {
  const time = useOrgTime();
  const params = { orgId, incidentId };
  const media = state ? { ...params, state: state.code } : null;
  const individual = useApiQuery(api.incidents.breachLetter, media ? null : [params]);
  const pressRelease = useApiQuery(api.incidents.breachMediaNotice, media ? [media] : null);
  const letter = media ? pressRelease : individual;
  const [text, setText] = useState<string | null>(null);
  const saveLetter = useApiMutation(api.incidents.saveBreachLetter, {
    onSuccess: () => setText(null),
  });
  const saveMedia = useApiMutation(api.incidents.saveBreachMediaNotice, {
    onSuccess: () => setText(null),
  });
  const save = media ? saveMedia : saveLetter;
  const keep = (body: string) =>
    media ? saveMedia.mutate([media, { body }]) : saveLetter.mutate([params, { body }]);
  const files = media
    ? [
        { label: 'Media notice as PDF', href: api.incidents.breachMediaNoticePdf(media) },
        { label: 'Media notice as Word', href: api.incidents.breachMediaNoticeDocx(media) },
      ]
    : [
        { label: 'Letter as PDF', href: api.incidents.breachLetterPdf(params) },
        { label: 'Letter as Word', href: api.incidents.breachLetterDocx(params) },
      ];
  const noun: string = media ? 'media notice' : 'letter';
  const body = letter.data?.body ?? '';
  const blanks = (text ?? body).match(/\[[a-z ]+\]/g) ?? [];
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap">
        <Title order={3} size="h5">
          {state ? `Media notice for ${state.name}` : 'Letter to the people affected'}
        </Title>
        <Group gap="xs">
          {files.map((file) => (
            <Button
              key={file.label}
              component="a"
              href={file.href}
              variant="default"
              size="xs"
              leftSection={<IconDownload size={14} aria-hidden />}
            >
              {file.label}
            </Button>
          ))}
          {edits && text === null ? (
            <Button size="xs" variant="default" onClick={() => setText(body)}>
              Edit the {noun}
            </Button>
          ) : null}
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {letter.data?.edited
          ? `Edited by ${letter.data.edited.by.name}, ${time.dateTime(letter.data.edited.at)}.`
          : 'Drawn from the template and the determination; not edited yet.'}
        {blanks.length > 0 ? ` Still to fill in: ${[...new Set(blanks)].join(', ')}.` : ''}
      </Text>
      {text !== null ? (
        <>
          <Textarea
            label={state ? `The media notice for ${state.name}` : 'The letter'}
            description="Markdown: ## for a heading, - for a list item."
            autosize
            minRows={12}
            maxRows={30}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <MutationError error={save.error} action={`save the ${noun}`} />
          <Group gap="xs">
            <Button size="xs" loading={save.isPending} onClick={() => keep(text)}>
              Save the {noun}
            </Button>
            <Button size="xs" variant="default" onClick={() => setText(null)}>
              Cancel
            </Button>
          </Group>
        </>
      ) : null}
    </Stack>
  );
}
