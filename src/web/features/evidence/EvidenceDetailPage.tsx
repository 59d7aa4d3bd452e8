import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconExternalLink } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { EVIDENCE_KIND_LABELS } from '../../../contracts/evidence';
import { api } from '../../api';
import { useApiQuery } from '../../api/hooks';
import { useMayOpen } from '../../app/may-open';
import { can } from '../../app/session';
import { useActiveOrg } from '../../app/useActiveOrg';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDate } from '../../components/format';
import { NoOrganization } from '../../components/NoOrganization';
import { PageHeader } from '../../components/PageHeader';
import { useOrgTime } from '../../components/useOrgTime';
import { EvidenceEditForm } from './EvidenceEditForm';
import { EvidenceRetention } from './EvidenceRetention';
import { EvidenceSupports } from './EvidenceSupports';
import { formatSize } from './size';

function Fact(props: { label: string; children: React.ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="baseline">
      <Text size="sm" c="dimmed" miw={130}>
        {props.label}
      </Text>
      <Text size="sm" component="div">
        {props.children}
      </Text>
    </Group>
  );
}

/** One piece of evidence: its file or address, dates, and the records it supports. */
export function EvidenceDetailPage() {
  const org = useActiveOrg();
  const { evidenceItemId = '' } = useParams();
  const time = useOrgTime();
  const mayOpen = useMayOpen();
  const detail = useApiQuery(api.evidence.get, org ? [{ orgId: org.orgId, evidenceItemId }] : null);
  if (!org) return <NoOrganization />;
  if (detail.isError)
    return <ErrorNotice error={detail.error} onRetry={() => void detail.refetch()} />;
  const item = detail.data;
  if (!item) return null;
  const params = { orgId: org.orgId, evidenceItemId: item.id };
  return (
    <>
      {mayOpen('/evidence') ? (
        <Anchor component={Link} to="/evidence" size="sm">
          ← Evidence
        </Anchor>
      ) : null}
      <PageHeader title={`${item.reference} ${item.title}`} description={item.description} />
      <Stack gap="md" maw={860}>
        <Card withBorder padding="lg">
          <Stack gap={8}>
            {item.stale ? (
              <Badge color="orange" variant="light" size="lg">
                Stale: due for refresh since {formatDate(item.refreshOn)}
              </Badge>
            ) : null}
            <Fact label="Kind">{EVIDENCE_KIND_LABELS[item.kind]}</Fact>
            {item.file ? (
              <>
                <Fact label="File">
                  {item.file.name} · {formatSize(item.file.size)}
                </Fact>
                <Fact label="SHA-256">
                  <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                    {item.file.sha256}
                  </Text>
                </Fact>
              </>
            ) : null}
            {item.url ? (
              <Fact label="Address">
                <Anchor href={item.url} target="_blank" rel="noreferrer" size="sm">
                  {item.url} <IconExternalLink size={12} aria-hidden />
                </Anchor>
              </Fact>
            ) : null}
            <Fact label="Collected">{item.collectedOn ? formatDate(item.collectedOn) : '—'}</Fact>
            <Fact label="In effect">
              {item.effectiveFrom || item.effectiveTo
                ? `${item.effectiveFrom ? formatDate(item.effectiveFrom) : '…'} to ${item.effectiveTo ? formatDate(item.effectiveTo) : '…'}`
                : '—'}
            </Fact>
            <Fact label="Refresh by">{item.refreshOn ? formatDate(item.refreshOn) : '—'}</Fact>
            <Fact label="Owner">{item.owner?.name ?? '—'}</Fact>
            <Fact label="Kept until">
              {formatDate(item.retainUntil)}
              {item.hold ? ` · under legal hold ${item.hold.reference}` : ''}
            </Fact>
            <Fact label="Added">{time.dateTime(item.createdAt)}</Fact>
            {item.file ? (
              <Group mt="sm">
                <Button
                  component="a"
                  href={api.evidence.download(params)}
                  leftSection={<IconDownload size={16} aria-hidden />}
                  variant="light"
                >
                  Download
                </Button>
              </Group>
            ) : null}
          </Stack>
        </Card>
        <EvidenceSupports orgId={org.orgId} role={org.role} item={item} />
        <EvidenceRetention item={item} />
        {can(org.role, api.evidence.update) ? (
          <Card withBorder padding="lg">
            <Title order={2} size="h4" mb="xs">
              Details
            </Title>
            <EvidenceEditForm key={item.updatedAt} orgId={org.orgId} item={item} />
          </Card>
        ) : null}
      </Stack>
    </>
  );
}
