import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { MutationError } from '../../components/MutationError';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { ScrollTable } from '../../components/ScrollTable';
import { countOf, formatDate } from '../../components/format';
import { useOrgTime } from '../../components/useOrgTime';
import { DOCUMENT_KIND_LABELS } from '../../../contracts/documents';
import { NewDocument } from './NewDocument';
import { StatusBadge } from './StatusBadge';

/** The organization's policies and procedures, and where to start new ones. */
export function DocumentsPage() {
  const org = useActiveOrg();
  const time = useOrgTime();
  const navigate = useNavigate();
  const list = useApiQuery(api.documents.list, org ? [{ orgId: org.orgId }] : null);
  const templates = useApiQuery(api.documents.templates, org ? [{ orgId: org.orgId }] : null);
  const [template, setTemplate] = useState<string | null>(null);
  const fromTemplate = useApiMutation(api.documents.fromTemplate, {
    onSuccess: (doc) => navigate(`/documents/${doc.id}`),
  });
  if (!org) return <NoOrganization />;
  const records = list.data?.data ?? [];
  const mayCreate = can(org.role, api.documents.create);
  const inEffect = records.filter((d) => d.inEffect).length;
  return (
    <>
      <PageHeader
        title="Policies"
        description={`${countOf(records.length, 'document')}, ${inEffect} in effect. Each version is approved before it takes effect and reviewed on schedule (164.316).`}
      />
      {list.isError ? <ErrorNotice error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Stack gap="md">
        {mayCreate ? (
          <Group align="flex-start" gap="md" wrap="wrap">
            <Card withBorder padding="md" style={{ flex: '1 1 320px' }}>
              <Stack gap="xs">
                <Text fw={600}>Start from a template</Text>
                <Select
                  label="Template"
                  placeholder="Choose a template"
                  searchable
                  data={(templates.data?.data ?? []).map((t) => ({
                    value: t.id,
                    label: `${t.title} (${DOCUMENT_KIND_LABELS[t.kind].toLowerCase()})`,
                  }))}
                  value={template}
                  onChange={setTemplate}
                />
                {fromTemplate.isError ? <MutationError error={fromTemplate.error} /> : null}
                <Group justify="flex-end">
                  <Button
                    disabled={!template}
                    loading={fromTemplate.isPending}
                    onClick={() =>
                      template && fromTemplate.mutate([{ orgId: org.orgId, templateId: template }])
                    }
                  >
                    Create draft
                  </Button>
                </Group>
              </Stack>
            </Card>
            <NewDocument orgId={org.orgId} />
          </Group>
        ) : null}
        {list.isSuccess && records.length === 0 ? (
          <Alert variant="light">No policies yet.</Alert>
        ) : null}
        {records.length > 0 ? (
          <ScrollTable label="Policies" minWidth={760}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Policy</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>In effect</Table.Th>
                <Table.Th>Latest version</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th>Next review</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {records.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/documents/${d.id}`}>
                      {d.reference} {d.title}
                    </Anchor>
                    {d.category ? (
                      <Text size="xs" c="dimmed">
                        {d.category}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{DOCUMENT_KIND_LABELS[d.kind]}</Table.Td>
                  <Table.Td>
                    {d.inEffect
                      ? `Version ${d.inEffect.number} since ${formatDate(d.inEffect.effectiveOn)}`
                      : '—'}
                  </Table.Td>
                  <Table.Td>
                    {/* Any status but the one in effect: a draft, in review, approved awaiting
                        effect, or retired (with none in effect). */}
                    {d.latest && d.latest.id !== d.inEffect?.id ? (
                      <Group gap={4}>
                        <Text size="sm">Version {d.latest.number}</Text>
                        <StatusBadge status={d.latest.status} />
                      </Group>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>{d.owner?.name ?? 'Security Official'}</Table.Td>
                  <Table.Td>
                    {d.nextReviewOn ? (
                      d.nextReviewOn < time.today() ? (
                        <Badge color="red" variant="light">
                          Overdue since {formatDate(d.nextReviewOn)}
                        </Badge>
                      ) : (
                        formatDate(d.nextReviewOn)
                      )
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        ) : null}
      </Stack>
    </>
  );
}
