import { Alert, Button, Card, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { countOf } from '../../../contracts/words';
import { openChoices } from './open-choices';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import type { DocumentDetail } from '../../../contracts/documents';
import { api } from '../../api';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { MutationError } from '../../components/MutationError';
import { DiffView } from './DiffView';
import { VersionActions } from './VersionActions';
import { MarkdownEditor } from './MarkdownEditor';
import { MarkdownView } from './MarkdownView';
import { StatusBadge } from './StatusBadge';

/** One version: edited while a draft; otherwise read, moved on, compared and exported. */
export function VersionPanel({
  document: doc,
  versionId,
}: {
  document: DocumentDetail;
  versionId: string;
}) {
  const org = useActiveOrg();
  const orgId = org?.orgId ?? '';
  const params = { orgId, documentId: doc.id, versionId };
  const version = useApiQuery(api.documents.version, org ? [params] : null);
  const [title, setTitle] = useState<string | null>(null);
  const [body, setBody] = useState<string | null>(null);
  const [summary, setSummary] = useState<string | null>(null);
  const [against, setAgainst] = useState<string | null>(null);
  const diff = useApiQuery(api.documents.diff, against ? [params, { against }] : null);
  const save = useApiMutation(api.documents.changeVersion, {
    onSuccess: () => {
      setTitle(null);
      setBody(null);
      setSummary(null);
    },
  });
  const submit = useApiMutation(api.documents.submit);
  const discard = useApiMutation(api.documents.discardVersion);
  const v = version.data;
  if (!org || !v) return version.isError ? <ErrorNotice error={version.error} /> : null;
  const may = (call: Parameters<typeof can>[1]) => can(org.role, call);
  const editing = v.status === 'draft' && may(api.documents.changeVersion);
  const failed = [
    { m: save, act: 'save' },
    { m: submit, act: 'submit it' },
    { m: discard, act: 'discard the draft' },
  ].find((f) => f.m.isError);
  const dirty =
    (title !== null && title !== v.title) ||
    (body !== null && body !== v.body) ||
    (summary !== null && summary !== v.changeSummary);
  // A later version says what changed: the versions list and the approver read it.
  const unsaid = v.basedOnNumber !== null && (summary ?? v.changeSummary).trim() === '';
  const others = doc.versions.filter((o) => o.id !== v.id);
  const choices = openChoices(body ?? v.body);
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Text fw={600}>Version {v.number}</Text>
            <StatusBadge status={v.status} />
          </Group>
          <Group gap="xs">
            {(['pdf', 'docx'] as const).map((format) => (
              <Button
                key={format}
                component="a"
                href={api.documents[format](params)}
                variant="default"
                size="xs"
                leftSection={<IconDownload size={14} aria-hidden />}
              >
                {format === 'pdf' ? 'PDF' : 'Word'}
              </Button>
            ))}
          </Group>
        </Group>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          SHA-256 {v.sha256}
        </Text>
        {choices.length > 0 && v.status !== 'superseded' && v.status !== 'retired' ? (
          <Alert color="yellow" variant="light">
            <Text fw={700} size="sm">
              {countOf(choices.length, 'choice')} still to make
            </Text>
            <Text size="sm">
              The text still has {choices.length === 1 ? 'a mark' : 'marks'} where the practice must
              decide: {choices.slice(0, 3).join(', ')}
              {choices.length > 3 ? ', …' : ''}. Replace each with what the practice does before the
              policy is approved.
            </Text>
          </Alert>
        ) : null}
        {editing ? (
          <>
            <TextInput
              label="Title"
              value={title ?? v.title}
              onChange={(e) => setTitle(e.currentTarget.value)}
            />
            <MarkdownEditor value={body ?? v.body} onChange={setBody} />
            {v.basedOnNumber !== null ? (
              <TextInput
                label="What changed"
                description={`From version ${v.basedOnNumber}, in a sentence: shown in the versions list and to the approver.`}
                required
                value={summary ?? v.changeSummary}
                onChange={(e) => setSummary(e.currentTarget.value)}
              />
            ) : null}
            <Group justify="flex-end" gap="xs">
              {v.submittedAt === null && doc.versions.length > 1 ? (
                <Button
                  variant="subtle"
                  color="red"
                  loading={discard.isPending}
                  onClick={() => discard.mutate([params])}
                >
                  Discard draft
                </Button>
              ) : null}
              <Button
                variant="default"
                disabled={!dirty}
                loading={save.isPending}
                onClick={() =>
                  save.mutate([
                    params,
                    {
                      ...(title === null ? {} : { title }),
                      ...(body === null ? {} : { body }),
                      ...(summary === null ? {} : { changeSummary: summary }),
                    },
                  ])
                }
              >
                Save
              </Button>
              <Button
                disabled={dirty || unsaid}
                title={unsaid ? 'Say what changed first' : undefined}
                loading={submit.isPending}
                onClick={() => submit.mutate([params])}
              >
                Submit for approval
              </Button>
            </Group>
            {unsaid ? (
              <Text size="sm" c="dimmed" ta="right">
                Say what changed, then save, to submit it for approval.
              </Text>
            ) : null}
            {failed ? <MutationError error={failed.m.error} action={failed.act} /> : null}
          </>
        ) : (
          <MarkdownView markdown={v.body} />
        )}
        <VersionActions document={doc} version={v} />
        {others.length > 0 ? (
          <Stack gap="xs">
            <Select
              label="Compare with"
              placeholder="Choose a version"
              clearable
              data={others.map((o) => ({ value: o.id, label: `Version ${o.number}` }))}
              value={against}
              onChange={setAgainst}
              maw={240}
            />
            {diff.data ? <DiffView diff={diff.data} /> : null}
          </Stack>
        ) : null}
        {v.status === 'approved' ? (
          <Alert variant="light">
            Approved versions never change: “Edit” starts a new draft from it.
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}
