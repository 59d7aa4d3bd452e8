import {
  Alert,
  Button,
  Card,
  Code,
  Group,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { SeverityLevel } from '../../../contracts/incidents-schemas';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { MutationError } from '../../components/MutationError';
import { useOrgTime } from '../../components/useOrgTime';

/** The anonymous reporting link (made, replaced, turned off) and the severity scale. */
export function ReportingSettings({ orgId, scale }: { orgId: string; scale: SeverityLevel[] }) {
  const time = useOrgTime();
  const link = useApiQuery(api.incidents.reportLink, [{ orgId }]);
  const [shown, setShown] = useState<string | null>(null);
  const rotate = useApiMutation(api.incidents.rotateReportLink, {
    onSuccess: (made) => setShown(made.token),
  });
  const disable = useApiMutation(api.incidents.disableReportLink, {
    onSuccess: () => setShown(null),
  });
  const url = shown ? `${window.location.origin}/report#${shown}` : null;
  return (
    <Stack gap="md" maw={860}>
      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="xs">
          Anonymous reporting link
        </Title>
        <Text size="sm" mb="sm">
          People who will not sign in report through this link: no account, no name asked. Every
          member can also use Report a problem in the menu.
        </Text>
        {link.data?.enabled ? (
          <Text size="sm" mb="sm">
            On since {time.dateTime(link.data.createdAt)}. Custos keeps only a fingerprint of the
            link: make a new one if you lost it (the old one then stops working).
          </Text>
        ) : (
          <Text size="sm" mb="sm">
            Off: nobody can report without an account.
          </Text>
        )}
        {url ? (
          <Alert variant="light" color="teal" mb="sm">
            <Text size="sm" fw={600} mb={4}>
              The new link, shown once
            </Text>
            <Code block style={{ wordBreak: 'break-all' }}>
              {url}
            </Code>
            <Text size="xs" mt={4}>
              Copy it now and share it where your workforce finds it (the staff room, the intranet).
            </Text>
          </Alert>
        ) : null}
        <MutationError error={rotate.error ?? disable.error} action="change the link" />
        <Group>
          <Button onClick={() => rotate.mutate([{ orgId }])} loading={rotate.isPending}>
            {link.data?.enabled ? 'Make a new link' : 'Turn the link on'}
          </Button>
          {link.data?.enabled ? (
            <Button
              variant="default"
              onClick={() => disable.mutate([{ orgId }])}
              loading={disable.isPending}
            >
              Turn the link off
            </Button>
          ) : null}
        </Group>
      </Card>
      <SeverityScaleCard orgId={orgId} scale={scale} />
    </Stack>
  );
}

function SeverityScaleCard({ orgId, scale }: { orgId: string; scale: SeverityLevel[] }) {
  const [editing, setEditing] = useState<{ name: string; definition: string }[] | null>(null);
  const save = useApiMutation(api.incidents.setSeverityScale, {
    onSuccess: () => setEditing(null),
  });
  const errors = fieldErrors(save.error);
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          Severity scale
        </Title>
        {editing ? null : (
          <Button
            variant="default"
            size="xs"
            onClick={() =>
              setEditing(scale.map((l) => ({ name: l.name, definition: l.definition })))
            }
          >
            Change the scale
          </Button>
        )}
      </Group>
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate([{ orgId }, { levels: editing }]);
          }}
        >
          <Stack gap="sm">
            {editing.map((level, index) => (
              <Group key={index} align="flex-start" grow>
                <TextInput
                  label={`Level ${index + 1}`}
                  value={level.name}
                  onChange={(e) => {
                    const next = [...editing];
                    next[index] = { ...level, name: e.currentTarget.value };
                    setEditing(next);
                  }}
                  error={errors[`levels.${index}.name`]}
                />
                <Textarea
                  label="Definition"
                  autosize
                  value={level.definition}
                  onChange={(e) => {
                    const next = [...editing];
                    next[index] = { ...level, definition: e.currentTarget.value };
                    setEditing(next);
                  }}
                  error={errors[`levels.${index}.definition`]}
                />
              </Group>
            ))}
            <MutationError error={save.error} action="save the scale" />
            <Group justify="space-between">
              <Group gap="xs">
                <Button
                  variant="default"
                  size="xs"
                  disabled={editing.length >= 7}
                  onClick={() => setEditing([...editing, { name: '', definition: '' }])}
                >
                  Add a level
                </Button>
                <Button
                  variant="default"
                  size="xs"
                  disabled={editing.length <= 2}
                  onClick={() => setEditing(editing.slice(0, -1))}
                >
                  Remove the highest
                </Button>
              </Group>
              <Group gap="xs">
                <Button variant="default" onClick={() => setEditing(null)}>
                  Cancel
                </Button>
                <Button type="submit" loading={save.isPending}>
                  Save
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>
      ) : (
        <Stack gap="xs">
          {scale.toReversed().map((l) => (
            <div key={l.level}>
              <Text size="sm" fw={600}>
                {l.name}
              </Text>
              <Text size="sm">{l.definition}</Text>
            </div>
          ))}
        </Stack>
      )}
    </Card>
  );
}
