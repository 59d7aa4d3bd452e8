import { Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
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
}: {
  orgId: string;
  incidentId: string;
  edits: boolean;
}) {
  const time = useOrgTime();
  const params = { orgId, incidentId };
  const letter = useApiQuery(api.incidents.breachLetter, [params]);
  const [text, setText] = useState<string | null>(null);
  const save = useApiMutation(api.incidents.saveBreachLetter, { onSuccess: () => setText(null) });
  const body = letter.data?.body ?? '';
  const blanks = (text ?? body).match(/\[[a-z ]+\]/g) ?? [];
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap">
        <Title order={3} size="h5">
          Letter to the people affected
        </Title>
        <Group gap="xs">
          {(['breachLetterPdf', 'breachLetterDocx'] as const).map((op) => (
            <Button
              key={op}
              component="a"
              href={api.incidents[op](params)}
              variant="default"
              size="xs"
              leftSection={<IconDownload size={14} aria-hidden />}
            >
              {op === 'breachLetterPdf' ? 'Letter as PDF' : 'Letter as Word'}
            </Button>
          ))}
          {edits && text === null ? (
            <Button size="xs" variant="default" onClick={() => setText(body)}>
              Edit the letter
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
            label="The letter"
            description="Markdown: ## for a heading, - for a list item."
            autosize
            minRows={12}
            maxRows={30}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <MutationError error={save.error} action="save the letter" />
          <Group gap="xs">
            <Button
              size="xs"
              loading={save.isPending}
              onClick={() => save.mutate([params, { body: text }])}
            >
              Save the letter
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
