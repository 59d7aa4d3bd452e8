import { Alert, Anchor, Button, FileInput, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import {
  ROSTER_COLUMNS,
  ROSTER_CHANGE_LABELS,
  ROSTER_IMPORT_ACTION_LABELS,
  type RosterImportResult,
} from '../../../contracts/people-schemas';
import { api } from '../../api';
import { useApiMutation } from '../../api/hooks';
import { useActiveOrg } from '../../app/useActiveOrg';
import { countOf } from '../../components/format';
import { ScrollTable } from '../../components/ScrollTable';

/** A CSV holding only the header row the import takes (server: features/people/import.ts). */
const TEMPLATE = `data:text/csv;charset=utf-8,${encodeURIComponent(`${ROSTER_COLUMNS.join(',')}\r\n`)}`;

function Summary({ result }: { result: RosterImportResult }) {
  const parts = [
    countOf(result.created, 'person', 'people') + ' added',
    countOf(result.changed, 'person', 'people') + ' changed',
    countOf(result.unchanged, 'person', 'people') + ' left alone',
  ];
  return (
    <Text size="sm">
      {parts.join(', ')}
      {result.departmentsCreated.length > 0
        ? `; new ${result.departmentsCreated.length === 1 ? 'department' : 'departments'}: ${result.departmentsCreated.join(', ')}`
        : ''}
      .
    </Text>
  );
}

/** Imports the roster from CSV or XLSX: a preview of what changes first, then every row or none. */
export function RosterImportDialog({ onClose }: { onClose: () => void }) {
  const org = useActiveOrg();
  const [file, setFile] = useState<File | null>(null);
  const params = { orgId: org?.orgId ?? '' };
  const preview = useApiMutation(api.people.import);
  const commit = useApiMutation(api.people.import);
  const result = preview.data;
  return (
    <Modal opened onClose={onClose} title="Import the roster" size="xl">
      <Stack gap="sm">
        <Text size="sm">
          A CSV or XLSX file with a header row, at most 20,000 rows. A row is matched with a person
          by employee_id, then by email; anyone else is added. A column left out of the file changes
          nothing; an empty cell clears the field. Columns: {ROSTER_COLUMNS.join(', ')}.
        </Text>
        <Anchor href={TEMPLATE} download="custos-roster-import-template.csv" size="sm">
          Download a template (CSV with the header row)
        </Anchor>
        <FileInput
          label="File"
          accept=".csv,.txt,.xlsx,text/csv"
          value={file}
          onChange={(f) => {
            setFile(f);
            preview.reset();
            commit.reset();
            if (f) preview.mutate([params, f, { mode: 'preview' }]);
          }}
          clearable
        />
        {preview.error ? (
          <Alert color="red" variant="light" role="alert">
            {preview.error.message}
          </Alert>
        ) : null}
        {result && !commit.isSuccess ? (
          result.valid ? (
            <Alert color="teal" variant="light" role="status" title="Ready to import">
              <Summary result={result} />
            </Alert>
          ) : (
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
          )
        ) : null}
        {result?.valid && result.items.length > 0 && !commit.isSuccess ? (
          <ScrollTable label="What the import changes" minWidth={560} withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Row</Table.Th>
                <Table.Th>Person</Table.Th>
                <Table.Th>Change</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.items.slice(0, 50).map((item) => (
                <Table.Tr key={item.row}>
                  <Table.Td>{item.row}</Table.Td>
                  <Table.Td>{item.name}</Table.Td>
                  <Table.Td>
                    {ROSTER_IMPORT_ACTION_LABELS[item.action]}
                    {item.columns.length > 0
                      ? `: ${item.columns.map((c) => ROSTER_CHANGE_LABELS[c]).join(', ')}`
                      : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        ) : null}
        {commit.isSuccess ? (
          <Alert color="teal" variant="light" role="status" title="Imported">
            <Summary result={commit.data} />
          </Alert>
        ) : null}
        {commit.error ? (
          <Alert color="red" variant="light" role="alert">
            {commit.error.message}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {commit.isSuccess ? 'Close' : 'Cancel'}
          </Button>
          {!commit.isSuccess ? (
            <Button
              disabled={!file || !result?.valid || result.created + result.changed === 0}
              loading={commit.isPending}
              onClick={() => {
                if (file) commit.mutate([params, file, { mode: 'commit' }]);
              }}
            >
              Import
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Modal>
  );
}
