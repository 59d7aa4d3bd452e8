import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Paper,
  Progress,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { Candidate } from '../../../contracts/risk-assessments';
import type { RiskMatrix } from '../../../contracts/risk-library';
import { api } from '../../api';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { MutationError } from '../../components/MutationError';
import { PairDialog } from './PairDialog';
import { countOf } from '../../components/format';

/**
 * The guided path: ePHI assets × applicable threats, and whether a risk covers each pair or it was
 * judged negligible. An open pair opens a dialog to add its risk (rated there) or judge it.
 */
export function Guided({ assessmentId, matrix }: { assessmentId: string; matrix: RiskMatrix }) {
  const org = useActiveOrg();
  const orgId = org?.orgId ?? '';
  const list = useApiQuery(api.riskAssessments.candidates, org ? [{ orgId, assessmentId }] : null);
  const reopen = useApiMutation(api.riskAssessments.reopenPair);
  const [open, setOpen] = useState<Candidate | null>(null);
  const data = list.data;
  if (!data) return list.isError ? <ErrorNotice error={list.error} /> : null;
  const manage = can(org?.role, api.risks.create);
  const judge = can(org?.role, api.riskAssessments.judgeNegligible);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4">
        Guided path
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Every asset with ePHI against every threat that applies to its kind. For each open pair, add
        a risk and rate it, or judge it negligible with a reason, so nothing in scope is forgotten.
      </Text>
      <Group mb="sm" gap="sm">
        <Progress
          value={data.total ? (100 * data.covered) / data.total : 0}
          w={220}
          aria-label="Pairs covered"
        />
        <Text size="sm">
          {data.covered} of {countOf(data.total, 'pair')} covered or judged negligible
        </Text>
      </Group>
      {reopen.error ? <MutationError error={reopen.error} /> : null}
      <Stack gap="sm">
        {[...new Map(data.data.map((c) => [c.asset.id, c.asset])).values()].map((asset) => {
          const pairs = data.data.filter((c) => c.asset.id === asset.id);
          const done = pairs.filter((c) => c.coveredBy.length > 0 || c.negligible).length;
          return (
            <Stack key={asset.id} gap={4}>
              <Text size="sm" fw={600}>
                {asset.reference} {asset.name}{' '}
                <Text span size="xs" c="dimmed">
                  {done} of {pairs.length} covered
                </Text>
              </Text>
              <Group gap={6}>
                {pairs.map((c) => {
                  if (c.coveredBy.length > 0) {
                    return (
                      <Badge key={c.threat.id} variant="dot" color="teal" size="md" tt="none">
                        {c.threat.title}: {c.coveredBy.join(', ')}
                      </Badge>
                    );
                  }
                  if (c.negligible) {
                    return (
                      <Badge
                        key={c.threat.id}
                        variant="outline"
                        color="gray"
                        size="md"
                        tt="none"
                        title={`Judged negligible: ${c.negligible.reason}`}
                        rightSection={
                          judge ? (
                            <ActionIcon
                              size="xs"
                              variant="transparent"
                              color="gray"
                              aria-label={`Withdraw the negligible judgement of ${c.threat.title} on ${asset.name}`}
                              onClick={() =>
                                reopen.mutate([
                                  { orgId, assessmentId, negligiblePairId: c.negligible?.id ?? '' },
                                ])
                              }
                            >
                              <IconX size={12} aria-hidden />
                            </ActionIcon>
                          ) : null
                        }
                      >
                        {c.threat.title}: negligible
                      </Badge>
                    );
                  }
                  return manage ? (
                    <Button
                      key={c.threat.id}
                      size="compact-xs"
                      variant="default"
                      onClick={() => setOpen(c)}
                    >
                      + {c.threat.title}
                    </Button>
                  ) : (
                    <Badge key={c.threat.id} variant="dot" color="orange" size="md" tt="none">
                      {c.threat.title}: not covered
                    </Badge>
                  );
                })}
              </Group>
            </Stack>
          );
        })}
      </Stack>
      {open ? (
        <PairDialog
          orgId={orgId}
          assessmentId={assessmentId}
          pair={open}
          matrix={matrix}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </Paper>
  );
}
