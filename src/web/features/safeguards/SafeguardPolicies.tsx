import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link as RouterLink } from 'react-router';
import type { Link } from '../../../contracts/links';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { RecordLink } from '../../app/RecordLink';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { formatDate } from '../../components/format';
import { pageOfLink } from '../../components/link-pages';
import { StatusBadge } from '../documents/StatusBadge';

/**
 * The policies and procedures that address this safeguard (164.316(a)), apart from its evidence:
 * each with its version in effect and where its next version stands.
 */
export function SafeguardPolicies({ links }: { links: Link[] }) {
  const org = useActiveOrg();
  const mayRead = can(org?.role, api.documents.list);
  const list = useApiQuery(api.documents.list, mayRead && org ? [{ orgId: org.orgId }] : null);
  const ids = new Set(links.map((l) => l.targetId));
  const documents = (list.data?.data ?? []).filter((d) => ids.has(d.id));
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb={4}>
        Policies
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        The written policies and procedures that say how this safeguard is met.
      </Text>
      {links.length === 0 ? (
        <Text size="sm" c="dimmed">
          No policy addresses it yet.{' '}
          {can(org?.role, api.documents.create) ? (
            // A link inside a sentence is underlined (axe link-in-text-block).
            <Anchor component={RouterLink} to="/documents" size="sm" underline="always">
              Start one from a template.
            </Anchor>
          ) : null}
        </Text>
      ) : documents.length === 0 ? (
        <Stack gap={4}>
          {links.map((l) => (
            <RecordLink key={l.id} to={pageOfLink(l) ?? ''}>
              {l.label}
            </RecordLink>
          ))}
        </Stack>
      ) : (
        <Stack gap="sm">
          {documents.map((d) => (
            <Stack key={d.id} gap={2}>
              <RecordLink to={`/documents/${d.id}`} fw={600}>
                {d.reference} {d.title}
              </RecordLink>
              <Group gap="xs" wrap="wrap">
                {d.inEffect ? (
                  <>
                    <StatusBadge status="in_effect" />
                    <Text size="sm">
                      Version {d.inEffect.number}, since {formatDate(d.inEffect.effectiveOn)}
                    </Text>
                  </>
                ) : (
                  <Text size="sm" c="dimmed">
                    No version in effect
                  </Text>
                )}
                {d.openDraft ? (
                  <>
                    <Text size="sm" c="dimmed">
                      · version {d.openDraft.number}:
                    </Text>
                    <StatusBadge status={d.openDraft.status} />
                  </>
                ) : null}
              </Group>
            </Stack>
          ))}
        </Stack>
      )}
    </Card>
  );
}
