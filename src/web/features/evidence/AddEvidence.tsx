import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useRef, useState, type DragEvent } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { MutationError } from '../../components/MutationError';

/** Upload a file (drop it or choose it) or record a link; both open the new item's page. */
export function AddEvidence(props: { orgId: string }) {
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const opened = (item: { id: string }) => void navigate(`/evidence/${item.id}`);
  const upload = useApiMutation(api.evidence.upload, { onSuccess: opened });
  const link = useApiMutation(api.evidence.createLink, { onSuccess: opened });
  const send = (file: File | undefined) => {
    if (file) upload.mutate([{ orgId: props.orgId }, file, { filename: file.name }]);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    send(e.dataTransfer.files[0]);
  };
  const errors = fieldErrors(link.error, { title: 'The title', url: 'The address' });
  return (
    <Group align="stretch" grow wrap="wrap" gap="md">
      <Card withBorder padding="md" miw={280}>
        <Title order={2} size="h5" mb="xs">
          Upload a file
        </Title>
        <Stack
          gap={6}
          align="center"
          justify="center"
          p="md"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          style={{
            border: `1px dashed var(--mantine-color-${dragging ? 'blue-6' : 'default-border'})`,
            borderRadius: 'var(--mantine-radius-sm)',
          }}
        >
          <Text size="sm" ta="center">
            Drop a file here, or
          </Text>
          <Button
            variant="light"
            leftSection={<IconUpload size={16} aria-hidden />}
            loading={upload.isPending}
            onClick={() => input.current?.click()}
          >
            Choose a file
          </Button>
          <input
            ref={input}
            type="file"
            hidden
            aria-label="Evidence file"
            onChange={(e) => send(e.currentTarget.files?.[0])}
          />
          <Text size="xs" c="dimmed" ta="center">
            PDF, images, Word, Excel, PowerPoint, CSV or text. Stored encrypted.
          </Text>
        </Stack>
        {upload.isError ? <MutationError error={upload.error} /> : null}
      </Card>
      <Card withBorder padding="md" miw={280}>
        <Title order={2} size="h5" mb="xs">
          Record a link
        </Title>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            link.mutate([{ orgId: props.orgId }, { title, url }]);
          }}
        >
          <Stack gap="xs">
            <TextInput
              label="Title"
              required
              placeholder="e.g. Backup job history"
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={errors.title}
            />
            <TextInput
              label="Address"
              required
              placeholder="https://…"
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
              error={errors.url}
            />
            <Group justify="flex-end">
              <Button type="submit" variant="light" loading={link.isPending}>
                Add link
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Group>
  );
}
