import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../api';
import { fieldErrors } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { MutationError } from '../../components/MutationError';

/**
 * The tiers of progressive discipline, mildest first (164.308(a)(1)(ii)(C)): renamed, added,
 * reordered; a tier no record was decided with can be removed (the records name theirs).
 */
export function TiersCard({ used }: { used: readonly string[] }) {
  const org = useActiveOrg();
  const orgId = org?.orgId ?? '';
  const tiers = useApiQuery(api.sanctions.tiers, orgId ? [{ orgId }] : null);
  const [draft, setDraft] = useState<{ name: string; fixed: boolean }[] | null>(null);
  const save = useApiMutation(api.sanctions.setTiers, { onSuccess: () => setDraft(null) });
  const errors = fieldErrors(save.error);
  const inUse = new Set(used.map((n) => n.toLowerCase()));
  const names = (tiers.data?.data ?? []).map((t) => t.name);
  const mayEdit = can(org?.role, api.sanctions.setTiers);
  const move = (from: number, to: number) =>
    setDraft((d) => {
      if (!d) return d;
      const next = [...d];
      const [item] = next.splice(from, 1);
      if (item !== undefined) next.splice(to, 0, item);
      return next;
    });
  return (
    <Card withBorder padding="md" maw={720}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          Tiers of progressive discipline
        </Title>
        {tiers.data?.builtIn ? (
          <Badge variant="light" color="gray">
            Custos&apos;s default tiers
          </Badge>
        ) : null}
      </Group>
      {draft === null ? (
        <Stack gap={4}>
          <Text size="sm">{names.map((n, i) => `${i + 1}. ${n}`).join('  ·  ')}</Text>
          <Text size="xs" c="dimmed">
            Mildest first. The record form suggests the tier after the highest one the person
            received.
          </Text>
          {mayEdit ? (
            <Group>
              <Button
                size="xs"
                variant="default"
                onClick={() =>
                  setDraft(names.map((name) => ({ name, fixed: inUse.has(name.toLowerCase()) })))
                }
              >
                Change the tiers
              </Button>
            </Group>
          ) : null}
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate([{ orgId }, { tiers: draft.map((t) => t.name) }]);
          }}
        >
          <Stack gap="xs">
            {draft.map(({ name, fixed: locked }, i) => {
              return (
                <Group key={i} gap="xs" wrap="nowrap" align="start">
                  <TextInput
                    style={{ flex: 1 }}
                    aria-label={`Tier ${i + 1}`}
                    value={name}
                    readOnly={locked}
                    description={locked ? 'A record was decided with it: it stays' : undefined}
                    error={errors[`tiers.${i}`]}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setDraft((d) => d?.map((t, j) => (j === i ? { ...t, name: value } : t)) ?? d);
                    }}
                  />
                  <ActionIcon
                    variant="default"
                    size="lg"
                    aria-label={`Move ${name || `tier ${i + 1}`} up`}
                    disabled={i === 0}
                    onClick={() => move(i, i - 1)}
                  >
                    <IconArrowUp size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="default"
                    size="lg"
                    aria-label={`Move ${name || `tier ${i + 1}`} down`}
                    disabled={i === draft.length - 1}
                    onClick={() => move(i, i + 1)}
                  >
                    <IconArrowDown size={16} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="default"
                    size="lg"
                    aria-label={`Remove ${name || `tier ${i + 1}`}`}
                    disabled={locked || draft.length === 1}
                    onClick={() => setDraft((d) => d?.filter((_, j) => j !== i) ?? d)}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              );
            })}
            {errors.tiers ? (
              <Text size="sm" c="red">
                {errors.tiers}
              </Text>
            ) : null}
            <MutationError error={save.error} action="save the tiers" />
            <Group justify="space-between">
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconPlus size={14} aria-hidden />}
                disabled={draft.length >= 12}
                onClick={() => setDraft((d) => (d ? [...d, { name: '', fixed: false }] : d))}
              >
                Add a tier
              </Button>
              <Group gap="xs">
                <Button size="xs" variant="default" onClick={() => setDraft(null)}>
                  Cancel
                </Button>
                <Button
                  size="xs"
                  type="submit"
                  loading={save.isPending}
                  disabled={draft.some((t) => !t.name.trim())}
                >
                  Save tiers
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}
