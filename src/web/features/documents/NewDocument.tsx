import { Button, Card, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import {
  DOCUMENT_KINDS,
  DOCUMENT_KIND_LABELS,
  type DocumentKind,
} from '../../../contracts/documents';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation } from '../../api/hooks';

/** A blank document: title and kind; the text is written in its first draft. */
export function NewDocument({ orgId }: { orgId: string }) {
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<DocumentKind>('policy');
  const create = useApiMutation(api.documents.create, {
    onSuccess: (doc) => navigate(`/documents/${doc.id}`),
  });
  const errors = fieldErrors(create.error, { title: 'The title' });
  return (
    <Card withBorder padding="md" style={{ flex: '1 1 320px' }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate([{ orgId }, { title, kind }]);
        }}
      >
        <Stack gap="xs">
          <Text fw={600}>Start blank</Text>
          <TextInput
            label="Title"
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
          />
          <Select
            label="Kind"
            allowDeselect={false}
            data={DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_LABELS[k] }))}
            value={kind}
            onChange={(value) => {
              const chosen = DOCUMENT_KINDS.find((k) => k === value);
              if (chosen) setKind(chosen);
            }}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              Create draft
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
