import { ActionIcon, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { EvidenceItemDetail } from '../../../contracts/evidence';
import { LINK_TYPE_LABELS } from '../../../contracts/links';
import type { Role } from '../../../contracts/roles';
import { api } from '../../api';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { RecordLink } from '../../app/RecordLink';
import { can } from '../../app/session';
import { pageOfLink } from '../../components/link-pages';
import { MutationError } from '../../components/MutationError';

/** The records evidence can prove from its own page, each listed for roles that may read them. */
const KINDS = [
  { type: 'safeguard', list: api.catalog.requirements },
  { type: 'risk', list: api.risks.list },
  { type: 'task', list: api.tasks.list },
  { type: 'document', list: api.documents.list },
] as const;
type Kind = (typeof KINDS)[number]['type'];
const isKind = (value: string | null): value is Kind => KINDS.some((k) => k.type === value);

/** Choices of one kind of record, matching what is typed (risks and tasks searched on the server). */
function useRecordChoices(orgId: string, kind: Kind, search: string) {
  const [q] = useDebouncedValue(search.trim(), 250);
  const filter = { q: q || undefined, limit: 50 };
  const requirements = useApiQuery(api.catalog.requirements, kind === 'safeguard' ? [] : null, {
    staleTime: Infinity,
  });
  const risks = useApiQuery(api.risks.list, kind === 'risk' ? [{ orgId }, filter] : null);
  const tasks = useApiQuery(api.tasks.list, kind === 'task' ? [{ orgId }, filter] : null);
  const documents = useApiQuery(api.documents.list, kind === 'document' ? [{ orgId }] : null);
  switch (kind) {
    case 'safeguard':
      return (requirements.data?.data ?? []).map((r) => ({
        value: r.id,
        label: `${r.id} ${r.title}`,
      }));
    case 'risk':
      return (risks.data?.data ?? []).map((r) => ({
        value: r.id,
        label: `${r.reference} ${r.title}`,
      }));
    case 'task':
      return (tasks.data?.data ?? []).map((t) => ({
        value: t.id,
        label: `${t.reference} ${t.title}`,
      }));
    case 'document':
      return (documents.data?.data ?? []).map((d) => ({
        value: d.id,
        label: `${d.reference} ${d.title}`,
      }));
  }
}

/**
 * What the item proves, and, for those who keep records, linking it here to a safeguard, a risk,
 * a task or a policy, or unlinking it: the same links a record's own Evidence card makes.
 */
export function EvidenceSupports(props: { orgId: string; role: Role; item: EvidenceItemDetail }) {
  const { orgId, item } = props;
  const mayLink = can(props.role, api.links.create);
  const kinds = KINDS.filter((k) => can(props.role, k.list));
  const [kind, setKind] = useState<Kind>(kinds[0]?.type ?? 'safeguard');
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  // The chosen record stays a choice while its words fill the search box.
  const [chosenLabel, setChosenLabel] = useState('');
  const choices = useRecordChoices(mayLink ? orgId : '', kind, search);
  const link = useApiMutation(api.links.create, {
    onSuccess: () => {
      setChosen(null);
      setSearch('');
    },
  });
  const remove = useApiMutation(api.links.remove);
  const linked = new Set(item.links.map((l) => `${l.type}:${l.targetId}`));
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        Supports
      </Title>
      <Stack gap={4}>
        {item.links.length === 0 ? (
          <Text size="sm" c="dimmed">
            Not linked to any record yet.
          </Text>
        ) : (
          item.links.map((l) => (
            <Group key={l.id} justify="space-between" wrap="nowrap">
              <RecordLink to={pageOfLink(l) ?? ''}>
                {LINK_TYPE_LABELS[l.type]}: {l.label}
              </RecordLink>
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
      {mayLink && kinds.length > 0 ? (
        <Group align="end" wrap="wrap" mt="md">
          <Select
            label="Link to a"
            data={kinds.map((k) => ({ value: k.type, label: LINK_TYPE_LABELS[k.type] }))}
            value={kind}
            onChange={(value) => {
              if (isKind(value)) {
                setKind(value);
                setChosen(null);
                setSearch('');
              }
            }}
            allowDeselect={false}
            w={140}
          />
          <Select
            label={LINK_TYPE_LABELS[kind]}
            placeholder="Type to search"
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            data={[
              ...(chosen && !choices.some((c) => c.value === chosen)
                ? [{ value: chosen, label: chosenLabel }]
                : []),
              ...choices.filter((c) => !linked.has(`${kind}:${c.value}`)),
            ]}
            value={chosen}
            onChange={(value) => {
              setChosen(value);
              setChosenLabel(choices.find((c) => c.value === value)?.label ?? '');
            }}
            nothingFoundMessage="Nothing matches"
            style={{ flex: 1, minWidth: 220 }}
          />
          <Button
            variant="light"
            disabled={chosen === null}
            loading={link.isPending}
            onClick={() => {
              if (chosen) {
                link.mutate([
                  { orgId },
                  { from: { type: kind, id: chosen }, to: { type: 'evidence', id: item.id } },
                ]);
              }
            }}
          >
            Link
          </Button>
        </Group>
      ) : null}
      <MutationError error={link.error ?? remove.error} action="change the links" />
    </Card>
  );
}
