import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  List,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { z } from 'zod';
import {
  CHECKLIST_KIND_LABELS,
  type ChecklistTemplateSchema,
  type TemplateItem,
} from '../../../contracts/workforce';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { countOf } from '../../components/format';
import { MutationError } from '../../components/MutationError';

type Template = z.infer<typeof ChecklistTemplateSchema>;

const HELP: Record<Template['kind'], string> = {
  onboarding:
    'HIPAA 164.308(a)(3)(ii)(A)–(B). Starting a person’s onboarding raises a task for each item that applies to their department and job role.',
  termination:
    'HIPAA 164.308(a)(3)(ii)(C). Ending a person’s employment raises these on top of the fixed tasks: an account to disable on each system with ePHI, devices and badges, remote access.',
};

/** Who an item is for, as people read it. */
function audience(item: Template['items'][number]): string {
  const parts = [
    item.department ? item.department.name : null,
    item.jobRole ? `job role ${item.jobRole}` : null,
  ].filter((p) => p !== null);
  return parts.length > 0 ? parts.join(', ') : 'Everyone';
}

/** One checklist template: read, or edited item by item by those who keep the roster. */
export function TemplateCard(props: { orgId: string; template: Template; manages: boolean }) {
  const { orgId, template, manages } = props;
  const [draft, setDraft] = useState<TemplateItem[] | null>(null);
  const departments = useApiQuery(api.people.listDepartments, manages ? [{ orgId }] : null);
  const save = useApiMutation(api.workforce.setTemplate, { onSuccess: () => setDraft(null) });
  const label = CHECKLIST_KIND_LABELS[template.kind];
  const errors = fieldErrors(save.error);
  const hasFieldErrors = Object.keys(errors).length > 0;
  const edit = (index: number, change: Partial<TemplateItem>) =>
    setDraft((items) => (items ?? []).map((it, i) => (i === index ? { ...it, ...change } : it)));
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <Text fw={600} component="h2">
              {label} checklist
            </Text>
            {template.builtIn ? (
              <Badge variant="light" color="gray">
                Custos&apos;s default
              </Badge>
            ) : null}
          </Group>
          {manages && draft === null ? (
            <Button
              variant="default"
              onClick={() =>
                setDraft(
                  template.items.map(({ title, departmentId, jobRole }) => ({
                    title,
                    departmentId,
                    jobRole,
                  })),
                )
              }
            >
              Edit the {label.toLowerCase()} checklist
            </Button>
          ) : null}
        </Group>
        <Text size="sm" c="dimmed">
          {HELP[template.kind]}
        </Text>
        {draft === null ? (
          template.items.length === 0 ? (
            <Text size="sm">No items.</Text>
          ) : (
            <List size="sm" spacing={4}>
              {template.items.map((item, i) => (
                <List.Item key={`${i}-${item.title}`}>
                  {item.title}{' '}
                  <Text span size="xs" c="dimmed">
                    ({audience(item)})
                  </Text>
                </List.Item>
              ))}
            </List>
          )
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate([{ orgId }, { kind: template.kind, items: draft }]);
            }}
          >
            <Stack gap="xs">
              {draft.map((item, i) => (
                <Group key={i} align="start" gap="xs" wrap="wrap">
                  <TextInput
                    label={`Item ${i + 1}`}
                    required
                    value={item.title}
                    onChange={(e) => edit(i, { title: e.currentTarget.value })}
                    error={errors[`items.${i}.title`]}
                    style={{ flex: '2 1 240px' }}
                  />
                  <Select
                    label="Department"
                    data={[
                      { value: '', label: 'Every department' },
                      ...(departments.data?.data ?? []).map((d) => ({
                        value: d.id,
                        label: d.name,
                      })),
                    ]}
                    value={item.departmentId ?? ''}
                    allowDeselect={false}
                    onChange={(v) => edit(i, { departmentId: v === '' || v === null ? null : v })}
                    error={errors[`items.${i}.departmentId`]}
                    style={{ flex: '1 1 160px' }}
                  />
                  <TextInput
                    label="Job role"
                    placeholder="Every role"
                    value={item.jobRole ?? ''}
                    onChange={(e) => edit(i, { jobRole: e.currentTarget.value || null })}
                    error={errors[`items.${i}.jobRole`]}
                    style={{ flex: '1 1 160px' }}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red.9"
                    mt={26}
                    size="lg"
                    aria-label={`Remove item ${i + 1}`}
                    onClick={() => setDraft(draft.filter((_, j) => j !== i))}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              <Group justify="space-between" mt="xs">
                <Button
                  variant="subtle"
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={() =>
                    setDraft([...draft, { title: '', departmentId: null, jobRole: null }])
                  }
                  disabled={draft.length >= 100}
                >
                  Add an item
                </Button>
                <Group gap="xs">
                  <Button variant="default" onClick={() => setDraft(null)}>
                    Cancel
                  </Button>
                  <Button type="submit" loading={save.isPending}>
                    Save {countOf(draft.length, 'item')}
                  </Button>
                </Group>
              </Group>
              {hasFieldErrors ? null : (
                <MutationError
                  error={save.error}
                  action={`save the ${label.toLowerCase()} checklist`}
                />
              )}
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
