import { Accordion, Badge, Group, List, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import {
  DESIGNATION_LABELS,
  SAFEGUARD_CATEGORIES,
  SAFEGUARD_CATEGORY_LABELS,
  type SafeguardCategory,
} from '../../../contracts/catalog';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';

/** The regulation catalog, searchable: what each standard and specification asks. */
export function CatalogPage() {
  const [q, setQ] = useState('');
  const [safeguard, setSafeguard] = useState<SafeguardCategory | null>(null);
  const query = { ...(q ? { q } : {}), ...(safeguard ? { safeguard } : {}) };
  // The catalog changes only with a release.
  const list = useApiQuery(api.catalog.requirements, [query], { staleTime: Infinity });
  return (
    <>
      <PageHeader
        title="Security Rule catalog"
        description="The 22 standards and 46 implementation specifications of 45 CFR 164.308–164.316, with plain-language summaries, NIST SP 800-66r2 key activities and mapped controls."
      />
      <Stack gap="md">
        <Group align="end">
          <TextInput
            label="Search"
            placeholder="e.g. encryption, AU-6, 164.308(b)"
            leftSection={<IconSearch size={14} aria-hidden />}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={320}
          />
          <Select
            label="Category"
            placeholder="All"
            clearable
            data={SAFEGUARD_CATEGORIES.map((c) => ({
              value: c,
              label: SAFEGUARD_CATEGORY_LABELS[c],
            }))}
            value={safeguard}
            onChange={(v) => setSafeguard(SAFEGUARD_CATEGORIES.find((c) => c === v) ?? null)}
            w={320}
          />
          <Text size="sm" c="dimmed" mb={8}>
            {list.data ? `${list.data.data.length} of 68 · catalog ${list.data.version}` : ''}
          </Text>
        </Group>
        {list.isError ? <ErrorNotice error={list.error} /> : null}
        <Accordion variant="separated" multiple>
          {(list.data?.data ?? []).map((r) => (
            <Accordion.Item key={r.id} value={r.id}>
              <Accordion.Control>
                {/* On a phone the citation takes its own line and the badges wrap whole. */}
                <Group gap="sm" style={{ rowGap: 2 }}>
                  <Text ff="monospace" size="sm" c="dimmed" w={{ base: '100%', sm: 150 }}>
                    {r.id}
                  </Text>
                  <Text fw={r.kind === 'standard' ? 700 : 500} size="sm" miw={0}>
                    {r.title}
                  </Text>
                  {r.kind === 'standard' ? (
                    <Badge size="xs" variant="outline" color="gray" style={{ flexShrink: 0 }}>
                      Standard
                    </Badge>
                  ) : null}
                  {r.designation ? (
                    <Badge
                      size="xs"
                      style={{ flexShrink: 0 }}
                      variant="outline"
                      color={r.designation === 'required' ? 'indigo' : 'grape'}
                    >
                      {DESIGNATION_LABELS[r.designation]}
                    </Badge>
                  ) : null}
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap={6}>
                  <Text size="sm">{r.summary}</Text>
                  <Text size="sm" c="dimmed">
                    {r.guidance}
                  </Text>
                  {r.keyActivities ? (
                    <List size="sm" spacing={2}>
                      {r.keyActivities.map((k) => (
                        <List.Item key={k.title}>{k.title}</List.Item>
                      ))}
                    </List>
                  ) : null}
                  {r.mappings ? (
                    <Text size="xs" c="dimmed">
                      SP 800-53r5: {r.mappings.nistSp80053r5.join(', ')} · CSF 1.1:{' '}
                      {r.mappings.nistCsf11.join(', ')}
                    </Text>
                  ) : null}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      </Stack>
    </>
  );
}
