import {
  Button,
  Group,
  List,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Badge,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { AssessmentDetail, Candidate } from '../../../contracts/risk-assessments';
import { api } from '../../api';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';

/** What changed in the register since the assessment this one started from. */
export function Changes({ changes }: { changes: NonNullable<AssessmentDetail['changes']> }) {
  const groups: [
    string,
    { reference: string; title: string; before?: string | null; after?: string | null }[],
  ][] = [
    ['New risks', changes.added],
    ['Rerated', changes.rerated],
    ['Treatment changed', changes.retreated],
    ['Closed', changes.closed],
    ['Removed', changes.removed],
  ];
  const total = groups.reduce((n, [, items]) => n + items.length, 0);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        Changes since {changes.since.reference}
      </Title>
      {total === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing in the register changed since {changes.since.reference} was approved.
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {groups
            .filter(([, items]) => items.length > 0)
            .map(([label, items]) => (
              <Stack key={label} gap={4}>
                <Text fw={600} size="sm">
                  {label} ({items.length})
                </Text>
                <List size="sm" spacing={2}>
                  {items.map((c) => (
                    <List.Item key={c.reference}>
                      <Text span ff="monospace" size="xs" mr={4}>
                        {c.reference}
                      </Text>
                      {c.title}
                      {c.before !== undefined ? (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          {c.before ?? 'none'} → {c.after ?? 'none'}
                        </Text>
                      ) : null}
                    </List.Item>
                  ))}
                </List>
              </Stack>
            ))}
        </SimpleGrid>
      )}
    </Paper>
  );
}

/** The guided path: ePHI assets × applicable threats, and whether the register covers each. */
export function Guided({ assessmentId }: { assessmentId: string }) {
  const org = useActiveOrg();
  const orgId = org?.orgId ?? '';
  const list = useApiQuery(api.riskAssessments.candidates, org ? [{ orgId, assessmentId }] : null);
  const add = useApiMutation(api.risks.create);
  // The pair whose risk is being added, for its button's spinner.
  const [adding, setAdding] = useState<Candidate | null>(null);
  const addRisk = (c: Candidate) => {
    setAdding(c);
    add.mutate([
      { orgId },
      {
        title: `${c.threat.title}: ${c.asset.name}`,
        assetIds: [c.asset.id],
        threatId: c.threat.id,
        ...(c.vulnerabilities[0] ? { vulnerabilityId: c.vulnerabilities[0].id } : {}),
      },
    ]);
  };
  const data = list.data;
  if (!data) return list.isError ? <ErrorNotice error={list.error} /> : null;
  const manage = can(org?.role, api.risks.create);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4">
        Guided path
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Every asset with ePHI against every threat that applies to its kind. Add a risk for each
        pair that is not covered, or rate it as negligible, so nothing in scope is forgotten.
      </Text>
      <Group mb="sm" gap="sm">
        <Progress
          value={data.total ? (100 * data.covered) / data.total : 0}
          w={220}
          aria-label="Pairs covered"
        />
        <Text size="sm">
          {data.covered} of {data.total} pairs covered by the register
        </Text>
      </Group>
      <Stack gap="sm">
        {[...new Map(data.data.map((c) => [c.asset.id, c.asset])).values()].map((asset) => {
          const pairs = data.data.filter((c) => c.asset.id === asset.id);
          return (
            <Stack key={asset.id} gap={4}>
              <Text size="sm" fw={600}>
                {asset.reference} {asset.name}{' '}
                <Text span size="xs" c="dimmed">
                  {pairs.filter((c) => c.coveredBy.length > 0).length} of {pairs.length} covered
                </Text>
              </Text>
              <Group gap={6}>
                {pairs.map((c) =>
                  c.coveredBy.length > 0 ? (
                    <Badge key={c.threat.id} variant="dot" color="teal" size="md" tt="none">
                      {c.threat.title}: {c.coveredBy.join(', ')}
                    </Badge>
                  ) : manage ? (
                    <Button
                      key={c.threat.id}
                      size="compact-xs"
                      variant="default"
                      title={`Likely weaknesses: ${c.vulnerabilities.map((v) => v.title).join('; ')}`}
                      loading={add.isPending && adding === c}
                      onClick={() => addRisk(c)}
                    >
                      + {c.threat.title}
                    </Button>
                  ) : (
                    <Badge key={c.threat.id} variant="dot" color="orange" size="md" tt="none">
                      {c.threat.title}: not covered
                    </Badge>
                  ),
                )}
              </Group>
            </Stack>
          );
        })}
      </Stack>
    </Paper>
  );
}
