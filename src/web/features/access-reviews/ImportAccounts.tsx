import { Alert, Badge, Button, Card, FileInput, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import {
  ACCESS_FLAG_LABELS,
  ACCESS_MATCH_KIND_LABELS,
  type AccountImportResult,
} from '../../../contracts/access-reviews';
import { api } from '../../api';
import { useApiMutation } from '../../api/hooks';
import { countOf } from '../../components/format';
import { MutationError } from '../../components/MutationError';
import { ScrollTable } from '../../components/ScrollTable';
import { FLAG_COLORS } from './words';

function Preview({ result }: { result: AccountImportResult }) {
  if (!result.valid) {
    return (
      <Alert
        color="red"
        variant="light"
        role="alert"
        title={`Nothing will be imported: ${countOf(result.problems.length, 'problem')}`}
      >
        <ScrollTable label="Problems in the file" minWidth={480}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Row</Table.Th>
              <Table.Th>Line</Table.Th>
              <Table.Th>Column</Table.Th>
              <Table.Th>Problem</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.problems.map((p, i) => (
              <Table.Tr key={i}>
                <Table.Td>{p.row}</Table.Td>
                <Table.Td>{p.line}</Table.Td>
                <Table.Td>{p.column}</Table.Td>
                <Table.Td>{p.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      </Alert>
    );
  }
  const flagged = result.items.filter((i) => i.flags.length > 0).length;
  return (
    <Stack gap="xs">
      <Text size="sm" role="status">
        <strong>Ready to import:</strong> {countOf(result.items.length, 'account')},{' '}
        {countOf(flagged, 'flagged account')}.
      </Text>
      <ScrollTable label="Accounts in the file" minWidth={640} withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Row</Table.Th>
            <Table.Th>Account</Table.Th>
            <Table.Th>Roster match</Table.Th>
            <Table.Th>Access level</Table.Th>
            <Table.Th>Flags</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.items.slice(0, 100).map((item) => (
            <Table.Tr key={item.row}>
              <Table.Td>{item.row}</Table.Td>
              <Table.Td>{item.account}</Table.Td>
              <Table.Td>
                {item.person ? (
                  <>
                    <Text size="sm">{item.person.name}</Text>
                    <Text size="xs" c="dimmed">
                      {item.matchedBy ? ACCESS_MATCH_KIND_LABELS[item.matchedBy] : ''}
                    </Text>
                  </>
                ) : (
                  <Text size="sm" c="dimmed">
                    {item.personText || 'No person named'}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{item.accessLevel}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {item.flags.map((f) => (
                    <Badge key={f} color={FLAG_COLORS[f]} variant="dot">
                      {ACCESS_FLAG_LABELS[f]}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
    </Stack>
  );
}

/** Imports the system's account export (CSV): a preview with the flags first, then all or none. */
export function ImportAccounts({ orgId, reviewId }: { orgId: string; reviewId: string }) {
  const [file, setFile] = useState<File | null>(null);
  const params = { orgId, accessReviewId: reviewId };
  const preview = useApiMutation(api.accessReviews.importAccounts);
  const commit = useApiMutation(api.accessReviews.importAccounts, {
    onSuccess: () => {
      setFile(null);
      preview.reset();
    },
  });
  const result = preview.data;
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Text fw={600}>Import the system's accounts</Text>
        <Text size="sm" c="dimmed">
          A CSV export with the columns account, person and access level (other columns are left
          aside). The person is matched to the roster by email, then employee ID, then exact name.
          Importing again replaces the accounts while no decision is recorded.
        </Text>
        <FileInput
          label="Account export (CSV)"
          accept=".csv,text/csv"
          value={file}
          clearable
          onChange={(f) => {
            setFile(f);
            preview.reset();
            commit.reset();
            if (f) preview.mutate([params, f, { mode: 'preview' }]);
          }}
        />
        <MutationError error={preview.error} action="read the file" />
        {result ? <Preview result={result} /> : null}
        <MutationError error={commit.error} action="import the accounts" />
        {commit.isSuccess ? (
          <Text size="sm" role="status">
            <strong>Imported:</strong> {countOf(commit.data.items.length, 'account')} to review.
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button
            disabled={!file || !result?.valid || result.items.length === 0}
            loading={commit.isPending}
            onClick={() => {
              if (file) commit.mutate([params, file, { mode: 'commit' }]);
            }}
          >
            {result?.valid
              ? `Import ${countOf(result.items.length, 'account')}`
              : 'Import the accounts'}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
